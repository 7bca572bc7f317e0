/** Department endpoints (fact sheet §8). */
import type { Cacheable, UpstreamSession } from '../domain/context.js';
import type { DepartmentRecord } from '../domain/records.js';
import { pageOf } from './envelopes.js';
import { isObject } from './normalize.js';
import { readDepartment } from './readRecords.js';

/** The departments embed their members: a change to one of those agents drops the list. */
const CACHED_DEPARTMENTS: Cacheable<ReadonlyArray<DepartmentRecord>> = {
  type: 'Department',
  holds: (departments) => departments.flatMap((department) => department.members.map((member) => ({ kind: 'user' as const, id: member.id }))),
};

/**
 * Every department with its members, in one call (`{count, data}`; no paging is documented).
 * The single-department read carries no members, so the list serves both.
 */
export function listDepartments(session: UpstreamSession): Promise<ReadonlyArray<DepartmentRecord>> {
  return session.read({ method: 'GET', path: 'account/department' }, 'departments', readDepartmentList, CACHED_DEPARTMENTS);
}

export function readDepartmentList(body: unknown): DepartmentRecord[] {
  return pageOf(body).items.filter(isObject).map(readDepartment);
}
