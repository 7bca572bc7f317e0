/**
 * Seeds the conversations of an account: threads of cases (a first case and its reopens), with
 * participants, messages, timeline entries, feedbacks and custom fields, on dates that are
 * consistent per case and fall in the months before SEED_END.
 */
import { WEB_CHANNELS, caseTitle } from './caseDefaults.js';
import { DAY, HOUR, MINUTE, SECOND, isoDate, zonelessDate } from './dates.js';
import type { Random } from './prng.js';
import {
  API_USER,
  type Agent,
  type CaseEntry,
  type CaseFields,
  type CaseStatus,
  type Channel,
  type CHANNELS,
  type ContactEntry,
  type MessageRecord,
  type MessageType,
  type Participant,
  type SenderType,
  type YesNo,
} from './records.js';
import {
  CLOSING_EVENT,
  FEEDBACK_COMMENTS,
  FEEDBACK_LABELS,
  FEEDBACK_QUESTION,
  FOLLOW_UPS,
  OPENING_EVENTS,
  TOPICS,
  type Topic,
} from './seedText.js';

const SEED_END = Date.UTC(2026, 5, 1);
const SEED_START = SEED_END - 240 * DAY;
const THREADS_PER_CONTACT = 4;
const REOPEN_COUNT = 50;
const MAX_CASES_PER_THREAD = 3;
/** The routing queue of waiting cases: the drafts' example's. */
export const QUEUE_ID = 15;

export const FIRST_IDS = {
  case: 1001,
  message: 8001,
  participant: 2101,
  timeline: 3001,
  visit: 1201,
  feedback: 601,
  sms: 301,
  mail: 401,
} as const;

/** Every channel and status appears whatever the seed; the API's write paths each get an active case. */
const GUARANTEED: readonly (readonly [Channel, CaseStatus])[] = [
  ['chat', 'active'], ['mail', 'active'], ['sms', 'active'], ['voip', 'active'], ['chat', 'pending'],
  ['chat', 'queue'], ['chat', 'queue'], ['chat', 'queue'],
  ['audio-call', 'closed'], ['video-call', 'closed'], ['private-form', 'closed'], ['view', 'closed'],
  ['chat', 'closed'], ['mail', 'closed'], ['sms', 'closed'],
];
const CHANNEL_WEIGHTS: Readonly<Record<(typeof CHANNELS)[number], number>> = {
  chat: 50, mail: 15, sms: 9, voip: 8, 'audio-call': 6, 'video-call': 5, 'private-form': 4, view: 3,
};
const FINAL_STATUS_WEIGHTS = { closed: 65, active: 20, pending: 15 } as const;
const RATING_WEIGHTS = { '5': 40, '4': 30, '3': 15, '2': 8, '1': 7 } as const;

interface Thread {
  contact: ContactEntry;
  channel: Channel;
  topic: Topic;
  finalStatus: CaseStatus;
  caseCount: number;
  cases: CaseDraft[];
}

interface LineDraft {
  /** Milliseconds after the case's start. */
  at: number;
  senderType: SenderType;
  senderId: number;
  type: MessageType;
  text: string;
  seen: YesNo;
  editedAfter: number | null;
}

interface CaseDraft {
  thread: Thread;
  status: CaseStatus;
  id: number;
  t0: number;
  waitTime: number;
  lines: LineDraft[];
  /** Milliseconds after the start when the case last changed. */
  duration: number;
  agents: { agentId: number; status: Participant['status'] }[];
  closedBy: number | null;
  fields: CaseFields;
  feedback: { value: keyof typeof RATING_WEIGHTS; comment: string | null; after: number } | null;
  extraTimeline: number[];
}

export interface SeededCases {
  cases: CaseEntry[];
  next: { case: number; message: number; participant: number; timeline: number; visit: number; feedback: number };
}

export function seedCases(random: Random, contacts: readonly ContactEntry[], agents: readonly Agent[]): SeededCases {
  const threads = planThreads(random, contacts);
  for (const thread of threads) {
    thread.cases = Array.from({ length: thread.caseCount }, (_, index) =>
      draftCase(random, thread, index === thread.caseCount - 1 ? thread.finalStatus : 'closed', agents),
    );
    anchorThread(random, thread);
  }
  const drafts = threads.flatMap((thread) => thread.cases).sort((a, b) => a.t0 - b.t0);
  drafts.forEach((draft, index) => {
    draft.id = FIRST_IDS.case + index;
  });
  const seeded = assemble(drafts);
  datePeople(random, contacts, seeded.cases);
  return seeded;
}

