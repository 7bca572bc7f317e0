/**
 * Snooze endpoints (fact sheet §5): create, and a delete the docs mark "Under Construction" that
 * only the snooze's creator may call. Both answer `{success, message[, data]}` inside `data`.
 */
import type { UpstreamSession } from '../domain/context.js';
import type { Touched } from '../domain/touches.js';
import type { SnoozeRecord } from '../domain/records.js';
import { successOf } from './envelopes.js';
import { malformedError, UpstreamError } from './errors.js';
import { numericId, upstreamId } from './ids.js';
import { isObject } from './normalize.js';
import { readSnooze } from './readRecords.js';
import { caseTouched } from './touches.js';

/**
 * The docs want `YYYY-MM-DD HH:MM:SS` and name no zone; the fact sheet reads zone-less dates as
 * UTC, so UTC is sent. Rounded up, so that a snooze never ends before the time asked for.
 */
export function scheduleDate(until: Date): string {
  const seconds = Math.ceil(until.getTime() / 1000);
  return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

export interface SnoozeCaseParams {
  caseId: string;
  until: Date;
  message?: string;
}

/** The create answer's snooze, inside its `{success, message, data}`. */
export function readSnoozeAnswer(body: unknown): SnoozeRecord {
  const snooze = successOf(body, 'snooze create').data;
  if (!isObject(snooze)) throw malformedError('a snooze create answer without the snooze');
  return readSnooze(snooze);
}

export async function snoozeCase(session: UpstreamSession, params: SnoozeCaseParams): Promise<SnoozeRecord> {
  return session.write(
    {
      method: 'POST',
      path: 'crm/follow-up/create',
      json: {
        scheduleDate: scheduleDate(params.until),
        objectType: 'case',
        caseId: numericId(params.caseId, 'case'),
        ...(params.message === undefined ? {} : { message: params.message }),
      },
    },
    caseTouched(params.caseId),
    readSnoozeAnswer,
  );
}

// The delete answer does not say which case the snooze held: any case may read differently.
const UNSNOOZE_TOUCHES: Touched[] = [{ kind: 'case' }];

/**
 * The upstream's own words for these failures would mislead: a 403 here is most often a snooze
 * another agent created, and an endpoint under construction may answer as if it were missing.
 */
function removalFailure(error: unknown, id: string): unknown {
  if (!(error instanceof UpstreamError) || error.status === undefined) return error;
  const about = { status: error.status, ...(error.upstreamType === undefined ? {} : { upstreamType: error.upstreamType }), detail: error.message };
  if (error.code === 'FORBIDDEN') {
    return new UpstreamError(
      'FORBIDDEN',
      `Acquire refused to remove snooze ${id}: only the agent who created a snooze may remove it (an API key acts as its own agent), and the key needs the snooze permission`,
      about,
    );
  }
  if (error.code === 'NOT_FOUND') {
    return new UpstreamError(
      'NOT_FOUND',
      error.upstreamType === 'ERROR_RECORD_NOT_FOUND'
        ? `Not found in Acquire: no snooze ${id} (it may have been removed already)`
        : `Not found in Acquire: no snooze ${id}, or no snooze removal at all (its docs mark the endpoint under construction)`,
      about,
    );
  }
  if (error.status === 405 || error.status === 501) {
    return new UpstreamError('UPSTREAM_ERROR', `Acquire does not serve snooze removal (HTTP ${error.status}); its docs mark the endpoint under construction`, about);
  }
  return error;
}

export async function deleteSnooze(session: UpstreamSession, id: string): Promise<void> {
  const path = `crm/follow-up/${upstreamId(id, 'snooze')}`;
  try {
    await session.write({ method: 'DELETE', path }, UNSNOOZE_TOUCHES, (body) => successOf(body, 'snooze removal'));
  } catch (error) {
    throw removalFailure(error, id);
  }
}
