import {
  toBool,
  toCaseStatus,
  toChannel,
  toDepartmentStatus,
  toId,
  toIsoDate,
  toMessageType,
  toSenderType,
  toStr,
  upstreamChannel,
} from '../../src/upstream/normalize.js';

describe('toBool', () => {
  it.each([
    ['yes', true],
    ['no', false],
    ['YES', true],
    ['NO', false],
    [' Yes ', true],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['true', true],
    ['false', false],
  ])('reads %p as %p', (input, expected) => {
    expect(toBool(input)).toBe(expected);
  });

  it.each([['maybe'], [null], [undefined], [{}], [2], ['']])('reads %p as null', (input) => {
    expect(toBool(input)).toBeNull();
  });
});

describe('toId', () => {
  it('turns integer ids and string ids into the same string', () => {
    expect(toId(12)).toBe('12');
    expect(toId('12')).toBe('12');
    expect(toId(' 517 ')).toBe('517');
  });

  it('returns null for missing or unusable values', () => {
    expect(toId(null)).toBeNull();
    expect(toId(undefined)).toBeNull();
    expect(toId('')).toBeNull();
    expect(toId(Number.NaN)).toBeNull();
    expect(toId({ id: 1 })).toBeNull();
  });
});

describe('toIsoDate', () => {
  it('keeps ISO-8601 UTC with milliseconds', () => {
    expect(toIsoDate('2021-03-30T16:05:46.000Z')).toBe('2021-03-30T16:05:46.000Z');
  });

  it('converts other zones to UTC', () => {
    expect(toIsoDate('2021-03-30T18:05:46+02:00')).toBe('2021-03-30T16:05:46.000Z');
  });

  it('reads zone-less "YYYY-MM-DD HH:MM:SS" as UTC', () => {
    expect(toIsoDate('2021-07-16 11:49:24')).toBe('2021-07-16T11:49:24.000Z');
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(toIsoDate(1617294704)).toBe('2021-04-01T16:31:44.000Z');
    expect(toIsoDate(1617294704000)).toBe('2021-04-01T16:31:44.000Z');
  });

  it('returns null for garbage instead of throwing', () => {
    expect(toIsoDate('not a date')).toBeNull();
    expect(toIsoDate('2021-13-45 99:99:99')).toBeNull();
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate({})).toBeNull();
  });
});

describe('enums', () => {
  it('maps case statuses, the queue and the README spelling "close" included, and anything else to UNKNOWN', () => {
    expect(toCaseStatus('Queue')).toBe('QUEUE');
    expect(toCaseStatus('pending')).toBe('PENDING');
    expect(toCaseStatus('active')).toBe('ACTIVE');
    expect(toCaseStatus('closed')).toBe('CLOSED');
    expect(toCaseStatus('close')).toBe('CLOSED');
    expect(toCaseStatus('snoozed')).toBe('UNKNOWN');
    expect(toCaseStatus(42)).toBeNull();
    expect(toCaseStatus(null)).toBeNull();
  });

  it('maps the upstream "mail" channel to EMAIL and unknown channels to UNKNOWN', () => {
    expect(toChannel('mail')).toBe('EMAIL');
    expect(toChannel('chat')).toBe('CHAT');
    expect(toChannel('audio-call')).toBe('AUDIO_CALL');
    expect(toChannel('private-form')).toBe('PRIVATE_FORM');
    expect(toChannel('whatsapp')).toBe('UNKNOWN');
    expect(toChannel(null)).toBeNull();
  });

  it('maps the documented department statuses, and anything else to UNKNOWN', () => {
    expect(['active', 'Disabled', 'archived', 'x'.repeat(10_000), 3, null, { status: 'active' }].map(toDepartmentStatus)).toEqual(['ACTIVE', 'DISABLED', 'UNKNOWN', 'UNKNOWN', null, null, null]);
  });

  it('maps channels back to the upstream names', () => {
    expect(upstreamChannel('EMAIL', { emailChannel: 'mail' })).toBe('mail');
    expect(upstreamChannel('EMAIL', { emailChannel: 'email' })).toBe('email');
    expect(upstreamChannel('VIDEO_CALL', { emailChannel: 'email' })).toBe('video-call');
  });

  it('maps message types and sender types, legacy names included', () => {
    expect(toMessageType('note')).toBe('NOTE');
    expect(toMessageType('sms')).toBe('SMS');
    expect(toMessageType('whisper')).toBe('UNKNOWN');
    expect(toSenderType('user')).toBe('USER');
    expect(toSenderType('visitor')).toBe('CONTACT');
    expect(toSenderType('robot')).toBe('UNKNOWN');
    expect(toSenderType('')).toBeNull();
    expect(toSenderType(3)).toBeNull();
  });

  it('turns a numeric waitTime into the documented string', () => {
    expect(toStr(14)).toBe('14');
    expect(toStr({})).toBeNull();
  });
});
