/**
 * Webhook bodies and resume cursors are input like any other: signed but hostile payloads (odd
 * times, odd delivery ids, junk where ids go) and made-up cursors get a clear answer, publish
 * nothing they do not mean, and leave the gateway serving the valid ones.
 */
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../../emulator/server.js';
import { eventually } from '../../helpers/eventually.js';
import { connectLive, type LiveClient } from '../../helpers/liveClient.js';
import { sample, startGateway, type RunningGateway } from '../../helpers/startGateway.js';
import { postWebhook } from '../../helpers/webhooks.js';

const SECRET = 'hostile-webhook-secret';
let emulator: Emulator;
let gateway: RunningGateway;
let client: LiveClient;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway({ baseUrl: emulator.url, live: { webhookSecret: SECRET } });
  client = connectLive(gateway.url, DEMO_API_KEY);
});

afterAll(async () => {
  await client.dispose();
  await gateway.stop();
  await emulator.stop();
});

const send = (body: unknown): Promise<number> => postWebhook(gateway.url, SECRET, body);

it('reads a hostile sent-at and delivery id safely: a time it cannot read is no time, one outside the window is refused', async () => {
  const subscription = client.subscribe('subscription { caseEvents { type case { id } } }');
  await eventually('subscribed', async () => sample(await gateway.metrics(), 'live_subscriptions{field="caseEvents"}') === 1);
  const hostile: Array<[unknown, number]> = [
    // Times it cannot read: the delivery goes on as if it had none.
    [{ event: 'Case new', data: { caseId: 1001 }, timestamp: 'x'.repeat(10_000) }, 202],
    [{ event: 'Case new', data: { caseId: 1002 }, timestamp: { $gt: 0 } }, 202],
    [{ event: 'Case new', data: { caseId: 1003 }, timestamp: [Date.now()] }, 202],
    [{ event: 'Case new', data: { caseId: 1004 }, timestamp: -5 }, 202],
    [{ event: 'Case new', data: { caseId: 1005 }, sentAt: 'not a date' }, 202],
    [{ event: 'Case new', data: { caseId: 1006 }, timestamp: 1e300 }, 202],
    [{ event: 'Case new', data: { caseId: 1007 }, timestamp: '0' }, 202],
    // Times it can read, far off: refused.
    [{ event: 'Case new', data: { caseId: 1014 }, timestamp: 8.64e15 }, 401],
    [{ event: 'Case new', data: { caseId: 1008 }, sentAt: '1970-01-01T00:00:00Z' }, 401],
    // A bare case's own dateCreated is no delivery time.
    [{ event: 'Case new', id: 1009, status: 'active', dateCreated: '2019-01-01T00:00:00Z' }, 202],
    // Delivery ids it cannot use are no ids: the body's digest stands for the delivery.
    [{ event: 'Case new', data: { caseId: 1010 }, deliveryId: { toString: 1 } }, 202],
    [{ event: 'Case new', data: { caseId: 1011 }, deliveryId: '../../'.repeat(100) }, 202],
    // Ids that are no ids, and names that mean nothing: no event.
    [{ event: 'Case new', data: { caseId: '1 OR 1=1' } }, 202],
    [{ event: 'Case new', data: { caseId: 1e300 } }, 202],
    [{ event: 'x'.repeat(300), data: { caseId: 1012 } }, 202],
  ];
  for (const [body, status] of hostile) expect([body, await send(body)]).toEqual([body, status]);
  expect(await send({ event: 'Case new', data: { caseId: 1013 } })).toBe(202);

  const received: string[] = [];
  while (!received.includes('1013')) received.push((await subscription.next(10_000)).data.caseEvents.case.id);
  expect(received).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1009', '1010', '1011', '1013']);
  expect((await fetch(gateway.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
  subscription.unsubscribe();
});

it('refuses cursors that are no event ids with BAD_USER_INPUT, and answers one it does not know with a RESYNC', async () => {
  for (const after of ['yesterday', '', '1-1-1', '-1-0', '1.5-0', `${'9'.repeat(16)}-0`, '9'.repeat(5_000), '1-0; DROP']) {
    const result = await client.subscribe('subscription ($after: String) { caseEvents(after: $after) { id } }', { after }).next(10_000);
    expect([after.slice(0, 20), result.errors?.map((error) => [error.extensions?.code, error.extensions?.argumentName])]).toEqual([after.slice(0, 20), [['BAD_USER_INPUT', 'after']]]);
  }
  const resync = client.subscribe('subscription ($after: String) { messageEvents(caseId: "1196", after: $after) { id type messageId resync { reason after } } }', {
    after: '999999999999999-999999999999999',
  });
  expect((await resync.next(10_000)).data.messageEvents).toMatchObject({
    type: 'RESYNC',
    messageId: null,
    resync: { reason: 'CURSOR_UNKNOWN', after: '999999999999999-999999999999999' },
  });
  resync.unsubscribe();
  expect((await fetch(gateway.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
});
