/**
 * `npm run docs:fixtures [-- <docs folder>]`: extracts every JSON example of Acquire's public doc
 * pages into test/fixtures/docs/, one file per example with its page and line, so that tests read
 * what the docs show through the gateway's own readers (test/fixtures/docsExamples.test.ts).
 *
 * The folder defaults to `../shared/acquire-docs` (next to the repository). Its `rest-apis/` and
 * `webhook-api/` pages are the first tier; `drafts-2021/` the second, marked as such, and a draft
 * example that repeats one of the first tier word for word is listed, not written again. Examples
 * that are not valid JSON are repaired where the defect is mechanical (a missing comma, bare keys,
 * a truncated end), and the repair is recorded; the rest are listed as unreadable. Re-run it when
 * the docs change: it rewrites the folder from scratch.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const OUT_DIR = resolve('test/fixtures/docs');
const TIERS: ReadonlyArray<{ folder: string; tier: Tier }> = [
  { folder: 'rest-apis', tier: 'current' },
  { folder: 'webhook-api', tier: 'current' },
  { folder: 'drafts-2021', tier: 'drafts-2021' },
];

type Tier = 'current' | 'drafts-2021';

/** Pages whose api-method block names no URL; what the page says it does decides. */
const ENDPOINT_OVERRIDES: Readonly<Record<string, string>> = {
  // "Get a single message based on it's ID", with an `id` path parameter and an empty host.
  'drafts-2021/rest-apis/platform/conversation/messages/get.md': 'GET /crm/objects/case-message/{}',
};

export interface DocExample {
  page: string;
  /** 1-based line of the opening fence. */
  line: number;
  tier: Tier;
  kind: 'response' | 'request';
  /** `METHOD /path/{}` as the page's api-method block names it; null when it names none. */
  endpoint: string | null;
  httpCode: number | null;
  /** What was mended to make the example JSON, or null. */
  repaired: string | null;
  example: unknown;
}

interface IndexEntry {
  page: string;
  line: number;
  tier: Tier;
  kind: DocExample['kind'];
  endpoint: string | null;
  /** The fixture's path under test/fixtures/docs, or why there is none. */
  file?: string;
  duplicateOf?: string;
  unreadable?: string;
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? markdownFiles(join(folder, entry.name)) : entry.name.endsWith('.md') ? [join(folder, entry.name)] : []))
    .sort();
}

/** `https://{{account\_id}}.acquire.io/api/v1/crm/objects/case/{{caseId}}?x=1` -> `/crm/objects/case/{}`. */
function endpointOf(method: string, host: string, path: string): string | null {
  const url = `${host}${path}`.replace(/\\_/g, '_').replace(/[\u200b\s]/g, '');
  const at = url.indexOf('/api/v1/');
  if (at === -1) return null;
  const bare = url.slice(at + '/api/v1'.length).split('?')[0]!.replace(/\{\{?[^}]*\}?\}/g, '{}');
  return `${method.toUpperCase()} ${bare}`;
}

/** Mechanical repairs, each named; tried one after another until the text parses. */
const REPAIRS: ReadonlyArray<{ name: string; apply: (text: string) => string }> = [
  {
    name: 'a missing comma before a key',
    apply: (text) => text.replace(/(["\d\]}]|true|false|null)([ \t]*\n\s*"[^"\n]*"\s*:)/g, '$1,$2'),
  },
  { name: 'bare keys quoted', apply: (text) => text.replace(/^(\s*)([A-Za-z_][\w]*)\s*:/gm, '$1"$2":') },
  { name: 'a truncated end closed', apply: closeBrackets },
];

function closeBrackets(text: string): string {
  const open: string[] = [];
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') open.push('}');
    else if (char === '[') open.push(']');
    else if (char === '}' || char === ']') open.pop();
  }
  return `${text.trimEnd().replace(/,$/, '')}\n${open.reverse().join('\n')}`;
}

