/**
 * `npm run schema:accept`: records the current SDL as the new baseline. Breaking changes for
 * clients need `-- --allow-breaking`, on purpose.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compare, printCurrentSchema } from './schemaCompatibility.js';

// npm runs scripts from the package root: the baseline is recorded there, not in dist/.
const BASELINE_FILE = resolve('schema/__baseline__/schema.graphql');
const current = printCurrentSchema();
let baseline: string | null = null;
try {
  baseline = readFileSync(BASELINE_FILE, 'utf8');
} catch {
  baseline = null;
}
if (baseline !== null) {
  const { breaking, dangerous } = compare(baseline, current);
  for (const change of dangerous) console.warn(`dangerous: ${change}`);
  if (breaking.length > 0 && !process.argv.includes('--allow-breaking')) {
    console.error(`Breaking changes for clients:\n${breaking.map((change) => `  ${change}`).join('\n')}`);
    console.error('Not recorded. If they are intended, run: npm run schema:accept -- --allow-breaking');
    process.exit(1);
  }
}
mkdirSync(dirname(BASELINE_FILE), { recursive: true });
writeFileSync(BASELINE_FILE, current);
console.log(`Recorded ${BASELINE_FILE}`);
