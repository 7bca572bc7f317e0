/** README's error table and the error-code module list the same codes, so clients can rely on the table. */
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '../../src/domain/errorCodes.js';

function readmeCodes(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Errors\n'));
  if (!section) throw new Error('README has no "## Errors" section');
  const rows = section.split('\n').filter((line) => /^\| `/.test(line));
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]!));
}

it("README's error table lists exactly the codes of src/domain/errorCodes.ts, once each", () => {
  const listed = readmeCodes();
  expect(new Set(listed).size).toBe(listed.length);
  expect([...listed].sort()).toEqual(Object.keys(ERROR_CODES).sort());
});
