import type { UpstreamSession } from '../domain/context.js';
import type { CaseRecord, CaseRelation } from '../domain/records.js';
import { getCase } from '../upstream/cases.js';
import { createRelationLoader, type ClearableRelationLoader } from './relationLoader.js';

/** Cases by id: `GET /crm/objects/case/{id}` with every relation asked for in the tick. */
export function createCaseLoader(session: UpstreamSession, onBatch?: (loader: string, size: number) => void): ClearableRelationLoader<CaseRelation, CaseRecord> {
  return createRelationLoader<CaseRelation, CaseRecord>('cases', (id, relations) => getCase(session, id, relations), onBatch);
}
