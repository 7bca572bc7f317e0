/**
 * `npm run doctor` as an operator runs it (the built script, in a process of its own, with only the
 * environment given), against the emulator in each dialect: different, correct observations; the
 * settings it names are those the docs-dialect integration run uses; it never writes unless told.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_API_KEY, NO_CASE_ACCESS_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { ACCOUNT_SETTINGS } from '../helpers/dialect.js';

const SCRIPT = fileURLToPath(new URL('../../dist/scripts/doctor.js', import.meta.url));

interface Finding {
  id: string;
  status: 'ok' | 'warn' | 'fail';
  observed: string;
  action: string;
  setting?: { name: string; value: string };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function doctor(env: Record<string, string>, args: string[] = ['--json']): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const emulators: Emulator[] = [];
let plain: Emulator;
let docs: Emulator;

beforeAll(async () => {
  plain = await startEmulator();
  docs = await startEmulator({ dialect: 'docs' });
  emulators.push(plain, docs);
});
afterAll(async () => {
  for (const emulator of emulators) await emulator.stop();
});
beforeEach(() => {
  for (const emulator of emulators) emulator.reset();
});

const account = (emulator: Emulator, key = DEMO_API_KEY) => ({ ACQUIRE_BASE_URL: emulator.url, ACQUIRE_API_KEY: key });

async function findingsOf(run: Run): Promise<Record<string, Finding>> {
  const report = JSON.parse(run.stdout) as { ok: boolean; findings: Finding[] };
  expect(report.ok).toBe(run.code === 0);
  return Object.fromEntries(report.findings.map((finding) => [finding.id, finding]));
}

/** Its calls: only reads (the filter list is a read sent as a POST). */
function expectNoWrite(emulator: Emulator): void {
  const writes = emulator.calls.filter((call) => call.method !== 'GET' && !(call.method === 'POST' && call.path === '/crm/contact/list'));
  expect(writes).toEqual([]);
  expect(emulator.calls.length).toBeGreaterThan(0);
  expect(emulator.calls.length).toBeLessThan(100);
}

const REQUIRED_IDS = ['credentials', 'list-parameters', 'contacts-paging', 'timeline-shape', 'queue-status', 'email-channel', 'notes-paging', 'clock'];

