/** The notes of one account (`/crm/note`): notes on contacts, each a small thread of agent messages. */
import type { NoteEntry, NoteMessage } from './records.js';

export interface NoteCounters {
  note: number;
  noteUser: number;
  noteMessage: number;
}

export interface NewNote {
  contactId: number;
  userId: number;
  title: string | null;
  description: string | null;
  /** The first message; a note created without one has no messages. */
  message: string | null;
  mentionUserIds: readonly number[];
}

export interface NewNoteMessage {
  userId: number;
  message: string;
  parentId: number | null;
  mentionUserIds: readonly number[];
}

/** Upstream reads come back from the database with whole seconds, as every note example shows. */
const wholeSeconds = (iso: string): string => `${iso.slice(0, 19)}.000Z`;

export class NoteBook {
  readonly byId = new Map<number, NoteEntry>();
  private readonly byContact = new Map<number, NoteEntry[]>();

  constructor(
    notes: readonly NoteEntry[],
    private readonly next: NoteCounters,
  ) {
    for (const note of notes) this.index(note);
  }

  /** Newest first, as the list example shows. */
  ofContact(contactId: number): readonly NoteEntry[] {
    return this.byContact.get(contactId) ?? [];
  }

  create(draft: NewNote, now: string): NoteEntry {
    const id = this.next.note++;
    const note: NoteEntry = {
      record: {
        id,
        contactId: draft.contactId,
        userId: draft.userId,
        type: 'note',
        title: draft.title,
        description: draft.description,
        dateCreated: wholeSeconds(now),
      },
      users: [],
      messages: [],
    };
    this.mention(note, [draft.userId, ...draft.mentionUserIds]);
    if (draft.message !== null) this.push(note, draft.userId, draft.message, null, now);
    this.index(note);
    return note;
  }

  addMessage(note: NoteEntry, draft: NewNoteMessage, now: string): NoteMessage {
    this.mention(note, [draft.userId, ...draft.mentionUserIds]);
    return this.push(note, draft.userId, draft.message, draft.parentId, now);
  }

  delete(note: NoteEntry): void {
    this.byId.delete(note.record.id);
    const list = this.byContact.get(note.record.contactId);
    const index = list ? list.indexOf(note) : -1;
    if (list && index >= 0) list.splice(index, 1);
  }

  deleteOfContact(contactId: number): void {
    for (const note of [...this.ofContact(contactId)]) this.delete(note);
  }

  /** A merge moves the secondary contact's notes to the primary. */
  moveContact(fromContactId: number, toContactId: number): void {
    const moved = this.byContact.get(fromContactId) ?? [];
    this.byContact.delete(fromContactId);
    for (const note of moved) note.record.contactId = toContactId;
    const merged = [...(this.byContact.get(toContactId) ?? []), ...moved].sort((a, b) => b.record.id - a.record.id);
    if (merged.length > 0) this.byContact.set(toContactId, merged);
  }

  private mention(note: NoteEntry, userIds: readonly number[]): void {
    for (const userId of userIds) {
      if (note.users.some((user) => user.userId === userId)) continue;
      note.users.push({ id: this.next.noteUser++, noteId: note.record.id, userId });
    }
  }

  private push(note: NoteEntry, userId: number, message: string, parentId: number | null, now: string): NoteMessage {
    const line: NoteMessage = {
      id: this.next.noteMessage++,
      noteId: note.record.id,
      parentId,
      userId,
      type: 'message',
      message,
      dateCreated: wholeSeconds(now),
    };
    note.messages.push(line);
    return line;
  }

  private index(note: NoteEntry): void {
    this.byId.set(note.record.id, note);
    const list = this.byContact.get(note.record.contactId);
    if (!list) this.byContact.set(note.record.contactId, [note]);
    else {
      list.push(note);
      list.sort((a, b) => b.record.id - a.record.id);
    }
  }
}
