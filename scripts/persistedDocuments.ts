/**
 * `npm run documents`: writes the manifest of trusted documents for the example operations
 * (`operations/**\/*.graphql`) in Apollo's persisted query list format, which PERSISTED_DOCUMENTS
 * reads. Each entry's id is the SHA-256 of the file's text, which is what a client sends (as
 * `extensions.persistedQuery.sha256Hash`, or `documentId: "sha256:<id>"`). With `--check` (in
 * `npm test`) it writes nothing and fails when the checked-in manifest is not up to date.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

// npm runs scripts from the package root.
const ROOT = resolve('operations');
const MANIFEST = join(ROOT, 'persisted-documents.json');

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? graphqlFiles(join(dir, entry.name)) : entry.name.endsWith('.graphql') ? [join(dir, entry.name)] : []))
    .sort();
}

function entryOf(file: string) {
  const body = readFileSync(file, 'utf8');
  const operations = parse(body).definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || !operation?.name) throw new Error(`${relative(ROOT, file)}: a trusted document holds one named operation`);
  return { id: createHash('sha256').update(body, 'utf8').digest('hex'), name: operation.name.value, type: operation.operation, body };
}

const manifest = { format: 'apollo-persisted-query-manifest', version: 1, operations: graphqlFiles(ROOT).map(entryOf) };
const text = `${JSON.stringify(manifest, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(MANIFEST, 'utf8');
  } catch {
    current = '';
  }
  if (current !== text) {
    console.error(`${relative(process.cwd(), MANIFEST)} is not up to date with operations/: run npm run documents`);
    process.exit(1);
  }
  console.log(`${relative(process.cwd(), MANIFEST)}: up to date (${manifest.operations.length} operations)`);
} else {
  writeFileSync(MANIFEST, text);
  console.log(`Wrote ${relative(process.cwd(), MANIFEST)} (${manifest.operations.length} operations)`);
}
