import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `schema/` sits next to `src/` in the repository and next to the compiled `src/` in dist/.
const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));

/** The SDL, one document per domain file, in a stable order. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(`${SCHEMA_DIR}${file}`, 'utf8'));
}
