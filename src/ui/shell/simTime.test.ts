import { describe, expect, it } from 'vitest';
import { formatSimTime } from './simTime';

describe('formatSimTime', () => {
  it('reads like a stopwatch', () => {
    expect(formatSimTime(0)).toBe('t+0s');
    expect(formatSimTime(12)).toBe('t+12s');
    expect(formatSimTime(184)).toBe('t+3m04s');
    expect(formatSimTime(3720)).toBe('t+1h02m');
  });
});
