/** The messenger's message endpoints: the thread list, send a chat message, update a message. */
import { invalidInput } from '../errors.js';
import { bodyObject, isObject, optionalId, requireId, requireText, userTypeParam } from '../query.js';
import { API_USER, type MessageType } from '../records.js';
import { caseColumns, lastMessage, participantsWithUsers, userRef } from '../render.js';
import type { RouteDefinition } from '../router.js';
import { findMessage } from './caseMessages.js';
import { findCase, requireActive, requireChannel, requireContact } from './caseChecks.js';

const WRITABLE_TYPES: ReadonlySet<string> = new Set<MessageType>(['message', 'note', 'event']);

/** The body's `message` object: `{type, message, translateLangKey?}`. */
export function messageInput(value: unknown, defaultType: MessageType | null): { type: MessageType; text: string } {
  if (!isObject(value)) throw invalidInput('message must be an object with type and message');
  const type = value['type'] ?? defaultType;
  if (typeof type !== 'string' || !WRITABLE_TYPES.has(type)) throw invalidInput('message.type must be message, note or event');
  return { type: type as MessageType, text: requireText(value['message'], 'message.message') };
}

export const messengerRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/crm/messenger/chat/messages',
    handler: ({ store, query }) => {
      const contactId = requireId(query.get('contactId'), 'contactId');
      const threadId = requireId(query.get('threadId'), 'threadId');
      const thread = store.casesByThread.get(threadId) ?? [];
      return thread
        .filter((entry) => entry.record.contactId === contactId)
        .map((entry) => ({
          ...entry.record,
          cases: [],
          users: participantsWithUsers(store, entry),
          lastMessage: lastMessage(entry),
        }));
    },
  },
  {
    method: 'POST',
    path: '/crm/messenger/chat/add-message',
    handler: ({ store, query, body }) => {
      const senderType = userTypeParam(query);
      const contactId = optionalId(query.get('contactId'), 'contactId');
      const input = bodyObject(body);
      const caseId = requireId(input['caseId'], 'caseId');
      const { type, text } = messageInput(input['message'], null);
      const entry = findCase(store, caseId);
      requireChannel(entry, ['chat']);
      requireActive(entry);
      if (contactId !== null) requireContact(entry, contactId);
      const { record } = entry;
      const senderId = senderType === 'user' ? API_USER.id : record.contactId;
      const message = store.addMessage(entry, { senderType, senderId, type, text, seen: 'no' }, new Date().toISOString());
      return {
        ...message,
        // This example, unlike the others, shows the contact with its `meta` column.
        case: { ...caseColumns(record), contact: { ...store.contactsById.get(record.contactId)?.record, meta: {} }, users: participantsWithUsers(store, entry) },
        sender: userRef(store, senderType, senderId),
        threadId: record.threadId,
        contactId: record.contactId,
      };
    },
  },
  {
    method: 'POST',
    path: '/crm/messenger/chat/message/:id',
    handler: ({ store, body, id }) => {
      const { text } = messageInput(bodyObject(body)['message'], 'message');
      const message = findMessage(store, id);
      store.updateMessage(message, text, new Date().toISOString());
      const entry = findCase(store, message.caseId);
      return {
        ...message,
        case: caseColumns(entry.record),
        sender: userRef(store, message.senderType, message.senderId),
        threadId: entry.record.threadId,
      };
    },
  },
];
