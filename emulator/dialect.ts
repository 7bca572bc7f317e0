/**
 * How the emulator answers where the doc pages allow two readings. `default` is the reading the
 * gateway and the emulator always shared (what the tests pin); `docs` answers as the pages read,
 * each choice with the page and line that decides it. `npm run doctor` tells the two apart, and
 * `npm test` runs the integration suite against both (EMULATOR_DIALECT=docs).
 */
import type { CaseEntry, Channel } from './records.js';

export const DIALECT_NAMES = ['default', 'docs'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

export interface Dialect {
  readonly name: DialectName;
  /**
   * The e-mail channel of cases and messages. docs: "The case must have its channel set to email"
   * (rest-apis/conversation/conversation-or-cases/messages-1/add.md:220); `mail` is refused then.
   */
  readonly emailChannel: 'mail' | 'email';
  /**
   * A case waiting in a routing queue. docs: no `queue` status ("such as active, close, etc.",
   * conversation-or-cases/README.md:17); the drafts' case sent back to the queue is `pending` with
   * `queueId` 15 and no `dateActive` (drafts-2021/.../conversation-or-cases/case-reject.md:43,47,49).
   */
  readonly queueStatus: 'queue' | 'pending';
  /**
   * Whether GET /crm/objects/contact honours `page`. docs: the page lists `limit`, `select`, `where`
   * and `relations` only (rest-apis/customer/untitled.md:25-39), so every page is the first; the
   * Filter Contact List POST, which sends `page` (untitled.md:836-843), honours it in both.
   */
  readonly contactListPages: boolean;
  /**
   * The notes list's first page. docs: "The page number." with no base
   * (conversation-or-notes/list.md:31-33); the fact sheet saw a 2021 call with `page=1`, so 1 (a
   * guess), and a `page=0` reads as the first page, as paginators that start at 1 commonly do.
   */
  readonly notesFirstPage: 0 | 1;
  /**
   * Whether the case list and the single case take `select` and `relations` repeated. docs: both
   * are typed as one string whose values are joined with `|` (conversation-or-cases/list.md:29,33;
   * get.md:31,35), so a repeated parameter keeps only its last value, as a server reading one
   * string would (a guess). The contact list types them as arrays (untitled.md:29,37): repeated there.
   */
  readonly repeatedCaseParams: boolean;
  /**
   * A case's `timeline` relation. docs: the only case shown with it has one object
   * (conversation-or-cases/messages-1/add.md:602), the case's own entry.
   */
  readonly timelineAsObject: boolean;
  /**
   * Whether the single case carries `timelineId`. docs: its example does not (conversation-or-cases/get.md:47-80),
   * the create and reopen answers do (create.md:307, reopen-case.md:305), and the SMS page sends its
   * readers to the thread read or the case list for it (messages-1/add.md:388), which keep it.
   */
  readonly singleCaseTimelineId: boolean;
  /**
   * Whether a department may be disabled. docs: "Department status: \"active\" | \"disabled\""
   * (settings/account-settings/account-department/add-1.md:29); the last one is, in this dialect.
   */
  readonly disabledDepartment: boolean;
}

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  default: {
    name: 'default',
    emailChannel: 'mail',
    queueStatus: 'queue',
    contactListPages: true,
    notesFirstPage: 0,
    repeatedCaseParams: true,
    timelineAsObject: false,
    singleCaseTimelineId: true,
    disabledDepartment: false,
  },
  docs: {
    name: 'docs',
    emailChannel: 'email',
    queueStatus: 'pending',
    contactListPages: false,
    notesFirstPage: 1,
    repeatedCaseParams: false,
    timelineAsObject: true,
    singleCaseTimelineId: false,
    disabledDepartment: true,
  },
};

/**
 * The seeded cases as the dialect writes them: the default seed's queued cases become `pending`
 * with their queue id (and a pending date, as the drafts' example has), and mail cases and their
 * messages `email` cases, when the dialect says so.
 */
export function applyDialect(cases: readonly CaseEntry[], dialect: Dialect): void {
  for (const { record, messages } of cases) {
    if (dialect.queueStatus === 'pending' && record.status === 'queue') {
      record.status = 'pending';
      record.datePending = record.dateQueue;
    }
    if (record.channel === 'mail') {
      record.channel = dialect.emailChannel;
      for (const message of messages) message.channel = dialect.emailChannel;
    }
  }
}

/** The channels a case may be created on: the e-mail one under the dialect's name. */
export function channelsOf(dialect: Dialect, channels: readonly Channel[]): Channel[] {
  return channels.map((channel) => (channel === 'mail' ? dialect.emailChannel : channel));
}
