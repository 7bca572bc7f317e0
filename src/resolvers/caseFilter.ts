import type { CaseRecord } from '../domain/records.js';
import type { CaseConditions } from '../upstream/cases.js';

/**
 * Whether a case read whole meets the conditions a `CaseFilter` stands for: each condition names
 * a case column and the value the upstream's `where=column|eq|value` would require of it.
 */
export function meetsConditions(record: CaseRecord, where: CaseConditions): boolean {
  return Object.entries(where).every(([column, value]) => value === undefined || record[column as keyof CaseRecord] === value);
}
