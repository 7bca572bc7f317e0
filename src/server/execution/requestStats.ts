import type { RequestStats } from '../../domain/context.js';

export type { RequestStats };

export function newRequestStats(requestId: string): RequestStats {
  return { requestId, operationName: null, operationType: null, upstreamCalls: 0, cachedReads: 0, estimatedCost: null, errorCodes: [], executed: false, sharedAnswer: false };
}