describe('npm run doctor', () => {
  it('on the default dialect: every assumption holds, nothing to set, exit 0, and no write', async () => {
    const run = await doctor(account(plain));
    expect(run.code).toBe(0);
    const findings = await findingsOf(run);
    expect(Object.keys(findings)).toEqual(expect.arrayContaining(REQUIRED_IDS));
    for (const id of REQUIRED_IDS) expect(findings[id]?.status).toBe('ok');
    expect(findings['contacts-paging']?.observed).toMatch(/answered page 1 with other contacts than page 0/);
    expect(findings['timeline-shape']?.observed).toMatch(/the timeline relation is a list of \d+; the timelineId column is there/);
    expect(findings['queue-status']?.observed).toMatch(/^3 case\(s\) with status queue; 0 of \d+ pending/);
    expect(findings['email-channel']?.observed).toMatch(/^\d+ case\(s\) on channel mail, 0 on email/);
    expect(findings['webhook-secret']?.status).toBe('warn');
    expect(Object.values(findings).filter((finding) => finding.setting)).toEqual([]);
    expectNoWrite(plain);
  });

  it('on the docs dialect: other observations, each failing one naming the setting the docs run uses', async () => {
    const run = await doctor(account(docs));
    expect(run.code).toBe(1);
    const findings = await findingsOf(run);
    expect(findings['contacts-paging']).toMatchObject({ status: 'fail', observed: expect.stringMatching(/answered page 1 with the contacts of page 0 \(it ignores page\); the filter list pages/) });
    expect(findings['timeline-shape']).toMatchObject({ status: 'ok', observed: expect.stringMatching(/the timeline relation is one object; the timelineId column is absent/) });
    expect(findings['queue-status']).toMatchObject({ status: 'fail', observed: expect.stringMatching(/^0 case\(s\) with status queue; 3 of \d+ pending case\(s\) read have a queue id and no active date/) });
    expect(findings['email-channel']?.observed).toMatch(/^0 case\(s\) on channel mail, \d+ on email/);
    const named = Object.fromEntries(Object.values(findings).flatMap((finding) => (finding.setting ? [[finding.setting.name, finding.setting.value]] : [])));
    expect(named).toEqual(ACCOUNT_SETTINGS.docs);
    for (const finding of Object.values(findings).filter((candidate) => candidate.setting)) expect(finding.action).toContain(`Set ${finding.setting!.name}=${finding.setting!.value}`);
    expectNoWrite(docs);
  });

  it('on the docs dialect with those settings: nothing fails, exit 0', async () => {
    const run = await doctor({ ...account(docs), ...ACCOUNT_SETTINGS.docs, ACQUIRE_WEBHOOK_SECRET: 's3cret' });
    expect(run.code).toBe(0);
    const findings = await findingsOf(run);
    expect(Object.values(findings).filter((finding) => finding.status !== 'ok')).toEqual([]);
  });

  it('stops at once on a refused key, with credentials failed and exit 1', async () => {
    const run = await doctor(account(plain, 'not-a-key-of-this-account'));
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; findings: Finding[] };
    expect(report).toMatchObject({ ok: false, findings: [{ id: 'credentials', status: 'fail', observed: expect.stringContaining('401') }] });
    expect(report.findings).toHaveLength(1);
    expect(plain.calls).toHaveLength(1);
  });

  it('reports a key without case access as a warning, and what it could not check', async () => {
    const run = await doctor(account(plain, NO_CASE_ACCESS_API_KEY));
    const findings = await findingsOf(run);
    expect(findings.credentials).toMatchObject({ status: 'warn', observed: expect.stringContaining('cases: forbidden') });
    expect(findings['queue-status']).toMatchObject({ status: 'warn', observed: 'Not checked: the key may not read cases.' });
    expectNoWrite(plain);
  });

  it('fails credentials without an account or a key, calling nothing', async () => {
    const run = await doctor({});
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, findings: [{ id: 'credentials', status: 'fail' }] });
  });

  it('writes one internal note, only with --write-case', async () => {
    const run = await doctor(account(plain), ['--json', '--write-case', '1196']);
    const findings = await findingsOf(run);
    expect(findings.writes).toMatchObject({ status: 'ok', observed: expect.stringMatching(/^Note \d+ added to case 1196, read back as NOTE from USER/) });
    const writes = plain.calls.filter((call) => call.method === 'POST' && call.path !== '/crm/contact/list');
    expect(writes.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /crm/messenger/chat/add-message']);
    const refused = await doctor(account(plain), ['--json', '--write-case', '../1']);
    expect((await findingsOf(refused)).writes).toMatchObject({ status: 'fail', observed: expect.stringContaining('is no case id') });
  });

  it('prints a table by default, and refuses unknown arguments with exit 2', async () => {
    const run = await doctor(account(plain), []);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Finding +\| The gateway assumes +\| Observed +\| What to do/);
    for (const id of REQUIRED_IDS) expect(run.stdout).toContain(id);
    const wrong = await doctor(account(plain), ['--fix-everything']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown argument');
  });
});

describe('npm run doctor on hostile answers', () => {
  it.each([
    ['HTML instead of JSON', { status: 200, body: '<html>maintenance</html>', contentType: 'text/html' }],
    ['a JSON string', { status: 200, body: '"x"' }],
    ['rows without ids and a huge count', { status: 200, body: JSON.stringify({ data: { count: 1e300, data: [{ id: null, timeline: 'x'.repeat(100_000) }] } }) }],
    ['a 500', { status: 500, body: '{"error":{"type":"ERROR_SERVER_ERROR","message":"SELECT * FROM secrets"}}' }],
  ])('reports %s as findings, never a crash', async (_what, fault) => {
    plain.setFaults([{ method: 'GET', path: '^/crm/objects/case', ...fault }]);
    const run = await doctor(account(plain));
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { ok: boolean; findings: Finding[] };
    expect(report.findings[0]).toMatchObject({ id: 'credentials', status: 'fail' });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('secrets');
  });

  it('reports unreadable contact and note answers on their own findings', async () => {
    plain.setFaults([
      { method: 'GET', path: '^/crm/objects/contact$', status: 200, body: JSON.stringify({ data: { list: [{ id: { $ne: 1 }, totalNotes: 'many' }], counts: { total: 'lots' } } }) },
      { method: 'POST', path: '^/crm/contact/list$', status: 200, body: '[' },
    ]);
    const run = await doctor(account(plain));
    expect(run.stderr).toBe('');
    const findings = await findingsOf(run);
    expect(findings.credentials?.status).toBe('ok');
    expect(findings['contacts-paging']).toMatchObject({ status: 'fail', observed: expect.stringContaining('a contact without an id') });
    expect(findings['notes-paging']?.status).toBe('warn');
    expect(findings['queue-status']?.status).toBe('ok');
  });
});
