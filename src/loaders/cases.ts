import type { UpstreamCall } from '../upstream/client.js';
import { getCase } from '../upstream/cases.js';
import type { CaseRecord, CaseRelation } from '../upstream/records.js';
import type { LoaderOptions } from './index.js';
import { createRelationLoader, type RelationLoader } from './relationLoader.js';

export type CaseLoader = RelationLoader<CaseRelation, CaseRecord>;

/** Cases by id: `GET /crm/objects/case/{id}` with every relation asked for in the tick. */
export function createCaseLoader(call: UpstreamCall, options: LoaderOptions): CaseLoader {
  return createRelationLoader<CaseRelation, CaseRecord>('cases', (id, relations) => getCase(call, id, relations), options);
}
