/**
 * The schema's contract with its clients: the committed baseline (schema/__baseline__) is the
 * schema clients were last promised. Tests fail when the SDL drifts from it, and recording a new
 * baseline refuses breaking changes unless asked explicitly (`npm run schema:accept -- --allow-breaking`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../src/schema.js';

export const BASELINE_FILE = fileURLToPath(new URL('../schema/__baseline__/schema.graphql', import.meta.url));

/** The SDL as one sorted document, so that moving things between files changes nothing. */
export function printCurrentSchema(): string {
  return printSchema(lexicographicSortSchema(buildSchema(loadTypeDefs().join('\n'))));
}

export function readBaseline(): string {
  return readFileSync(BASELINE_FILE, 'utf8');
}

export interface Compatibility {
  breaking: string[];
  dangerous: string[];
}

export function compare(before: GraphQLSchema | string, after: GraphQLSchema | string): Compatibility {
  const old = typeof before === 'string' ? buildSchema(before) : before;
  const next = typeof after === 'string' ? buildSchema(after) : after;
  return {
    breaking: findBreakingChanges(old, next).map((change) => `${change.type}: ${change.description}`),
    dangerous: findDangerousChanges(old, next).map((change) => `${change.type}: ${change.description}`),
  };
}
