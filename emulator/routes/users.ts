/**
 * The settings API's users and departments: GET /account/user(/{id}) and /account/department(/{id}).
 * The API key's pseudo-user is not one of the users. The object-typed `where` and `order` of these
 * lists have no documented encoding, so they are not read.
 */
import { recordNotFound } from '../errors.js';
import { relationsParam } from '../query.js';
import type { Agent, Department, JsonObject } from '../records.js';
import { accountUser, departmentMember } from '../render.js';
import type { RouteDefinition } from '../router.js';
import type { AccountStore } from '../store.js';

/** The department as its get example shows it: active, but for the docs dialect's last one (dialect.ts). */
function departmentRecord(store: AccountStore, { id, name }: Department): JsonObject {
  const disabled = store.dialect.disabledDepartment && store.departments.at(-1)?.id === id;
  return { id, name, status: disabled ? 'disabled' : 'active' };
}

const withMembers = (store: AccountStore, department: Department): JsonObject => ({
  ...departmentRecord(store, department),
  users: department.agentIds.flatMap((id) => {
    const agent = store.agentsById.get(id);
    return agent ? [departmentMember(agent)] : [];
  }),
});

/**
 * `relations=departments` adds the user's departments in their get shape. The user pages name
 * departments as a user's relation without showing a read of it; the add and update answers carry
 * them as an array, so this shape is a guess.
 */
function user(store: AccountStore, agent: Agent, relations: ReadonlySet<string>): JsonObject {
  const out = accountUser(agent);
  if (relations.has('departments')) {
    out['departments'] = store.departments.filter((department) => department.agentIds.includes(agent.id)).map((department) => departmentRecord(store, department));
  }
  return out;
}

export const userRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/account/user',
    handler: ({ store, query }) => {
      const relations = relationsParam(query);
      return { count: store.agents.length, data: store.agents.map((agent) => user(store, agent, relations)) };
    },
  },
  {
    method: 'GET',
    path: '/account/user/:id',
    handler: ({ store, query, id }) => {
      const agent = store.agentsById.get(id);
      if (!agent) throw recordNotFound('User', id);
      return { ...user(store, agent, relationsParam(query)), logo: null, organization: store.profile.organization, sso: false };
    },
  },
  {
    method: 'GET',
    path: '/account/department',
    handler: ({ store }) => ({ count: store.departments.length, data: store.departments.map((department) => withMembers(store, department)) }),
  },
  {
    method: 'GET',
    path: '/account/department/:id',
    handler: ({ store, query, id }) => {
      const department = store.departmentsById.get(id);
      if (!department) throw recordNotFound('Department', id);
      // The get example has no users; `relations=users` adds them as the list shows them (a guess).
      return relationsParam(query).has('users') ? withMembers(store, department) : departmentRecord(store, department);
    },
  },
];
