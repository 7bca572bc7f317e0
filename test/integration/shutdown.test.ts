/** SIGTERM: stop accepting, finish what is in flight (within the grace period), exit 0. */
import { EventEmitter } from 'node:events';
import { DEMO_API_KEY, type Emulator } from '../../emulator/server.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { createGateway } from '../../src/server/createServer.js';
import { testSettings } from '../helpers/startGateway.js';
import { silentLogger } from '../../src/server/ops/logger.js';
import { installGracefulShutdown } from '../../src/server/ops/shutdown.js';
import { graphql } from '../helpers/graphql.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startDialectEmulator();
});

afterAll(() => emulator.stop());

async function gatewayWithSignals(shutdownGraceMs: number) {
  const gateway = await createGateway({
    baseUrl: emulator.url,
    apiKey: DEMO_API_KEY,
    settings: testSettings({ timeoutMs: 10_000, shutdownGraceMs }),
  });
  const url = await gateway.listen(0, '127.0.0.1');
  const signals = new EventEmitter();
  const exits: number[] = [];
  let exited!: () => void;
  const exitedPromise = new Promise<void>((resolve) => (exited = resolve));
  installGracefulShutdown({
    stop: () => gateway.stop(),
    logger: silentLogger,
    emitter: signals,
    exit: (code) => {
      exits.push(code);
      exited();
    },
  });
  return { url, signals, exits, exitedPromise };
}

it('finishes an in-flight request, refuses new connections, then exits 0', async () => {
  emulator.setFaults([{ path: '^/crm/objects/case/1001$', delayMs: 600 }]);
  const { url, signals, exits, exitedPromise } = await gatewayWithSignals(5_000);
  const inFlight = graphql(url, '{ case(id: "1001") { id } }');
  await new Promise((resolve) => setTimeout(resolve, 150));
  signals.emit('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 50));
  await expect(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ users { id } }"}' })).rejects.toThrow();
  expect((await inFlight).data).toEqual({ case: { id: '1001' } });
  await exitedPromise;
  expect(exits).toEqual([0]);
  emulator.setFaults([]);
});

it('does not wait past the grace period for a request that will not finish', async () => {
  emulator.setFaults([{ path: '^/crm/objects/case/1001$', delayMs: 5_000 }]);
  const { url, signals, exits, exitedPromise } = await gatewayWithSignals(300);
  const inFlight = graphql(url, '{ case(id: "1001") { id } }').catch((error: Error) => error);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = Date.now();
  signals.emit('SIGTERM');
  await exitedPromise;
  expect(Date.now() - started).toBeLessThan(1_500);
  expect(exits).toEqual([0]);
  expect(String(await inFlight)).toMatch(/fetch failed|socket|terminated/i);
  emulator.setFaults([]);
});
