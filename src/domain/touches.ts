/**
 * What a change names: a record, or every record of a kind. Writes declare what they touch,
 * cached reads what they hold (src/upstream/recordCache.ts), and events of the log what they
 * make stale; one shape, so the three are matched against one another.
 */

/** The kinds of record a change can name. */
export const RECORD_KINDS = ['case', 'message', 'contact', 'user', 'note'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One record, or every record of a kind when the change's reach is unknown. */
export interface Touched {
  readonly kind: RecordKind;
  readonly id?: string;
}