function planThreads(random: Random, contacts: readonly ContactEntry[]): Thread[] {
  const threads = random.shuffle(
    contacts.flatMap((contact) =>
      Array.from({ length: THREADS_PER_CONTACT }, (): Thread => ({
        contact,
        channel: 'chat',
        topic: random.pick(TOPICS),
        finalStatus: 'closed',
        caseCount: 1,
        cases: [],
      })),
    ),
  );
  threads.forEach((thread, index) => {
    const guaranteed = GUARANTEED[index];
    thread.channel = guaranteed ? guaranteed[0] : random.weighted(CHANNEL_WEIGHTS);
    thread.finalStatus = guaranteed ? guaranteed[1] : random.weighted(FINAL_STATUS_WEIGHTS);
  });
  for (let reopens = 0; reopens < REOPEN_COUNT; ) {
    const thread = random.pick(threads);
    if (thread.caseCount < MAX_CASES_PER_THREAD) {
      thread.caseCount++;
      reopens++;
    }
  }
  return threads;
}

function draftCase(random: Random, thread: Thread, status: CaseStatus, agents: readonly Agent[]): CaseDraft {
  const { channel, topic } = thread;
  const contactId = thread.contact.record.id;
  const isMail = channel === 'mail';
  const waiting = status === 'pending' || status === 'queue';
  const gap = (): number => (isMail ? span(random, 20 * MINUTE, 6 * HOUR) : span(random, 15 * SECOND, 4 * MINUTE));
  const caseAgents = waiting ? [] : pickAgents(random, agents);
  const activeAgentId = caseAgents[0]?.agentId ?? API_USER.id;
  const joinedAgentIds = caseAgents.filter((agent) => agent.status === 'joined').map((agent) => agent.agentId);
  const waitTime = waiting ? 0 : random.int(2, 240);
  const activeAt = waitTime * SECOND;
  const total = waiting ? random.int(3, 5) : isMail ? random.int(3, 8) : random.int(3, 30);
  const bodyType: MessageType = channel === 'sms' ? 'sms' : 'message';
  const edited = (): number | null => (random.chance(0.05) ? span(random, 20 * SECOND, 5 * MINUTE) : null);

  const lines: LineDraft[] = [
    { at: 0, senderType: 'contact', senderId: contactId, type: 'event', text: OPENING_EVENTS[channel] ?? '', seen: 'yes', editedAfter: null },
  ];
  let at = 0;
  let contactTurn = true;
  let contactLine = 0;
  let agentLine = 0;
  const bodyCount = total - 1 - (status === 'closed' ? 1 : 0);
  for (let n = 0; n < bodyCount; n++) {
    if (contactTurn || waiting) {
      at += n === 0 ? span(random, 2 * SECOND, 20 * SECOND) : gap();
      const text = scriptLine(random, topic.contact, contactLine++, FOLLOW_UPS.contact);
      lines.push({ at, senderType: 'contact', senderId: contactId, type: bodyType, text, seen: waiting ? 'no' : 'yes', editedAfter: edited() });
      contactTurn = false;
      continue;
    }
    at = Math.max(at + gap(), activeAt + SECOND);
    const senderId = random.chance(0.03)
      ? API_USER.id
      : joinedAgentIds.length > 0 && random.chance(0.25)
        ? random.pick(joinedAgentIds)
        : activeAgentId;
    if (random.chance(0.12)) {
      lines.push({ at, senderType: 'user', senderId, type: 'note', text: random.pick(topic.notes), seen: 'yes', editedAfter: null });
    } else {
      const text = scriptLine(random, topic.agent, agentLine++, FOLLOW_UPS.agent);
      lines.push({ at, senderType: 'user', senderId, type: bodyType, text, seen: 'yes', editedAfter: edited() });
      contactTurn = true;
    }
  }
  const lastLine = lines[lines.length - 1];
  if (status === 'active' && lastLine && lastLine.type !== 'event' && random.chance(0.6)) lastLine.seen = 'no';

  let closedBy: number | null = null;
  let feedback: CaseDraft['feedback'] = null;
  if (status === 'closed') {
    closedBy = random.chance(0.15) ? API_USER.id : activeAgentId;
    at = Math.max(at, activeAt) + (isMail ? span(random, HOUR, DAY) : span(random, 30 * SECOND, 20 * MINUTE));
    lines.push({ at, senderType: 'user', senderId: closedBy, type: 'event', text: CLOSING_EVENT, seen: 'yes', editedAfter: null });
    if (random.chance(0.6)) {
      feedback = {
        value: random.weighted(RATING_WEIGHTS),
        comment: random.chance(0.5) ? random.pick(FEEDBACK_COMMENTS) : null,
        after: span(random, 5 * SECOND, 10 * MINUTE),
      };
    }
  }
  const fields: CaseFields = random.chance(0.3)
    ? { priority: random.pick(['low', 'normal', 'high', 'urgent']), orderNumber: `A-${random.int(1000, 9999)}` }
    : [];
  const extraTimeline = Array.from({ length: random.int(0, 2) }, () => random.pick(lines).at);
  const duration = Math.max(...lines.map((line) => line.at + (line.editedAfter ?? 0)));
  return { thread, status, id: 0, t0: 0, waitTime, lines, duration, agents: caseAgents, closedBy, fields, feedback, extraTimeline };
}

