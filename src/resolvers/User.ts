import type { UserResolvers } from '../__generated__/resolvers-types.js';
import { listDepartments } from '../upstream/departments.js';

export const User: UserResolvers = {
  // Conversations embed agents without their status: the directory, read once per request, has it.
  status: (user, _args, { loaders }) =>
    user.status !== undefined ? user.status : loaders.users.all().then((everyone) => everyone.find((agent) => agent.id === user.id)?.status ?? null),
  departments: (user, _args, { upstream }) =>
    listDepartments(upstream).then((departments) => departments.filter((department) => department.members.some((member) => member.id === user.id))),
};
