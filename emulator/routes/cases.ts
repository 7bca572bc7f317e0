/** GET /crm/objects/case (list) and /crm/objects/case/{id}. */
import { recordNotFound } from '../errors.js';
import { nonNegativeIntParam, relationsParam, selectParam, whereParam, type Condition } from '../query.js';
import type { CaseColumn, CaseEntry } from '../records.js';
import { CASE_COLUMNS, renderCase, type View } from '../render.js';
import type { RouteDefinition } from '../router.js';
import type { Dialect } from '../dialect.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;

/**
 * The columns `where` may filter on. The docs describe `where` as "the column name followed by the
 * expression" without listing columns of its own, so these are the documented case columns: the
 * case list's `select` list and the case page's "Available filters" (which adds channel,
 * datePending, queueOrder, userId and waitTime). `meta` is an object and cannot equal a string.
 * Any other column gets a 400 (a guess: the docs do not show how Acquire refuses one).
 */
const WHERE_COLUMNS: ReadonlySet<CaseColumn> = new Set<CaseColumn>([
  'dateCreated', 'dateUpdated', 'id', 'contactId', 'closedBy', 'visitId', 'title', 'description', 'status',
  'closingState', 'dateQueue', 'dateActive', 'dateClosed', 'queueId', 'parentId',
  'channel', 'datePending', 'queueOrder', 'userId', 'waitTime',
]);

/** Acquire compares as strings, so `parentId|eq|null` finds cases that are not reopens. */
const matches = (entry: CaseEntry, conditions: readonly Condition<CaseColumn>[]): boolean =>
  conditions.every(({ column, value }) => String(entry.record[column]) === value);

/**
 * The columns and relations asked for. In the docs dialect both are one string (see dialect.ts):
 * of a repeated parameter, only the last value counts.
 */
export function caseView(query: URLSearchParams, dialect: Dialect): View<CaseColumn> {
  const params = dialect.repeatedCaseParams ? query : lastValues(query, ['select', 'relations']);
  return { select: selectParam(params, CASE_COLUMNS), relations: relationsParam(params) };
}

function lastValues(query: URLSearchParams, names: readonly string[]): URLSearchParams {
  const kept = new URLSearchParams(query);
  for (const name of names) {
    const last = query.getAll(name).at(-1);
    kept.delete(name);
    if (last !== undefined) kept.set(name, last);
  }
  return kept;
}

export const caseRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/crm/objects/case',
    handler: ({ store, query }) => {
      const limit = Math.min(nonNegativeIntParam(query, 'limit', DEFAULT_LIMIT), MAX_LIMIT);
      const page = nonNegativeIntParam(query, 'page', 0);
      const conditions = whereParam(query, WHERE_COLUMNS);
      const view = caseView(query, store.dialect);
      const matching = conditions.length === 0 ? store.cases : store.cases.filter((entry) => matches(entry, conditions));
      const offset = page * limit;
      return {
        page,
        offset,
        limit,
        count: matching.length,
        data: matching.slice(offset, offset + limit).map((entry) => renderCase(store, entry, view)),
      };
    },
  },
  {
    method: 'GET',
    path: '/crm/objects/case/:id',
    handler: ({ store, query, id }) => {
      const entry = store.casesById.get(id);
      if (!entry) throw recordNotFound('Case', id);
      const out = renderCase(store, entry, caseView(query, store.dialect));
      if (!store.dialect.singleCaseTimelineId) delete out['timelineId'];
      return out;
    },
  },
];

