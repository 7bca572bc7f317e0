/**
 * Point 8 of the hostile-clients issue, on the production build: the log line and the metrics
 * carry the status actually sent, for refusals too; HTTP-level errors carry the request id; and
 * /metrics can leave the public port (METRICS_PORT).
 */
import { startGatewayProcess, type GatewayProcess } from '../../helpers/gatewayProcess.js';
import { rawJson, rawRequest } from '../../helpers/rawHttp.js';
import { startScriptedUpstream, type ScriptedUpstream } from '../../helpers/scriptedUpstream.js';

let upstream: ScriptedUpstream;
let gateway: GatewayProcess;
let metricsUrl: string;

beforeAll(async () => {
  upstream = await startScriptedUpstream(() => ({ body: { data: { id: 1, title: 'A case' } } }));
  gateway = await startGatewayProcess({
    NODE_ENV: 'production',
    ACQUIRE_BASE_URL: upstream.url,
    ACQUIRE_API_KEY: 'server-key-0123456789',
    GRAPHQL_MAX_BODY_BYTES: '10000',
    METRICS_PORT: '0',
  });
  const ready = gateway.lines.find((line) => line.msg.includes('ready at'))!;
  metricsUrl = /metrics: (http:\/\/\S+\/metrics)/.exec(ready.msg)![1]!;
}, 30_000);

afterAll(async () => {
  expect(gateway.exited()).toBeNull();
  expect(await gateway.stop()).toBe(0);
  await upstream.stop();
});

const logOf = (requestId: string) => gateway.waitForLine((line) => line.msg === 'graphql request' && line.requestId === requestId);

function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('refusals are logged and counted with the status sent, and carry the request id', () => {
  it.each<[string, () => Promise<{ status: number | null; body: any }>, number, string]>([
    [
      'a body over the limit',
      async () => {
        const answer = await rawRequest(gateway.url, (socket) =>
          socket.write(`POST /graphql HTTP/1.1\r\nhost: g\r\nx-request-id: big-1\r\ncontent-type: application/json\r\ncontent-length: 20000\r\n\r\n${' '.repeat(20_000)}`),
        );
        return { status: answer.status, body: rawJson(answer) };
      },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a body that is not JSON',
      async () => {
        const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad-json-1' }, body: '{"query": ' });
        return { status: response.status, body: await response.json() };
      },
      400,
      'BAD_REQUEST',
    ],
    [
      'a CSRF-suspect simple POST',
      async () => {
        const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-request-id': 'csrf-1' }, body: '{"query":"{ __typename }"}' });
        return { status: response.status, body: await response.json() };
      },
      400,
      'BAD_REQUEST',
    ],
  ])('%s', async (_name, send, status, code) => {
    const before = await (await fetch(metricsUrl)).text();
    const answer = await send();
    expect(answer.status).toBe(status);
    const requestId = answer.body.errors[0].extensions.requestId as string;
    expect(requestId).toMatch(/^(big|bad-json|csrf)-1$/);
    expect(answer.body.errors[0].extensions.code).toBe(code);
    expect(await logOf(requestId)).toMatchObject({ status, errors: [code] });
    const after = await (await fetch(metricsUrl)).text();
    const delta = (series: string) => valueOf(after, series) - valueOf(before, series);
    expect(delta(`http_responses_total{route="graphql",status="${status}"}`)).toBe(1);
    expect(delta(`graphql_errors_total{code="${code}"}`)).toBe(1);
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics on its own port and not on the public one', async () => {
    expect((await fetch(`${new URL(gateway.url).origin}/metrics`)).status).toBe(404);
    const metrics = await fetch(metricsUrl);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('http_responses_total');
    expect((await fetch(metricsUrl.replace('/metrics', '/graphql'))).status).toBe(404);
  });
});
