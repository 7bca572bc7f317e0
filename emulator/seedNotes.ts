/**
 * Seeds the notes agents keep on contacts, and a few snoozes agents set, from a random stream of
 * their own so that the rest of the seed stays as it was before notes existed.
 */
import { DAY, HOUR, MINUTE, isoDate, zonelessDate } from './dates.js';
import type { Random } from './prng.js';
import type { Agent, CaseEntry, ContactEntry, NoteEntry, NoteMessage, Snooze } from './records.js';
import { NOTE_TOPICS } from './seedText.js';

const FIRST_NOTE_IDS = { note: 501, noteUser: 701, noteMessage: 5001, snooze: 51 } as const;

const NOTED_SHARE = 0.4;

export interface SeededNotes {
  notes: NoteEntry[];
  snoozes: Snooze[];
  next: { note: number; noteUser: number; noteMessage: number; snooze: number };
}

interface NoteDraft {
  contactId: number;
  authorId: number;
  title: string;
  description: string | null;
  at: number;
  lines: { userId: number; text: string; at: number }[];
  mentioned: number[];
}

export function seedNotes(random: Random, contacts: readonly ContactEntry[], agents: readonly Agent[], cases: readonly CaseEntry[]): SeededNotes {
  const agentIds = agents.map((agent) => agent.id);
  const drafts: NoteDraft[] = [];
  for (const contact of contacts) {
    if (!random.chance(NOTED_SHARE)) continue;
    const from = Date.parse(contact.record.dateCreated);
    const until = Date.parse(contact.record.dateUpdated);
    for (let count = random.int(1, 3); count > 0; count--) {
      const topic = random.pick(NOTE_TOPICS);
      const authorId = random.pick(agentIds);
      let at = from + Math.floor(random.next() * Math.max(until - from, HOUR) / 1000) * 1000;
      const lines = topic.lines.slice(0, random.int(1, topic.lines.length)).map((text, index) => {
        if (index > 0) at += random.int(5 * MINUTE, 2 * DAY);
        return { userId: index === 0 ? authorId : random.pick(agentIds), text, at };
      });
      const mentioned = random.chance(0.3) ? [random.pick(agentIds)] : [];
      drafts.push({
        contactId: contact.record.id,
        authorId,
        title: topic.title,
        description: random.chance(0.3) ? `Context for ${topic.title.toLowerCase()}.` : null,
        at: lines[0]?.at ?? from,
        lines,
        mentioned,
      });
    }
  }
  drafts.sort((a, b) => a.at - b.at);
  const next = { note: FIRST_NOTE_IDS.note, noteUser: FIRST_NOTE_IDS.noteUser, noteMessage: FIRST_NOTE_IDS.noteMessage, snooze: FIRST_NOTE_IDS.snooze };
  const messageQueue: { at: number; order: number; note: NoteEntry; userId: number; text: string; first: boolean }[] = [];
  const notes = drafts.map((draft): NoteEntry => {
    const noteId = next.note++;
    const userIds = [...new Set([draft.authorId, ...draft.lines.map((line) => line.userId), ...draft.mentioned])];
    const note: NoteEntry = {
      record: { id: noteId, contactId: draft.contactId, userId: draft.authorId, type: 'note', title: draft.title, description: draft.description, dateCreated: isoDate(draft.at) },
      users: userIds.map((userId) => ({ id: next.noteUser++, noteId, userId })),
      messages: [],
    };
    draft.lines.forEach((line, index) => messageQueue.push({ at: line.at, order: messageQueue.length, note, userId: line.userId, text: line.text, first: index === 0 }));
    return note;
  });
  // Ids follow time across the account, like the case messages'.
  messageQueue.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const { at, note, userId, text, first } of messageQueue) {
    const message: NoteMessage = { id: next.noteMessage++, noteId: note.record.id, parentId: first ? null : 0, userId, type: 'message', message: text, dateCreated: isoDate(at) };
    note.messages.push(message);
  }
  return { notes, snoozes: seedSnoozes(random, cases, agentIds, next), next };
}

/** Two snoozes set by agents, one on a case and one on a contact, both long elapsed; only their authors may delete them. */
function seedSnoozes(random: Random, cases: readonly CaseEntry[], agentIds: readonly number[], next: SeededNotes['next']): Snooze[] {
  const open = cases.filter((entry) => entry.record.status === 'active');
  const onCase = open[0];
  const onContact = open[1];
  const snoozes: Snooze[] = [];
  if (onCase) {
    const { record } = onCase;
    snoozes.push({
      id: next.snooze++, objectType: 'case', contactId: record.contactId, objectId: record.id, userId: random.pick(agentIds),
      scheduleDate: zonelessDate(isoDate(Date.parse(record.dateUpdated) + DAY)), message: 'Waiting for the customer to confirm.',
    });
  }
  if (onContact) {
    const { record } = onContact;
    snoozes.push({
      id: next.snooze++, objectType: 'contact', contactId: record.contactId, objectId: record.contactId, userId: random.pick(agentIds),
      scheduleDate: zonelessDate(isoDate(Date.parse(record.dateUpdated) + 2 * DAY)), message: '',
    });
  }
  return snoozes;
}
