/** GET /crm/objects/contact/{id}. */
import { recordNotFound } from '../errors.js';
import { relationsParam, selectParam } from '../query.js';
import { CONTACT_COLUMNS, renderContact } from '../render.js';
import type { RouteDefinition } from '../router.js';

export const contactRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/crm/objects/contact/:id',
    handler: ({ store, query, id }) => {
      const contact = store.contactsById.get(id);
      if (!contact) throw recordNotFound('Contact', id);
      return renderContact(store, contact, { select: selectParam(query, CONTACT_COLUMNS), relations: relationsParam(query) });
    },
  },
];
