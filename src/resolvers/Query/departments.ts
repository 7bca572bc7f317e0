import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { listDepartments } from '../../upstream/departments.js';

export const departmentsQuery: NonNullable<QueryResolvers['departments']> = (_parent, _args, { upstream }) => listDepartments(upstream);
