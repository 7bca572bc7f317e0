import { criticalPathMs, roundTrips } from '../../bench/criticalPath.js';

const call = (startedAt: number, finishedAt: number) => ({ startedAt, finishedAt });

describe('critical path of a request', () => {
  it('counts parallel calls once and dependent calls each', () => {
    const calls = [call(0, 20), call(21, 41), call(21.5, 42), call(22, 40)];
    expect(roundTrips(calls)).toBe(2);
    expect(criticalPathMs(calls)).toBe(40.5);
  });

  it('counts a second wave held back by a cap as another round trip', () => {
    const calls = [call(0, 20), call(21, 41), call(21, 41), call(41.5, 61)];
    expect(roundTrips(calls)).toBe(3);
  });

  it('is zero for no calls, one for one', () => {
    expect(roundTrips([])).toBe(0);
    expect(criticalPathMs([])).toBe(0);
    expect(roundTrips([call(5, 9)])).toBe(1);
    expect(criticalPathMs([call(5, 9)])).toBe(4);
  });
});
