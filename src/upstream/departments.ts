/** Department endpoints (fact sheet §8). */
import type { UpstreamSession } from '../domain/context.js';
import type { DepartmentRecord } from '../domain/records.js';
import { pageOf } from './envelopes.js';
import { isObject } from './normalize.js';
import { readDepartment } from './readRecords.js';

/**
 * Every department with its members, in one call (`{count, data}`; no paging is documented).
 * The single-department read carries no members, so the list serves both.
 */
export function listDepartments(session: UpstreamSession): Promise<ReadonlyArray<DepartmentRecord>> {
  return session.read({ method: 'GET', path: 'account/department' }, 'departments', readDepartmentList);
}

export function readDepartmentList(body: unknown): DepartmentRecord[] {
  return pageOf(body).items.filter(isObject).map(readDepartment);
}
