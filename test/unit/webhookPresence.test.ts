/**
 * An agent's presence in Agent Status Change payloads, whose shape the docs do not show: every
 * plausible shape read, hostile ones read safely (UNKNOWN, or nothing), never a throw.
 */
import { readWebhook } from '../../src/upstream/webhooks.js';
import { WEBHOOK_EVENTS } from '../../emulator/webhooks.js';

function presenceOf(body: unknown) {
  const reading = readWebhook(body);
  if (!('events' in reading)) throw new Error(`unrecognised: ${reading.unrecognised}`);
  const [event] = reading.events;
  if (event?.kind !== 'agent') throw new Error(`not an agent event: ${JSON.stringify(event)}`);
  return event.presence;
}

const agentEvent = (user: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ event: 'Agent Status Change', data: { user: { id: 12, ...user } }, ...extra });

describe('presence in an Agent Status Change webhook', () => {
  it('reads the emulator’s payload: availability and the channels turned on', () => {
    const body = { event: WEBHOOK_EVENTS.agentStatusChange, dateCreated: '2026-01-01T00:00:00.000Z', data: { user: { id: 12, name: 'Chloe', email: 'c@x.example', status: 'active', availability: 'unavailable', channels: { chat: true, email: false, voip: true } } } };
    expect(presenceOf(body)).toEqual({ availability: 'UNAVAILABLE', channels: ['CHAT', 'VOIP'] });
  });

  it.each([
    ['the events page’s words', { status: 'Available' }, { availability: 'AVAILABLE', channels: null }],
    ['unavailable', { status: 'unavailable' }, { availability: 'UNAVAILABLE', channels: null }],
    ['the set-up page’s active/inactive', { status: 'inactive' }, { availability: 'UNAVAILABLE', channels: null }],
    ['a flag', { available: false }, { availability: 'UNAVAILABLE', channels: null }],
    ['online as 1', { online: 1 }, { availability: 'AVAILABLE', channels: null }],
    ['a status that names a channel', { status: 'Chat-chat channel is turned on' }, { availability: null, channels: ['CHAT'] }],
    ['channels as a list of names', { channels: ['Email', 'voip', 'fax'] }, { availability: null, channels: ['EMAIL', 'VOIP'] }],
    ['channels as objects', { channels: [{ name: 'chat', enabled: true }, { name: 'email', enabled: 'no' }] }, { availability: null, channels: ['CHAT'] }],
    ['flags of their own', { chatEnabled: 'yes', voip_status: 'off', email: 'c@x.example' }, { availability: null, channels: ['CHAT'] }],
    ['an unknown availability word', { availability: 'on a break' }, { availability: 'UNKNOWN', channels: null }],
  ])('reads %s', (_what, user, expected) => {
    expect(presenceOf(agentEvent(user))).toEqual(expected);
  });

  it('leaves presence out when the payload says nothing of it (the event is still delivered)', () => {
    expect(presenceOf(agentEvent({ name: 'Chloe', email: 'c@x.example' }))).toBeUndefined();
    expect(readWebhook({ event: 'AGENT_STATUS_CHANGE', agentId: 7 })).toEqual({ events: [{ kind: 'agent', userId: '7', source: 'webhook' }] });
  });

  it.each([
    ['a huge status', { status: 'x'.repeat(1_000_000) }, { availability: 'UNKNOWN', channels: null }],
    ['an object as availability', { availability: { $gt: '' } }, undefined],
    ['an array as availability and null channels', { availability: ['available'], channels: null }, undefined],
    ['ten thousand channels', { channels: Array.from({ length: 10_000 }, () => 'chat') }, { availability: null, channels: ['CHAT'] }],
    ['numbers as channel names', { channels: [1, 2, { name: 3 }] }, { availability: null, channels: [] }],
    ['a channel flag object with a million keys', { channels: Object.fromEntries(Array.from({ length: 1_000 }, (_, index) => [`k${index}`, true])) }, undefined],
    ['prototype keys (the nested object is read like any other, and nothing is polluted)', JSON.parse('{"__proto__": {"available": true}, "constructor": "online", "toString": "chat"}'), { availability: 'AVAILABLE', channels: null }],
  ])('reads %s safely', (_what, user, expected) => {
    expect(presenceOf(agentEvent(user as Record<string, unknown>))).toEqual(expected);
    expect(({} as Record<string, unknown>).available).toBeUndefined();
  });
});
