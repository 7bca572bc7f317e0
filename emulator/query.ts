/** Reading and validating request input: query parameters, path ids and JSON bodies. */
import { invalidInput } from './errors.js';
import type { SenderType } from './records.js';

/** A list parameter, given repeated (`a=x&a=y`), `|`-separated (`a=x|y`) or both. */
export function listParam(query: URLSearchParams, name: string): string[] {
  const values: string[] = [];
  for (const raw of query.getAll(name)) {
    for (const part of raw.split('|')) {
      const value = part.trim();
      if (value) values.push(value);
    }
  }
  return values;
}

export function relationsParam(query: URLSearchParams): Set<string> {
  return new Set(listParam(query, 'relations'));
}

/** The `select` columns, or null when none were asked for. Unknown columns are an error, to catch typos. */
export function selectParam<C extends string>(query: URLSearchParams, allowed: ReadonlySet<C>): C[] | null {
  const columns = listParam(query, 'select');
  if (columns.length === 0) return null;
  for (const column of columns) {
    if (!allowed.has(column as C)) throw invalidInput(`Unknown select column "${column}"`);
  }
  return columns as C[];
}

export interface Condition<C extends string> {
  column: C;
  value: string;
}

/** `column|eq|value` conditions, repeated or chained in one value; `eq` is the only documented operator. */
export function whereParam<C extends string>(query: URLSearchParams, allowed: ReadonlySet<C>): Condition<C>[] {
  const conditions: Condition<C>[] = [];
  for (const raw of query.getAll('where')) {
    const parts = raw.split('|');
    if (parts.length % 3 !== 0) throw invalidInput(`where must be column|eq|value, got "${raw}"`);
    for (let index = 0; index < parts.length; index += 3) {
      const [column = '', operator = '', value = ''] = parts.slice(index, index + 3);
      if (!allowed.has(column as C)) throw invalidInput(`where cannot filter on "${column}"`);
      if (operator !== 'eq') throw invalidInput(`where supports only the eq operator, got "${operator}"`);
      conditions.push({ column: column as C, value });
    }
  }
  return conditions;
}

const POSITIVE_INTEGER = /^[1-9][0-9]{0,14}$/;

/** A positive integer id given as a number or a numeric string. */
export function parseId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value === 'string' && POSITIVE_INTEGER.test(value)) return Number(value);
  return null;
}

export function requireId(value: unknown, name: string): number {
  const id = parseId(value);
  if (id === null) throw invalidInput(`${name} must be a positive integer`);
  return id;
}

export function optionalId(value: unknown, name: string): number | null {
  return value === undefined || value === null || value === '' ? null : requireId(value, name);
}

export function nonNegativeIntParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^[0-9]{1,9}$/.test(raw)) throw invalidInput(`${name} must be a non-negative integer`);
  return Number(raw);
}

/** Who an API write speaks as; the docs spell the parameter both `x-user-type` and `-x-user-type`. */
export function userTypeParam(query: URLSearchParams): SenderType {
  const value = query.get('x-user-type') ?? query.get('-x-user-type') ?? 'user';
  if (value !== 'user' && value !== 'contact') throw invalidInput('x-user-type must be "user" or "contact"');
  return value;
}

export type JsonBody = Record<string, unknown>;

export function isObject(value: unknown): value is JsonBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object body; an empty body reads as `{}`. */
export function bodyObject(body: unknown): JsonBody {
  if (body === undefined) return {};
  if (!isObject(body)) throw invalidInput('The request body must be a JSON object');
  return body;
}

export function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidInput(`${name} must be a non-empty string`);
  return value;
}

export function optionalText(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalidInput(`${name} must be a string`);
  return value;
}

export function stringList(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw invalidInput(`${name} must be an array of strings`);
  }
  return value;
}

export function idList(value: unknown, name: string): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidInput(`${name} must be an array of integers`);
  return value.map((item) => requireId(item, name));
}
