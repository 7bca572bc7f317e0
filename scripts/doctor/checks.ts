/**
 * What the doctor checks, assumption by assumption: each check makes a few reads (never a write
 * unless `writeCase` is given), compares what the account answered with what the gateway's
 * settings make it send, and says what the gateway will do and which setting to change.
 * Answers are read with the gateway's own readers, and anything unreadable is a finding, never
 * a crash.
 */
import type { UpstreamDialect } from '../../src/domain/context.js';
import { readCaseList } from '../../src/upstream/cases.js';
import { readContactList, readContactSearch } from '../../src/upstream/contacts.js';
import { readMessageAnswer } from '../../src/upstream/messages.js';
import { readNoteList } from '../../src/upstream/notes.js';
import { isObject, toId, toInt } from '../../src/upstream/normalize.js';
import type { Answer, Prober } from './prober.js';

export type Status = 'ok' | 'warn' | 'fail';

export interface Finding {
  id: string;
  status: Status;
  /** What the gateway assumes. */
  assumption: string;
  observed: string;
  /** What the gateway will do, and what to set if anything. */
  action: string;
  /** The setting to change, when one would fix it. */
  setting?: { name: string; value: string };
}

export interface CheckOptions {
  dialect: UpstreamDialect;
  webhookSecret: boolean;
  /** The case `--write-case` names: the one write, an internal note, goes there. */
  writeCase: string | null;
}

type Json = Record<string, unknown>;

const SETTINGS = {
  listParams: 'ACQUIRE_LIST_PARAMS',
  queueStatus: 'ACQUIRE_QUEUE_STATUS',
  contactPaging: 'ACQUIRE_CONTACT_PAGING',
  emailChannel: 'ACQUIRE_EMAIL_CHANNEL',
  notesFirstPage: 'ACQUIRE_NOTES_FIRST_PAGE',
} as const satisfies Record<keyof UpstreamDialect, string>;

/** What the gateway assumes, by finding. */
const ASSUMPTIONS: Readonly<Record<string, string>> = {
  'list-parameters': 'select and relations with several values are sent as the account reads them: repeated (a=x&a=y) or joined with | (a=x|y).',
  'timeline-shape': "An SMS reply names the case's timeline entry: its timelineId column, or its timeline relation (one object or a list).",
  'queue-status': "A case waiting in a routing queue has the upstream status queue, or is pending with a queue id and no active date (the drafts' example).",
  'email-channel': 'E-mail cases have the channel the gateway filters and creates with: mail or email.',
  'contacts-paging': 'contacts(after:) reaches every contact once: the contact list honours page (undocumented there), or the Filter Contact List POST does (documented).',
  'notes-paging': "The notes list's first page has the number ACQUIRE_NOTES_FIRST_PAGE says (the docs say only \"The page number.\").",
  writes: 'The key may write: an internal note goes into a case as the key’s pseudo-agent.',
};

/** A finding that the current setting is right, or that another value is, naming it. */
function settingFinding<K extends keyof UpstreamDialect>(
  id: string,
  assumption: string,
  observed: string,
  key: K,
  current: UpstreamDialect[K],
  wanted: UpstreamDialect[K],
  consequence: string,
): Finding {
  if (current === wanted) return { id, status: 'ok', assumption, observed, action: `None: ${SETTINGS[key]}=${String(current)} fits.` };
  return {
    id,
    status: 'fail',
    assumption,
    observed,
    action: `Set ${SETTINGS[key]}=${String(wanted)}. With ${String(current)}, ${consequence}.`,
    setting: { name: SETTINGS[key], value: String(wanted) },
  };
}

const rowsOf = (answer: Answer): Json[] => {
  if (answer.status !== 200 || !isObject(answer.body) || !('data' in answer.body)) return [];
  const data = answer.body.data;
  if (Array.isArray(data)) return data.filter(isObject);
  if (!isObject(data)) return [];
  for (const key of ['data', 'rows', 'list']) if (Array.isArray(data[key])) return (data[key] as unknown[]).filter(isObject);
  return [];
};