function parse(text: string): { value: unknown; repaired: string | null } | { error: string } {
  try {
    return { value: JSON.parse(text), repaired: null };
  } catch (error) {
    let mended = text;
    const applied: string[] = [];
    for (const repair of REPAIRS) {
      const next = repair.apply(mended);
      if (next === mended) continue;
      mended = next;
      applied.push(repair.name);
      try {
        return { value: JSON.parse(mended), repaired: applied.join('; ') };
      } catch {
        // The next repair may be the one it needs.
      }
    }
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The code blocks of one page, each with the api-method block it belongs to. */
function examplesOf(docsRoot: string, file: string, tier: Tier): Array<Omit<DocExample, 'example' | 'repaired'> & { text: string }> {
  const page = relative(docsRoot, file).split('\\').join('/');
  const lines = readFileSync(file, 'utf8').split('\n');
  const found: Array<Omit<DocExample, 'example' | 'repaired'> & { text: string }> = [];
  let endpoint: string | null = null;
  let httpCode: number | null = null;
  let inResponse = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const method = /\{% api-method method="(\w+)" host="([^"]*)" path="([^"]*)"/.exec(line);
    if (method) endpoint = ENDPOINT_OVERRIDES[page] ?? endpointOf(method[1]!, method[2]!, method[3]!);
    const response = /api-method-response-example httpCode=(\d+)/.exec(line);
    if (response) {
      inResponse = true;
      httpCode = Number(response[1]);
    }
    if (line.includes('{% endapi-method-response-example %}')) inResponse = false;
    if (!line.trim().startsWith('```')) continue;
    const start = index;
    let end = index + 1;
    while (end < lines.length && !lines[end]!.trim().startsWith('```')) end += 1;
    const text = lines.slice(start + 1, end).join('\n');
    index = end;
    if (text.trim() === '' || !/^\s*[{[]/.test(text)) continue;
    found.push({ page, line: start + 1, tier, kind: inResponse ? 'response' : 'request', endpoint, httpCode: inResponse ? httpCode : null, text });
  }
  return found;
}

function fixtureName(page: string, line: number, kind: DocExample['kind']): string {
  return `${page.replace(/\.md$/, '')}.${kind}.L${line}.json`;
}

function main(): void {
  const docsRoot = resolve(process.argv[2] ?? '../shared/acquire-docs');
  rmSync(OUT_DIR, { recursive: true, force: true });
  const index: IndexEntry[] = [];
  const written: Array<{ name: string; page: string; example: unknown }> = [];
  for (const { folder, tier } of TIERS) {
    for (const file of markdownFiles(join(docsRoot, folder))) {
      for (const found of examplesOf(docsRoot, file, tier)) {
        const { text, ...where } = found;
        const entry: IndexEntry = { page: where.page, line: where.line, tier, kind: where.kind, endpoint: where.endpoint };
        const parsed = parse(text);
        if ('error' in parsed) {
          index.push({ ...entry, unreadable: parsed.error });
          continue;
        }
        // The drafts repeat many current pages under platform/: the same example is kept once.
        const twin = tier === 'drafts-2021' ? written.find((other) => isDeepStrictEqual(other.example, parsed.value) && where.page.endsWith(other.page.replace(/^rest-apis\//, ''))) : undefined;
        if (twin) {
          index.push({ ...entry, duplicateOf: twin.name });
          continue;
        }
        const name = fixtureName(where.page, where.line, where.kind);
        const fixture: DocExample = { ...where, repaired: parsed.repaired, example: parsed.value };
        mkdirSync(dirname(join(OUT_DIR, name)), { recursive: true });
        writeFileSync(join(OUT_DIR, name), `${JSON.stringify(fixture, null, 2)}\n`);
        written.push({ name, page: where.page, example: parsed.value });
        index.push({ ...entry, file: name });
      }
    }
  }
  writeFileSync(join(OUT_DIR, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  const count = (tier: Tier, test: (entry: IndexEntry) => boolean): number => index.filter((entry) => entry.tier === tier && test(entry)).length;
  for (const tier of ['current', 'drafts-2021'] as const) {
    console.log(
      `${tier}: ${count(tier, (entry) => entry.file !== undefined)} written (${count(tier, (entry) => entry.file !== undefined && entry.kind === 'response')} answers), ` +
        `${count(tier, (entry) => entry.duplicateOf !== undefined)} repeats of the first tier, ${count(tier, (entry) => entry.unreadable !== undefined)} unreadable`,
    );
  }
}

main();
