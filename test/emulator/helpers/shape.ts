/**
 * Compares an answer with a documented example: every key of the example must be present, with a
 * value of the same JSON type. Where the example has null it shows no type, so anything goes; where
 * it has a value, null is a mismatch. Arrays compare each documented element with an answered one
 * of the same `type` (participants: user or contact), else the first. `meta` objects are free-form
 * upstream, so only their type is compared. `exceptions` lists paths (like `data.users[].user.id`)
 * where the emulator deliberately differs (another type, or no such key), each with the reason.
 */
import type { Json } from './api.js';

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

export function shapeMismatches(documented: Json, actual: Json, exceptions: Readonly<Record<string, string>> = {}): string[] {
  const mismatches: string[] = [];
  const visit = (doc: Json, value: Json, path: string, key: string): void => {
    if (doc === null || path in exceptions) return;
    const expected = typeOf(doc);
    const got = typeOf(value);
    if (expected !== got) {
      mismatches.push(`${path}: docs have ${expected}, emulator has ${got}`);
      return;
    }
    if (key === 'meta') return;
    if (expected === 'object') {
      for (const [child, childDoc] of Object.entries(doc as Record<string, Json>)) {
        const childPath = path ? `${path}.${child}` : child;
        if (childPath in exceptions) continue;
        if (!(child in value)) mismatches.push(`${childPath}: missing`);
        else visit(childDoc, value[child], childPath, child);
      }
    } else if (expected === 'array' && doc.length > 0) {
      if (value.length === 0) {
        mismatches.push(`${path}: docs have items, emulator has none`);
        return;
      }
      for (const item of doc as Json[]) {
        const sameType = typeOf(item) === 'object' && typeof item.type === 'string'
          ? (value as Json[]).find((candidate) => candidate?.type === item.type)
          : undefined;
        visit(item, sameType ?? value[0], `${path}[]`, '');
      }
    }
  };
  visit(documented, actual, '', '');
  return [...new Set(mismatches)];
}
