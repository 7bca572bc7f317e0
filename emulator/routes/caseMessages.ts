/** GET and DELETE /crm/objects/case-message/{id}. */
import { recordNotFound } from '../errors.js';
import { relationsParam, selectParam } from '../query.js';
import type { MessageRecord } from '../records.js';
import { MESSAGE_COLUMNS, caseColumns, messageWithSender } from '../render.js';
import type { RouteDefinition } from '../router.js';
import type { AccountStore } from '../store.js';

export function findMessage(store: AccountStore, id: number): MessageRecord {
  const message = store.messagesById.get(id);
  if (!message) throw recordNotFound('Message', id);
  return message;
}

export const caseMessageRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/crm/objects/case-message/:id',
    handler: ({ store, query, id }) => {
      const message = findMessage(store, id);
      const out = messageWithSender(store, message, selectParam(query, MESSAGE_COLUMNS));
      const entry = store.casesById.get(message.caseId);
      if (relationsParam(query).has('case') && entry) out['case'] = caseColumns(entry.record);
      return out;
    },
  },
  {
    method: 'DELETE',
    path: '/crm/objects/case-message/:id',
    handler: ({ store, id }) => {
      store.deleteMessage(findMessage(store, id));
      return { deleted: 1 };
    },
  },
];