/** A list's count, as the gateway reads it; null when the answer is no list. */
function countOf(answer: Answer): number | null {
  if (answer.status !== 200) return null;
  try {
    return readCaseList(answer.body).total;
  } catch {
    return null;
  }
}

const idsOf = (rows: readonly Json[], key = 'id'): string => rows.map((row) => toId(row[key]) ?? '?').join(',');

function describe(answer: Answer): string {
  if (answer.status === 200) return answer.body === undefined ? 'an answer that is not JSON' : 'an answer of an unknown shape';
  return `HTTP ${answer.status}`;
}

/** The key, and what it may read: one list call per resource. */
async function credentials(prober: Prober): Promise<{ finding: Finding; cases: Answer | null; contacts: Answer | null; stop: boolean }> {
  const assumption = 'The API key is accepted and may read cases, contacts, agents and departments.';
  const cases = await prober.get('crm/objects/case', [['limit', '20'], ['page', '0']]);
  if (cases.status === 401) {
    return { finding: { id: 'credentials', status: 'fail', assumption, observed: 'Acquire refused the key (HTTP 401).', action: 'Check ACQUIRE_API_KEY (Settings > For Developers > API Key(s)); nothing else was checked.' }, cases: null, contacts: null, stop: true };
  }
  if (cases.status >= 500 || (cases.status === 200 && countOf(cases) === null)) {
    return { finding: { id: 'credentials', status: 'fail', assumption, observed: `The case list answered with ${describe(cases)}.`, action: 'Check ACQUIRE_ACCOUNT_ID or ACQUIRE_BASE_URL; nothing else was checked.' }, cases: null, contacts: null, stop: true };
  }
  const contacts = await prober.get('crm/objects/contact', [['limit', '20'], ['page', '0']]);
  const users = await prober.get('account/user');
  const departments = await prober.get('account/department');
  const access = { cases, contacts, agents: users, departments };
  const refused = Object.entries(access).filter(([, answer]) => answer.status !== 200);
  const observed = `Key accepted; ${Object.entries(access).map(([name, answer]) => `${name}: ${answer.status === 200 ? 'readable' : answer.status === 403 ? 'forbidden' : describe(answer)}`).join(', ')}.`;
  return {
    finding: refused.length === 0
      ? { id: 'credentials', status: 'ok', assumption, observed, action: 'None.' }
      : { id: 'credentials', status: 'warn', assumption, observed, action: `Fields over ${refused.map(([name]) => name).join(', ')} answer FORBIDDEN; give the key those permissions (or Full Access) if clients need them.` },
    cases: cases.status === 200 ? cases : null,
    contacts: contacts.status === 200 ? contacts : null,
    stop: false,
  };
}

function clock(first: Answer | null): Finding {
  const assumption = "Acquire's clock and this machine's agree (dates, snoozes and block times are compared across them).";
  if (!first || first.serverTime === null) return { id: 'clock', status: 'warn', assumption, observed: 'No Date header to compare with.', action: 'None possible; check this machine’s clock (NTP).' };
  const skew = Math.round((first.serverTime - first.localTime) / 1000);
  // The Date header counts whole seconds.
  const observed = Math.abs(skew) <= 1 ? 'The clocks agree to the second the Date header gives.' : `Acquire's clock is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} this machine's.`;
  return Math.abs(skew) <= 30
    ? { id: 'clock', status: 'ok', assumption, observed, action: 'None.' }
    : { id: 'clock', status: 'warn', assumption, observed, action: 'Synchronise this machine’s clock (NTP): snooze and block times are sent from it.' };
}

