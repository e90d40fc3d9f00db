import { describe, expect, it } from 'vitest';
import { formatMicroTime, formatRFC3339, SIM_EPOCH, SimClock } from './clock';

describe('SimClock formatting', () => {
  it('writes metadata timestamps to the second and event times to the microsecond', () => {
    expect(formatRFC3339(SIM_EPOCH + 5_000)).toBe('2026-01-01T09:00:05Z');
    expect(formatRFC3339(SIM_EPOCH + 5_999)).toBe('2026-01-01T09:00:05Z');
    expect(formatMicroTime(SIM_EPOCH + 5_000)).toBe('2026-01-01T09:00:05.000000Z');
  });

  it('stamps a tick the same way whether it is now or another tick', () => {
    const clock = new SimClock(500);
    clock.tick = 7;
    expect(clock.millisAt(7)).toBe(clock.nowMillis());
    expect(clock.nowRFC3339()).toBe('2026-01-01T09:00:03Z');
    expect(clock.rfc3339At(7)).toBe(clock.nowRFC3339());
    expect(clock.rfc3339At(20)).toBe('2026-01-01T09:00:10Z');
    expect(clock.nowMicroTime()).toBe('2026-01-01T09:00:03.500000Z');
  });
});
