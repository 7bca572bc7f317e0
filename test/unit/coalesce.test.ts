import { createCoalescer, credentialHash } from '../../src/upstream/coalesce.js';

const deferred = () => {
  let resolve!: (value: unknown) => void;
  const promise = new Promise<unknown>((done) => (resolve = done));
  return { promise, resolve };
};

describe('the coalescer around writes', () => {
  const me = credentialHash('Bearer me');

  it('does not share reads while a write of the same credential is in flight, nor afterwards', async () => {
    const coalescer = createCoalescer();
    let sent = 0;
    const slow = deferred();
    const send = () => {
      sent += 1;
      return slow.promise;
    };
    const over = coalescer.writeStarted(me);
    const during = [coalescer.read(me, 'k', send), coalescer.read(me, 'k', send)];
    expect(sent).toBe(2);
    over();
    const after = coalescer.read(me, 'k', send);
    expect(sent).toBe(3);
    slow.resolve('x');
    await Promise.all([...during, after]);
  });

  it('closes reads that began before the write to newcomers', async () => {
    const coalescer = createCoalescer();
    let sent = 0;
    const slow = deferred();
    const send = () => {
      sent += 1;
      return slow.promise;
    };
    const before = coalescer.read(me, 'k', send);
    const over = coalescer.writeStarted(me);
    over();
    const after = coalescer.read(me, 'k', send);
    expect(sent).toBe(2);
    slow.resolve('x');
    await Promise.all([before, after]);
  });

  it('keeps sharing reads of other credentials during the write', async () => {
    const coalescer = createCoalescer();
    const other = credentialHash('Bearer other');
    let sent = 0;
    const send = () => {
      sent += 1;
      return Promise.resolve('x');
    };
    const over = coalescer.writeStarted(me);
    await Promise.all([coalescer.read(other, 'k', send), coalescer.read(other, 'k', send)]);
    expect(sent).toBe(1);
    over();
  });
});
