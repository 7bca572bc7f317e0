import { createCoalescer, credentialHash } from '../../src/upstream/coalesce.js';

/** A send that counts its calls and answers when `finish` is called. */
const slowSend = () => {
  let finish!: (value: unknown) => void;
  const answer = new Promise<unknown>((done) => (finish = done));
  const counter = { sent: 0, finish, send: () => ((counter.sent += 1), answer) };
  return counter;
};

describe('the coalescer around writes', () => {
  const me = credentialHash('Bearer me');

  it('does not share reads while a write of the same credential is in flight, nor afterwards', async () => {
    const coalescer = createCoalescer();
    const slow = slowSend();
    const over = coalescer.writeStarted(me);
    const during = [coalescer.read(me, 'k', slow.send), coalescer.read(me, 'k', slow.send)];
    expect(slow.sent).toBe(2);
    over();
    const after = coalescer.read(me, 'k', slow.send);
    expect(slow.sent).toBe(3);
    slow.finish('x');
    await Promise.all([...during, after]);
  });

  it('closes reads that began before the write to newcomers', async () => {
    const coalescer = createCoalescer();
    const slow = slowSend();
    const before = coalescer.read(me, 'k', slow.send);
    const over = coalescer.writeStarted(me);
    over();
    const after = coalescer.read(me, 'k', slow.send);
    expect(slow.sent).toBe(2);
    slow.finish('x');
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
