/** GET /account/user and /account/user/{id}: the agents. The API key's pseudo-user is not one of them. */
import { recordNotFound } from '../errors.js';
import { accountUser } from '../render.js';
import type { RouteDefinition } from '../router.js';

export const userRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/account/user',
    handler: ({ store }) => ({ count: store.agents.length, data: store.agents.map(accountUser) }),
  },
  {
    method: 'GET',
    path: '/account/user/:id',
    handler: ({ store, id }) => {
      const agent = store.agentsById.get(id);
      if (!agent) throw recordNotFound('User', id);
      return { ...accountUser(agent), logo: null, organization: store.profile.organization, sso: false };
    },
  },
];
