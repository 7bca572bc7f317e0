/**
 * The one place that knows the upstream's response envelopes (fact sheet §1.4). Every success
 * body is `{"data": ...}`; inside, lists come in five shapes and actions in a few odd ones.
 */
import { malformedError } from './errors.js';
import { isObject, toBool, toInt, toStr } from './normalize.js';

/** One page of a list endpoint, whatever envelope it came in. */
export interface Page<T> {
  readonly items: ReadonlyArray<T>;
  /** The upstream's total count, when the envelope has one. */
  readonly total: number | null;
}

/** The payload under the top-level `data` key. */
export function dataOf(body: unknown): unknown {
  if (!isObject(body) || !('data' in body)) throw malformedError('an answer without the "data" envelope');
  return body.data;
}

/** One record: `{"data": {...}}`. */
export function recordOf(body: unknown): Record<string, unknown> {
  const data = dataOf(body);
  if (!isObject(data)) throw malformedError('a non-object where one record was expected');
  return data;
}

/**
 * Any list envelope: `{page, offset, limit, count, data:[]}`, `{count, data:[]}`,
 * `{count, rows:[]}`, `{list:[], counts:{total|filteredCount}}`, or a bare array.
 */
export function pageOf(body: unknown): Page<unknown> {
  const data = dataOf(body);
  if (Array.isArray(data)) return { items: data, total: data.length };
  if (!isObject(data)) throw malformedError('a non-list where a list was expected');
  for (const key of ['data', 'rows', 'list']) {
    const items = data[key];
    if (Array.isArray(items)) return { items, total: totalOf(data) };
  }
  throw malformedError('a list envelope of unknown shape');
}

function totalOf(data: Record<string, unknown>): number | null {
  const direct = toInt(data.count);
  if (direct !== null) return direct;
  const counts = data.counts;
  if (isObject(counts)) return toInt(counts.total) ?? toInt(counts.filteredCount);
  return null;
}

/**
 * Close-case and invite-agent answer with a map whose numeric-string keys hold the entries,
 * next to scalars: `{"0": {...}, "userId": 1}` or `{"1": {...}, "11": {...}}`.
 */
export function keyedEntriesOf(body: unknown): Array<Record<string, unknown>> {
  const data = dataOf(body);
  if (Array.isArray(data)) return data.filter(isObject);
  if (!isObject(data)) throw malformedError('a non-object where a keyed map was expected');
  return Object.keys(data)
    .filter((key) => /^\d+$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => data[key])
    .filter(isObject);
}

/**
 * `{success, message[, data]}` (delete note, create and delete snooze): a `success` that is not
 * true is a failure whatever else came, and the write may not have been done. `what` names the call.
 */
export function successOf(body: unknown, what: string): Record<string, unknown> {
  const answer = dataOf(body);
  if (!isObject(answer) || toBool(answer.success) !== true) {
    const said = isObject(answer) ? toStr(answer.message) : null;
    throw malformedError(`an answer to the ${what} that is not a success${said ? ` ("${said.slice(0, 200)}")` : ''}`);
  }
  return answer;
}
