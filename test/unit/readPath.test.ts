/**
 * The read path's rules, one by one, over a client whose calls a test answers by hand. (Over real
 * HTTP they are exercised by test/integration/coalescing.test.ts.)
 */
import type { UpstreamRequest } from '../../src/domain/context.js';
import type { Touched } from '../../src/domain/touches.js';
import type { UpstreamClient } from '../../src/upstream/client.js';
import { loadConfig } from '../../src/config.js';
import { credentialFrom } from '../../src/upstream/credentials.js';
import { createReadPath, type ReadPath } from '../../src/upstream/readPath.js';

const { dialect } = loadConfig({});

interface Pending {
  request: UpstreamRequest;
  authorization: string;
  signal: AbortSignal | undefined;
  repeatable: boolean;
  answer(body: unknown): void;
}

/** A client that records every call and answers when the test says so. */
function handClient() {
  const calls: Pending[] = [];
  const client: UpstreamClient = {
    send(request, credential, { cancel: signal, repeatable }) {
      return new Promise((resolve, reject) => {
        calls.push({ request, authorization: credential.header, signal, repeatable, answer: resolve });
        signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    },
    probe: () => Promise.reject(new Error('no probes here')),
    trust() {},
    close() {},
  };
  return { client, calls };
}

const CASE: UpstreamRequest = { method: 'GET', path: 'crm/objects/case/1' };
const CLOSE: UpstreamRequest = { method: 'POST', path: 'crm/messenger/chat/close', json: { caseId: 1 } };
const normalise = (body: unknown) => ({ body });
const flush = () => new Promise((resolve) => setImmediate(resolve));

function sessionOf(readPath: ReadPath, authorization: string, cancel?: AbortSignal) {
  return readPath.session({ credential: credentialFrom(authorization), requestId: 'r', maxConcurrentCalls: 10, ...(cancel ? { cancel } : {}) });
}

describe('the read path', () => {
  it('shares concurrent identical reads of one credential: one call, one record, frozen when asked', async () => {
    const { client, calls } = handClient();
    const readPath = createReadPath({ client, shareAcrossRequests: true, freezeRecords: true, dialect });
    const a = sessionOf(readPath, 'Bearer me').read(CASE, 'case', normalise);
    const b = sessionOf(readPath, 'Bearer me').read(CASE, 'case', normalise);
    await flush();
    expect(calls).toHaveLength(1);
    calls[0]!.answer({ id: 1 });
    const [first, second] = await Promise.all([a, b]);
    expect(first).toBe(second);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      'use strict';
      (first as { body: unknown }).body = 'changed';
    }).toThrow(TypeError);
  });

  it('lets the client repeat reads, a search sent as a POST included, and never a write', async () => {
    const { client, calls } = handClient();
    const session = sessionOf(createReadPath({ client, shareAcrossRequests: true, dialect }), 'Bearer me');
    const search: UpstreamRequest = { method: 'POST', path: 'crm/contact/list', json: { search: 'ann' } };
    void session.read(CASE, 'case', normalise);
    void session.read(search, 'contacts', normalise);
    await flush();
    void session.write(CLOSE, [{ kind: 'case', id: '1' }], normalise);
    await flush();
    expect(calls.map((call) => [call.request.method, call.request.path, call.repeatable])).toEqual([
      ['GET', 'crm/objects/case/1', true],
      ['POST', 'crm/contact/list', true],
      ['POST', 'crm/messenger/chat/close', false],
    ]);
  });

  it('never shares between credentials', async () => {
    const { client, calls } = handClient();
    const readPath = createReadPath({ client, shareAcrossRequests: true, dialect });
    void sessionOf(readPath, 'Bearer me').read(CASE, 'case', normalise);
    void sessionOf(readPath, 'Bearer other').read(CASE, 'case', normalise);
    await flush();
    expect(calls.map((call) => call.authorization)).toEqual(['Bearer me', 'Bearer other']);
  });

  it('does not share across requests when sharing is off, but still remembers within one', async () => {
    const { client, calls } = handClient();
    const readPath = createReadPath({ client, shareAcrossRequests: false, dialect });
    const session = sessionOf(readPath, 'Bearer me');
    void session.read(CASE, 'case', normalise);
    void session.read(CASE, 'case', normalise);
    void sessionOf(readPath, 'Bearer me').read(CASE, 'case', normalise);
    await flush();
    expect(calls).toHaveLength(2);
  });

  it('remembers a read for the rest of the request, until the credential writes in any request', async () => {
    const { client, calls } = handClient();
    const readPath = createReadPath({ client, shareAcrossRequests: true, dialect });
    const reader = sessionOf(readPath, 'Bearer me');
    const first = reader.read(CASE, 'case', normalise);
    await flush();
    calls[0]!.answer({ v: 1 });
    await first;
    expect(await reader.read(CASE, 'case', normalise)).toEqual({ body: { v: 1 } });
    expect(calls).toHaveLength(1);

    const written = sessionOf(readPath, 'Bearer other').write(CLOSE, [{ kind: 'case', id: '1' }], () => null);
    await flush();
    calls[1]!.answer({ data: {} });
    await written;
    void reader.read(CASE, 'case', normalise);
    await flush();
    expect(calls).toHaveLength(2);

    const mine = sessionOf(readPath, 'Bearer me').write(CLOSE, [{ kind: 'case', id: '1' }], () => null);
    await flush();
    calls[2]!.answer({ data: {} });
    await mine;
    void reader.read(CASE, 'case', normalise);
    await flush();
    expect(calls).toHaveLength(4);
    expect(calls[3]!.request).toBe(CASE);
  });

  it('closes reads in flight to newcomers when a write starts, and shares nothing until it ends', async () => {
    const { client, calls } = handClient();
    const readPath = createReadPath({ client, shareAcrossRequests: true, dialect });
    void sessionOf(readPath, 'Bearer me').read(CASE, 'case', normalise);
    const write = sessionOf(readPath, 'Bearer me').write(CLOSE, [], () => null);
    void sessionOf(readPath, 'Bearer me').read(CASE, 'case', normalise);
    void sessionOf(readPath, 'Bearer me').read(CASE, 'case', normalise);
    await flush();
    expect(calls.map((call) => call.request.method)).toEqual(['GET', 'POST', 'GET', 'GET']);
    calls[1]!.answer({ data: {} });
    await write;
    void sessionOf(readPath, 'Bearer me').read(CASE, 'case', normalise);
    void sessionOf(readPath, 'Bearer me').read(CASE, 'case', normalise);
    await flush();
    expect(calls).toHaveLength(5);
  });

  it("tells every live request of the credential what a write touched, and nobody else's", async () => {
    const { client, calls } = handClient();
    const readPath = createReadPath({ client, shareAcrossRequests: true, dialect });
    const heard: Record<string, Array<ReadonlyArray<Touched>>> = { same: [], other: [], closed: [] };
    for (const [name, authorization] of [['same', 'Bearer me'], ['other', 'Bearer other'], ['closed', 'Bearer me']] as const) {
      const session = sessionOf(readPath, authorization);
      session.onInvalidate((touched) => heard[name]!.push(touched));
      if (name === 'closed') session.close();
    }
    const touched: Touched[] = [{ kind: 'case', id: '1' }];
    const write = sessionOf(readPath, 'Bearer me').write(CLOSE, touched, () => null);
    await flush();
    calls[0]!.answer({ data: {} });
    await write;
    // Once when the write starts and once when it ends: a read between the two may be stale.
    expect(heard).toEqual({ same: [touched, touched], other: [], closed: [] });
  });

  it('lets a caller leave a shared read without cancelling it for the others; the last to leave cancels it', async () => {
    const { client, calls } = handClient();
    const readPath = createReadPath({ client, shareAcrossRequests: true, dialect });
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = sessionOf(readPath, 'Bearer me', leaving.signal).read(CASE, 'case', normalise);
    const stays = sessionOf(readPath, 'Bearer me', staying.signal).read(CASE, 'case', normalise);
    await flush();
    leaving.abort();
    await expect(left).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(calls[0]!.signal?.aborted).toBe(false);
    calls[0]!.answer({ v: 1 });
    await expect(stays).resolves.toEqual({ body: { v: 1 } });

    const a = new AbortController();
    const alone = sessionOf(readPath, 'Bearer me', a.signal).read({ ...CASE, path: 'crm/objects/case/2' }, 'case', normalise);
    await flush();
    a.abort();
    await expect(alone).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(calls[1]!.signal?.aborted).toBe(true);
  });

  it('sends nothing without a credential', async () => {
    const { client, calls } = handClient();
    const session = createReadPath({ client, shareAcrossRequests: true, dialect }).session({ credential: null, requestId: 'r', maxConcurrentCalls: 1 });
    await expect(session.read(CASE, 'case', normalise)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(calls).toHaveLength(0);
  });
});

describe('the identity of a read', () => {
  it('includes the body of a search sent as a POST, so two searches never share', async () => {
    const { client, calls } = handClient();
    const readPath = createReadPath({ client, shareAcrossRequests: true, dialect });
    const search = (text: string): UpstreamRequest => ({ method: 'POST', path: 'crm/contact/list', json: { search: text } });
    void sessionOf(readPath, 'Bearer me').read(search('ann'), 'contacts', normalise);
    void sessionOf(readPath, 'Bearer me').read(search('bob'), 'contacts', normalise);
    void sessionOf(readPath, 'Bearer me').read(search('ann'), 'contacts', normalise);
    await flush();
    expect(calls.map((call) => (call.request.json as { search: string }).search)).toEqual(['ann', 'bob']);
  });
});

describe('reads overlapped by a write', () => {
  it('are made again once the write is over, so nothing from before it is answered after it', async () => {
    const { client, calls } = handClient();
    const readPath = createReadPath({ client, shareAcrossRequests: true, dialect });
    const reader = sessionOf(readPath, 'Bearer me');
    const read = reader.read(CASE, 'case', normalise);
    await flush();
    const write = sessionOf(readPath, 'Bearer me').write(CLOSE, [{ kind: 'case', id: '1' }], () => null);
    await flush();
    calls[0]!.answer({ status: 'active' });
    calls[1]!.answer({ data: {} });
    await write;
    await flush();
    expect(calls.map((call) => call.request.method)).toEqual(['GET', 'POST', 'GET']);
    calls[2]!.answer({ status: 'closed' });
    await expect(read).resolves.toEqual({ body: { status: 'closed' } });
  });
});

describe('what the read path holds', () => {
  it('lets go of a credential once its requests are over, whether their reads ended, were cancelled or written over', async () => {
    const { client, calls } = handClient();
    const readPath = createReadPath({ client, shareAcrossRequests: true, dialect });
    const cancel = new AbortController();
    const left = sessionOf(readPath, 'Bearer a', cancel.signal);
    const leaving = left.read(CASE, 'case', normalise);
    const done = sessionOf(readPath, 'Bearer b');
    const answered = done.read(CASE, 'case', normalise);
    const writer = sessionOf(readPath, 'Bearer c');
    const written = writer.write(CLOSE, [], () => null);
    await flush();
    expect(readPath.liveCredentials()).toBe(3);
    cancel.abort();
    await expect(leaving).rejects.toMatchObject({ code: 'CANCELLED' });
    calls.find((call) => call.authorization === 'Bearer b')!.answer({});
    calls.find((call) => call.authorization === 'Bearer c')!.answer({ data: {} });
    await Promise.all([answered, written]);
    for (const session of [left, done, writer]) session.close();
    expect(readPath.liveCredentials()).toBe(0);
  });
});