/** A random duration in whole seconds, so seeded dates print as `…:ss.000Z` like Acquire's. */
function span(random: Random, min: number, max: number): number {
  return random.int(min / SECOND, max / SECOND) * SECOND;
}

function scriptLine(random: Random, script: readonly string[], index: number, followUps: readonly string[]): string {
  return script[index] ?? random.pick(followUps);
}

function pickAgents(random: Random, agents: readonly Agent[]): CaseDraft['agents'] {
  const chosen = random.shuffle([...agents]).slice(0, random.int(1, 3));
  return chosen.map((agent, index) => ({
    agentId: agent.id,
    status: index === 0 ? 'active' : random.pick(['rejected', 'assigned', 'joined'] as const),
  }));
}

/**
 * Places a thread's cases in time, working back from its end: an open thread ends shortly before
 * SEED_END, a closed one somewhere in the seeded months; each reopen starts after the previous case closed.
 */
function anchorThread(random: Random, thread: Thread): void {
  const { cases } = thread;
  const gaps = cases.slice(1).map(() => span(random, HOUR, 20 * DAY));
  const last = cases[cases.length - 1];
  if (!last) return;
  const length = cases.reduce((sum, draft) => sum + draft.duration, 0) + gaps.reduce((sum, gap) => sum + gap, 0);
  const end =
    thread.finalStatus === 'closed'
      ? SEED_START + length + span(random, 0, SEED_END - 2 * DAY - SEED_START - length)
      : SEED_END - span(random, 10 * MINUTE, 48 * HOUR);
  let start = end - last.duration;
  for (let index = cases.length - 1; index >= 0; index--) {
    const draft = cases[index];
    if (!draft) continue;
    draft.t0 = start;
    const previous = cases[index - 1];
    if (previous) start = draft.t0 - (gaps[index - 1] ?? HOUR) - previous.duration;
  }
}

