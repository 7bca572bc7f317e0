import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import type { UpstreamSession } from '../../domain/context.js';
import { notFound } from '../../domain/errors.js';
import type { DepartmentRecord } from '../../domain/records.js';
import { listDepartments } from '../../upstream/departments.js';
import { parseId } from '../inputs.js';

/** A department by its checked id, from the department list (one read per request, however many are asked for). */
export async function readDepartment(upstream: UpstreamSession, id: string): Promise<DepartmentRecord> {
  const found = (await listDepartments(upstream)).find((department) => department.id === id);
  if (!found) throw notFound(`Not found in Acquire: no department ${id}`);
  return found;
}

export const departmentQuery: NonNullable<QueryResolvers['department']> = (_parent, args, { upstream }) => readDepartment(upstream, parseId(args.id, 'id'));
