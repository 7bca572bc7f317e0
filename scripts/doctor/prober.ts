/**
 * The doctor's calls to Acquire: plain HTTP with the gateway's key, each one logged (method and
 * path, for the report and for the test that it wrote nothing), bounded in number and in size.
 */
export interface Answer {
  status: number;
  /** The parsed JSON body; undefined when it was not JSON (or too large to read). */
  body: unknown;
  /** The `Date` header as epoch ms, and our clock halfway through the call. */
  serverTime: number | null;
  localTime: number;
}

export class ProbeError extends Error {
  override name = 'ProbeError';
}

/** A doctor run never makes more calls than this, whatever the account answers. */
export const MAX_CALLS = 99;
const MAX_BODY_BYTES = 5_000_000;

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  status: number | null;
}

export class Prober {
  readonly calls: Call[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
    private readonly timeoutMs: number,
  ) {}

  get(path: string, params: ReadonlyArray<readonly [string, string]> = []): Promise<Answer> {
    const query = new URLSearchParams(params as Array<[string, string]>).toString();
    return this.send('GET', `${path}${query ? `?${query}` : ''}`);
  }

  /** A POST: the contact filter list (a read), or the one write of `--write-case`. */
  post(path: string, json: unknown, params: ReadonlyArray<readonly [string, string]> = []): Promise<Answer> {
    const query = new URLSearchParams(params as Array<[string, string]>).toString();
    return this.send('POST', `${path}${query ? `?${query}` : ''}`, json);
  }

  private async send(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Answer> {
    if (this.calls.length >= MAX_CALLS) throw new ProbeError(`the doctor stops at ${MAX_CALLS} calls`);
    const call: Call = { method, path, status: null };
    this.calls.push(call);
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.key}`,
          accept: 'application/json',
          'x-request-id': `doctor-${this.calls.length}`,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : 'unreachable';
      throw new ProbeError(`${method} /${path.split('?')[0]}: ${reason}`);
    }
    const localTime = (started + Date.now()) / 2;
    call.status = response.status;
    const date = response.headers.get('date');
    const serverTime = date === null ? null : Date.parse(date);
    return { status: response.status, body: await jsonOf(response), serverTime: Number.isNaN(serverTime) ? null : serverTime, localTime };
  }
}

/** The body as JSON, read up to MAX_BODY_BYTES; undefined for anything else. */
async function jsonOf(response: Response): Promise<unknown> {
  const reader = response.body?.getReader();
  if (!reader) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