function assemble(drafts: readonly CaseDraft[]): SeededCases {
  const next = { ...FIRST_IDS };
  const lineQueue: { at: number; order: number; entry: CaseEntry; line: LineDraft }[] = [];
  let queueOrder = 0;
  const cases = drafts.map((draft): CaseEntry => {
    const { thread } = draft;
    const first = thread.cases[0] ?? draft;
    const contactId = thread.contact.record.id;
    const iso = (relative: number): string => isoDate(draft.t0 + relative);
    const closed = draft.status === 'closed';
    const started = draft.status === 'active' || closed;
    const dateUpdated = iso(draft.duration);
    const visitId = WEB_CHANNELS.has(thread.channel) ? next.visit++ : null;
    const timelineTimes = [0, ...draft.extraTimeline];
    const timeline = timelineTimes.map((relative) => ({
      id: next.timeline++,
      objectType: 'case' as const,
      caseId: draft.id,
      viewId: null,
      noteId: null,
      threadId: first.id,
      contactId: String(contactId),
      archive: 'no' as const,
      meta: {},
      dateCreated: iso(relative),
      dateUpdated: zonelessDate(dateUpdated),
    }));
    const participantDate = iso(draft.waitTime * SECOND);
    const contactParticipant: Participant = {
      id: next.participant++,
      caseId: draft.id,
      type: 'contact',
      userId: contactId,
      role: 'owner',
      status: 'active',
      dateCreated: iso(0),
      dateLastAssigned: iso(0),
      closed: closed ? 'yes' : 'no',
      meta: null,
    };
    const agentParticipants = draft.agents.map((agent): Participant => ({
      id: next.participant++,
      caseId: draft.id,
      type: 'user',
      userId: agent.agentId,
      role: 'owner',
      status: agent.status,
      dateCreated: participantDate,
      dateLastAssigned: participantDate,
      closed: closed ? 'yes' : 'no',
      meta: null,
    }));
    const closeLine = closed ? draft.lines[draft.lines.length - 1] : undefined;
    const feedbacks = draft.feedback && closeLine
      ? [{
          id: next.feedback++,
          caseId: draft.id,
          contactId,
          questionId: FEEDBACK_QUESTION.id,
          question: FEEDBACK_QUESTION.question,
          type: 'rating' as const,
          value: draft.feedback.value,
          label: FEEDBACK_LABELS[draft.feedback.value] ?? '',
          comment: draft.feedback.comment,
          dateCreated: iso(closeLine.at + draft.feedback.after),
        }]
      : [];
    const subject = thread.topic.subject;
    const entry: CaseEntry = {
      record: {
        dateCreated: iso(0),
        dateUpdated,
        id: draft.id,
        contactId,
        closedBy: draft.closedBy,
        visitId,
        title: thread.channel === 'mail'
          ? (draft === first ? subject : `Re: ${subject}`)
          : caseTitle(thread.channel, contactId, thread.contact.fields.phone),
        description: draft.lines[1]?.senderType === 'contact' ? draft.lines[1].text : '',
        channel: thread.channel,
        status: draft.status,
        closingState: closed ? 'handled' : null,
        dateQueue: iso(0),
        datePending: draft.status === 'queue' ? null : iso(0),
        dateActive: started ? participantDate : null,
        dateClosed: closeLine ? iso(closeLine.at) : null,
        queueId: draft.status === 'queue' ? QUEUE_ID : null,
        queueOrder: draft.status === 'queue' ? ++queueOrder : 0,
        meta: {},
        parentId: draft === first ? null : first.id,
        userId: null,
        waitTime: draft.waitTime,
        threadId: first.id,
        timelineId: timeline[0]?.id ?? 0,
      },
      participants: [...agentParticipants, contactParticipant],
      messages: [],
      timeline,
      feedbacks,
      fields: draft.fields,
    };
    for (const line of draft.lines) lineQueue.push({ at: draft.t0 + line.at, order: lineQueue.length, entry, line });
    return entry;
  });
  // Message ids follow time across the whole account, as a real database's autoincrement would.
  lineQueue.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const { at, entry, line } of lineQueue) {
    const message: MessageRecord = {
      id: next.message++,
      caseId: entry.record.id,
      channel: entry.record.channel,
      senderId: line.senderId,
      senderType: line.senderType,
      type: line.type,
      message: line.text,
      dateCreated: isoDate(at),
      dateUpdated: line.editedAfter === null ? null : isoDate(at + line.editedAfter),
      seen: line.seen,
      meta: {},
    };
    entry.messages.push(message);
  }
  return {
    cases,
    next: { case: next.case + drafts.length, message: next.message, participant: next.participant, timeline: next.timeline, visit: next.visit, feedback: next.feedback },
  };
}

/** A contact was created before its first case and last changed with its latest one. */
function datePeople(random: Random, contacts: readonly ContactEntry[], cases: readonly CaseEntry[]): void {
  const activity = new Map<number, { first: string; last: string }>();
  for (const { record } of cases) {
    const known = activity.get(record.contactId);
    if (!known) activity.set(record.contactId, { first: record.dateCreated, last: record.dateUpdated });
    else {
      if (record.dateCreated < known.first) known.first = record.dateCreated;
      if (record.dateUpdated > known.last) known.last = record.dateUpdated;
    }
  }
  for (const contact of contacts) {
    const known = activity.get(contact.record.id);
    const first = known ? Date.parse(known.first) : SEED_START;
    contact.record.dateCreated = isoDate(first - span(random, HOUR, 30 * DAY));
    contact.record.dateUpdated = known ? known.last : contact.record.dateCreated;
  }
}
