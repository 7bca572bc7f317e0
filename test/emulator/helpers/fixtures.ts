/** The docs' response examples, copied into fixtures/ so tests never read outside the repository. */
import { readFileSync } from 'node:fs';
import type { Json } from './api.js';

export function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8')) as Json;
}
