import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { notFound } from '../../domain/errors.js';
import { listDepartments } from '../../upstream/departments.js';
import { parseId } from '../inputs.js';

export const departmentQuery: NonNullable<QueryResolvers['department']> = async (_parent, args, { upstream }) => {
  const id = parseId(args.id, 'id');
  const found = (await listDepartments(upstream)).find((department) => department.id === id);
  if (!found) throw notFound(`Not found in Acquire: no department ${id}`);
  return found;
};
