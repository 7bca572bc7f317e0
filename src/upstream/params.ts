import type { UpstreamDialect, UpstreamSession } from '../domain/context.js';

/**
 * `select` or `relations` with several values, without repeats. The case pages type both as one
 * string and write the values joined with `|` (rest-apis/conversation/conversation-or-cases/list.md:29,33;
 * get.md:31,35), the contact list types them as arrays (customer/untitled.md:29,37), and the 2021
 * calls the fact sheet found repeat the parameter (`relations=a&relations=b`): the account's
 * dialect (ACQUIRE_LIST_PARAMS) decides which form goes out.
 */
export function listParams(name: 'select' | 'relations', values: readonly string[], dialect: UpstreamDialect): Array<[string, string]> {
  const unique = [...new Set(values)];
  if (unique.length === 0) return [];
  return dialect.listParams === 'pipe' ? [[name, unique.join('|')]] : unique.map((value): [string, string] => [name, value]);
}

/** `relations`, sorted so that the same need always gives the same URL. */
export function relationParams(relations: readonly string[], dialect: UpstreamDialect): Array<[string, string]> {
  return listParams('relations', [...relations].sort(), dialect);
}

/**
 * Tells the log when an answer left out a relation it was asked for: what an account that reads
 * `relations` otherwise than ACQUIRE_LIST_PARAMS says does (it keeps one value), and what would
 * otherwise read as an empty relation without a word.
 */
export function checkRelations<T extends object>(session: UpstreamSession, what: string, relations: readonly string[], records: readonly T[]): void {
  const first = records[0];
  if (first === undefined) return;
  const missing = relations.filter((relation) => (first as Record<string, unknown>)[relation] === undefined);
  if (missing.length > 0) {
    session.notice(`Acquire left out the ${missing.join(', ')} of the ${what} it was asked for (relations=${relations.join(',')}): check ACQUIRE_LIST_PARAMS with npm run doctor`);
  }
}