/** Which spellings of several `relations` (and `select`) values the single case honours. */
async function listParameters(prober: Prober, caseId: string, dialect: UpstreamDialect): Promise<Finding> {
  const assumption = ASSUMPTIONS['list-parameters']!;
  const path = `crm/objects/case/${caseId}`;
  const embeds = (answer: Answer): boolean => answer.status === 200 && isObject(answer.body) && isObject(answer.body.data) && 'contact' in answer.body.data && 'users' in answer.body.data;
  const selects = (answer: Answer): boolean => {
    const [row] = rowsOf(answer);
    return row !== undefined && 'title' in row && 'status' in row;
  };
  const list: Array<readonly [string, string]> = [['limit', '1'], ['page', '0']];
  const spelled = {
    repeated: {
      relations: embeds(await prober.get(path, [['relations', 'contact'], ['relations', 'users']])),
      select: selects(await prober.get('crm/objects/case', [...list, ['select', 'id'], ['select', 'title'], ['select', 'status']])),
    },
    pipe: {
      relations: embeds(await prober.get(path, [['relations', 'contact|users']])),
      select: selects(await prober.get('crm/objects/case', [...list, ['select', 'id|title|status']])),
    },
  };
  const honours = { repeated: spelled.repeated.relations && spelled.repeated.select, pipe: spelled.pipe.relations && spelled.pipe.select };
  const said = ({ relations, select }: { relations: boolean; select: boolean }): string =>
    `${relations ? 'embeds both' : 'does not embed both'} and ${select ? 'selects all three' : 'does not select all three'}`;
  const observed = `Case ${caseId} asked for relations contact and users, the list for columns id, title and status: repeated ${said(spelled.repeated)}; joined with | ${said(spelled.pipe)}.`;
  if (honours.repeated && honours.pipe) return { id: 'list-parameters', status: 'ok', assumption, observed, action: `None: either works (${SETTINGS.listParams}=${dialect.listParams}).` };
  if (!honours.repeated && !honours.pipe) {
    return { id: 'list-parameters', status: 'fail', assumption, observed, action: 'Neither spelling embeds two relations: reads that need several will miss some (each is logged). Tell us what the account answers.' };
  }
  return settingFinding('list-parameters', assumption, observed, 'listParams', dialect.listParams, honours.pipe ? 'pipe' : 'repeated', 'reads that embed several relations lose all but one, which read as empty (each is logged)');
}

/** Whether the contact list honours `page`, and whether the filter list does. */
async function contactsPaging(prober: Prober, first: Answer | null, dialect: UpstreamDialect): Promise<Finding> {
  const assumption = ASSUMPTIONS['contacts-paging']!;
  if (!first) return { id: 'contacts-paging', status: 'warn', assumption, observed: 'Not checked: the key may not read contacts.', action: 'None.' };
  const page0 = readContactList(first.body);
  if (page0.items.length < 20 && (page0.total ?? 0) <= 20) {
    return { id: 'contacts-paging', status: 'warn', assumption, observed: `The account has ${page0.items.length} contacts: too few to see a second page.`, action: 'Run the doctor again once there are more than 20 contacts.' };
  }
  const listPage1 = await prober.get('crm/objects/contact', [['limit', '20'], ['page', '1']]);
  const listPages = listPage1.status === 200 && idsOf(rowsOf(listPage1)) !== idsOf(rowsOf(first));
  const search = (page: number) => prober.post('crm/contact/list', { payload: {}, page, limit: 20, search: '' });
  const filter0 = await search(0);
  const filter1 = await search(1);
  const searchIds = (answer: Answer): string => (answer.status === 200 ? readContactSearch(answer.body).items.map((contact) => contact.id).join(',') : '');
  const filterPages = filter0.status === 200 && filter1.status === 200 && searchIds(filter0) !== searchIds(filter1) && searchIds(filter0) !== '';
  const observed = `The contact list ${listPages ? 'answered page 1 with other contacts than page 0' : 'answered page 1 with the contacts of page 0 (it ignores page)'}; the filter list ${filterPages ? 'pages' : 'does not page'}.`;
  if (listPages) {
    return { id: 'contacts-paging', status: 'ok', assumption, observed, action: `None${dialect.contactPaging === 'filter' ? `; ${SETTINGS.contactPaging}=list would embed the contacts' relations in the same call` : ''}.` };
  }
  if (!filterPages) {
    return { id: 'contacts-paging', status: 'fail', assumption, observed, action: 'contacts(after:) ends after the first page (a repeated page ends the list, and is logged); contacts(search:) still finds any contact.' };
  }
  return settingFinding('contacts-paging', assumption, observed, 'contactPaging', dialect.contactPaging, 'filter', 'contacts(after:) ends after the first page (the repeat is logged)');
}

/** The shape of the case's `timeline` relation and whether it carries `timelineId`. */
async function timelineShape(prober: Prober, caseIds: readonly string[]): Promise<Finding> {
  const assumption = ASSUMPTIONS['timeline-shape']!;
  for (const id of caseIds.slice(0, 3)) {
    const answer = await prober.get(`crm/objects/case/${id}`, [['relations', 'timeline']]);
    const data = answer.status === 200 && isObject(answer.body) && isObject(answer.body.data) ? answer.body.data : null;
    if (!data) continue;
    const timeline = data.timeline;
    const shape = isObject(timeline) ? 'one object' : Array.isArray(timeline) ? `a list of ${timeline.length}` : timeline === undefined ? 'absent' : `${JSON.stringify(timeline).slice(0, 20)}`;
    const column = toId(data.timelineId) !== null;
    const observed = `Case ${id}: the timeline relation is ${shape}; the timelineId column is ${column ? 'there' : 'absent'}.`;
    const found = column || isObject(timeline) || (Array.isArray(timeline) && timeline.length > 0);
    if (found) return { id: 'timeline-shape', status: 'ok', assumption, observed, action: 'None: the gateway reads both shapes.' };
    return { id: 'timeline-shape', status: 'warn', assumption, observed, action: 'sendMessage(channel: SMS) answers BAD_USER_INPUT for a case without a timeline entry.' };
  }
  return { id: 'timeline-shape', status: 'warn', assumption, observed: 'Not checked: no case could be read.', action: 'None.' };
}

/** Waiting cases: a literal `queue` status, or pending with a queue id and no active date. */
async function queueStatus(prober: Prober, dialect: UpstreamDialect): Promise<Finding> {
  const assumption = ASSUMPTIONS['queue-status']!;
  const literal = countOf(await prober.get('crm/objects/case', [['limit', '1'], ['page', '0'], ['where', 'status|eq|queue']]));
  const pending = await prober.get('crm/objects/case', [['limit', '200'], ['page', '0'], ['where', 'status|eq|pending']]);
  const pendingRows = pending.status === 200 ? readCaseList(pending.body).items : [];
  const queued = pendingRows.filter((record) => record.status === 'QUEUE').length;
  const observed = `${literal ?? 'an unreadable count of'} case(s) with status queue; ${queued} of ${pendingRows.length} pending case(s) read have a queue id and no active date.`;
  if ((literal ?? 0) > 0 && queued === 0) return settingFinding('queue-status', assumption, observed, 'queueStatus', dialect.queueStatus, 'queue', 'the QUEUE filter finds none of them');
  if ((literal ?? 0) === 0 && queued > 0) return settingFinding('queue-status', assumption, observed, 'queueStatus', dialect.queueStatus, 'pending', 'the QUEUE filter finds none of them (they still read as QUEUE one by one)');
  if ((literal ?? 0) > 0 && queued > 0) return { id: 'queue-status', status: 'warn', assumption, observed, action: `Both readings occur: ${SETTINGS.queueStatus}=${dialect.queueStatus} filters on one of them only. Tell us.` };
  return { id: 'queue-status', status: 'warn', assumption, observed, action: 'No case is waiting now, so nothing tells the readings apart: run the doctor again while a chat waits in a queue.' };
}

/** The e-mail channel's name: `mail` or `email`. */
async function emailChannel(prober: Prober, dialect: UpstreamDialect): Promise<Finding> {
  const assumption = ASSUMPTIONS['email-channel']!;
  const counts = { mail: 0, email: 0 };
  for (const name of ['mail', 'email'] as const) {
    counts[name] = countOf(await prober.get('crm/objects/case', [['limit', '1'], ['page', '0'], ['where', `channel|eq|${name}`]])) ?? 0;
  }
  const observed = `${counts.mail} case(s) on channel mail, ${counts.email} on email.`;
  if (counts.mail > 0 && counts.email === 0) return settingFinding('email-channel', assumption, observed, 'emailChannel', dialect.emailChannel, 'mail', 'the EMAIL filter finds none and new e-mail cases are refused');
  if (counts.email > 0 && counts.mail === 0) return settingFinding('email-channel', assumption, observed, 'emailChannel', dialect.emailChannel, 'email', 'the EMAIL filter finds none and new e-mail cases are refused');
  if (counts.mail > 0) return { id: 'email-channel', status: 'warn', assumption, observed, action: `Both names occur: the EMAIL filter finds the ${dialect.emailChannel} ones only (both read as EMAIL).` };
  return { id: 'email-channel', status: 'warn', assumption, observed, action: 'No e-mail case yet, so nothing tells: run the doctor again after the first e-mail conversation.' };
}

/** Where the notes list's pages start: page 0 and page 1 of a contact with several notes. */
async function notesPaging(prober: Prober, contacts: Answer | null, dialect: UpstreamDialect): Promise<Finding> {
  const assumption = ASSUMPTIONS['notes-paging']!;
  const rows = contacts ? rowsOf(contacts) : [];
  const candidate = rows.find((row) => (toInt(row.totalNotes) ?? 0) >= 2) ?? null;
  const contactId = candidate ? toId(candidate.contactId ?? candidate.id) : null;
  if (contactId === null) {
    return { id: 'notes-paging', status: 'warn', assumption, observed: 'No contact among the first 20 has two notes.', action: 'Run the doctor again once a listed contact has two notes.' };
  }
  const page = async (number: number): Promise<string | null> => {
    const answer = await prober.get('crm/note', [['contact_id', contactId], ['limit', '1'], ['page', String(number)]]);
    if (answer.status !== 200) return null;
    try {
      return readNoteList(answer.body).items.map((note) => note.id).join(',');
    } catch {
      return null;
    }
  };
  const [zero, one, two] = [await page(0), await page(1), await page(2)];
  const observed = `Contact ${contactId}, one note a page: page 0 ${zero || 'empty'}, page 1 ${one || 'empty'}, page 2 ${two || 'empty'}.`;
  if (zero === null || one === null) return { id: 'notes-paging', status: 'warn', assumption, observed: `${observed} (unreadable)`, action: 'None possible.' };
  if (zero !== one) return settingFinding('notes-paging', assumption, observed, 'notesFirstPage', dialect.notesFirstPage, 0, 'the second page of notes repeats the first and the list ends there (logged)');
  if (two !== null && two !== '' && two !== one) return settingFinding('notes-paging', assumption, observed, 'notesFirstPage', dialect.notesFirstPage, 1, 'the second page of notes repeats the first and the list ends there (logged)');
  return { id: 'notes-paging', status: 'fail', assumption, observed, action: 'The notes list ignores page: Contact.notes serves the first page only (a repeated page ends it, and is logged).' };
}

function webhookSecret(set: boolean): Finding {
  const assumption = 'Acquire signs its outbound webhooks with the secret in ACQUIRE_WEBHOOK_SECRET.';
  return set
    ? { id: 'webhook-secret', status: 'ok', assumption, observed: 'ACQUIRE_WEBHOOK_SECRET is set (whether it is the webhook’s own secret shows on the first webhook).', action: 'None.' }
    : {
        id: 'webhook-secret',
        status: 'warn',
        assumption,
        observed: 'ACQUIRE_WEBHOOK_SECRET is not set.',
        action: 'POST /webhooks/acquire answers 503: subscriptions see only the gateway’s own writes and polls. Set it to the secret of an outbound webhook (README, Live events).',
      };
}

/** The one write, asked for by name: an internal note in the given case, as sendMessage(type: NOTE) sends it. */
async function writes(prober: Prober, caseId: string): Promise<Finding> {
  const assumption = ASSUMPTIONS.writes!;
  if (!/^[1-9]\d{0,15}$/.test(caseId)) return { id: 'writes', status: 'fail', assumption, observed: `--write-case ${caseId.slice(0, 40)} is no case id.`, action: 'Name a case by its numeric id.' };
  const answer = await prober.post('crm/messenger/chat/add-message', { channel: 'chat', caseId: Number(caseId), message: { type: 'note', message: 'Acquire gateway doctor: write check (an internal note; it may be deleted).' } }, [['x-user-type', 'user']]);
  if (answer.status !== 200) return { id: 'writes', status: 'fail', assumption, observed: `The note to case ${caseId} was refused (${describe(answer)}).`, action: 'Writes fail the same way: check the key’s permissions and that the case is an active chat.' };
  try {
    const message = readMessageAnswer(answer.body);
    return { id: 'writes', status: message.type === 'NOTE' ? 'ok' : 'warn', assumption, observed: `Note ${message.id} added to case ${caseId}, read back as ${message.type ?? 'no type'} from ${message.senderType ?? 'nobody'}.`, action: message.type === 'NOTE' ? 'None; delete the note in Acquire if you wish.' : 'Notes may not read back as notes: tell us.' };
  } catch {
    return { id: 'writes', status: 'warn', assumption, observed: `Case ${caseId} answered the note with ${describe(answer)}.`, action: 'The write may have been done; its answer cannot be read: tell us.' };
  }
}

/** A check that failed to run (a call that did not come back, an answer the gateway cannot read) is a finding too. */
async function guarded(id: string, check: () => Promise<Finding>): Promise<Finding> {
  try {
    return await check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { id, status: 'fail', assumption: ASSUMPTIONS[id] ?? '', observed: `The check could not finish: ${reason.slice(0, 300)}`, action: 'The gateway’s reads there will fail the same way: tell us what the account answers.' };
  }
}

/** Every check, in order; a refused key or an unreachable account stops after `credentials`. */
export async function runChecks(prober: Prober, options: CheckOptions): Promise<Finding[]> {
  let access: Awaited<ReturnType<typeof credentials>>;
  try {
    access = await credentials(prober);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ id: 'credentials', status: 'fail', assumption: 'The account answers.', observed: `Acquire could not be reached: ${reason.slice(0, 300)}.`, action: 'Check ACQUIRE_ACCOUNT_ID or ACQUIRE_BASE_URL and the network; nothing else was checked.' }];
  }
  const findings: Finding[] = [access.finding];
  if (access.stop) return findings;
  const caseIds = access.cases ? readCaseList(access.cases.body).items.map((record) => record.id) : [];
  const firstCase = caseIds[0];
  const withCase = (id: string, check: (caseId: string) => Promise<Finding>): Promise<Finding> =>
    firstCase === undefined
      ? Promise.resolve({ id, status: 'warn', assumption: ASSUMPTIONS[id] ?? '', observed: access.cases ? 'The account has no case yet.' : 'Not checked: the key may not read cases.', action: 'None possible now.' })
      : guarded(id, () => check(firstCase));
  findings.push(await withCase('list-parameters', (caseId) => listParameters(prober, caseId, options.dialect)));
  findings.push(await guarded('contacts-paging', () => contactsPaging(prober, access.contacts, options.dialect)));
  findings.push(await withCase('timeline-shape', () => timelineShape(prober, caseIds)));
  findings.push(await withCase('queue-status', () => queueStatus(prober, options.dialect)));
  findings.push(await withCase('email-channel', () => emailChannel(prober, options.dialect)));
  findings.push(await guarded('notes-paging', () => notesPaging(prober, access.contacts, options.dialect)));
  findings.push(clock(access.cases ?? access.contacts));
  findings.push(webhookSecret(options.webhookSecret));
  if (options.writeCase !== null) {
    const caseId = options.writeCase;
    findings.push(await guarded('writes', () => writes(prober, caseId)));
  }
  return findings;
}
