import { describe, expect, it } from 'vitest';
import { parseSchedule } from './schedule';

const at = (s: string) => Date.parse(s);
const iso = (ms: number) => new Date(ms).toISOString();

function next(expr: string, after: string, n = 1): string[] {
  const p = parseSchedule(expr);
  if (!p.ok) throw new Error(p.error);
  const out: string[] = [];
  let t = at(after);
  for (let i = 0; i < n; i++) out.push(iso((t = p.schedule.next(t))));
  return out;
}

describe('cron schedules', () => {
  it('every minute, steps, ranges and lists', () => {
    expect(next('* * * * *', '2026-01-01T09:00:30Z', 2)).toEqual(['2026-01-01T09:01:00.000Z', '2026-01-01T09:02:00.000Z']);
    expect(next('*/15 * * * *', '2026-01-01T09:01:00Z', 2)).toEqual(['2026-01-01T09:15:00.000Z', '2026-01-01T09:30:00.000Z']);
    expect(next('5-7,30 10 * * *', '2026-01-01T09:00:00Z', 4)).toEqual([
      '2026-01-01T10:05:00.000Z',
      '2026-01-01T10:06:00.000Z',
      '2026-01-01T10:07:00.000Z',
      '2026-01-01T10:30:00.000Z',
    ]);
    expect(next('0 0-12/6 * * *', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-01T06:00:00.000Z', '2026-01-01T12:00:00.000Z', '2026-01-02T00:00:00.000Z']);
  });

  it('names for months and weekdays; day-of-month OR day-of-week when both are set', () => {
    // 2026-01-01 is a Thursday.
    expect(next('0 9 * * MON', '2026-01-01T00:00:00Z')).toEqual(['2026-01-05T09:00:00.000Z']);
    expect(next('0 0 1 JUN *', '2026-01-01T00:00:00Z')).toEqual(['2026-06-01T00:00:00.000Z']);
    expect(next('0 0 10 * FRI', '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-02T00:00:00.000Z', '2026-01-09T00:00:00.000Z']);
    expect(next('0 0 29 2 *', '2026-01-01T00:00:00Z')).toEqual(['2028-02-29T00:00:00.000Z']);
  });

  it('macros', () => {
    expect(next('@hourly', '2026-01-01T09:10:00Z')).toEqual(['2026-01-01T10:00:00.000Z']);
    expect(next('@daily', '2026-01-01T09:10:00Z')).toEqual(['2026-01-02T00:00:00.000Z']);
    expect(next('@weekly', '2026-01-01T09:10:00Z')).toEqual(['2026-01-04T00:00:00.000Z']);
    expect(next('@monthly', '2026-01-01T09:10:00Z')).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(next('@yearly', '2026-01-01T09:10:00Z')).toEqual(['2027-01-01T00:00:00.000Z']);
    expect(next('@every 90s', '2026-01-01T09:10:00Z')).toEqual(['2026-01-01T09:11:30.000Z']);
  });

  it('errors read like robfig/cron (what kube-apiserver puts after the schedule)', () => {
    const err = (e: string) => {
      const p = parseSchedule(e);
      return p.ok ? 'ok' : p.error;
    };
    expect(err('*/1 * * *')).toBe('expected exactly 5 fields, found 4: [*/1 * * *]');
    expect(err('60 * * * *')).toBe('end of range (60) above maximum (59): 60');
    expect(err('* * 0 * *')).toBe('beginning of range (0) below minimum (1): 0');
    expect(err('5-2 * * * *')).toBe('beginning of range (5) beyond end of range (2): 5-2');
    expect(err('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
    expect(err('x * * * *')).toBe('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
  });
});

describe('spec.timeZone', () => {
  it('reads the schedule on the zone\'s wall clock', async () => {
    const { inTimeZone } = await import('./schedule');
    const p = parseSchedule('0 9 * * *');
    if (!p.ok) throw new Error(p.error);
    // 09:00 in Seoul (UTC+9) is 00:00 UTC.
    expect(iso(inTimeZone(p.schedule, 'Asia/Seoul').next(at('2026-01-01T09:00:00Z')))).toBe('2026-01-02T00:00:00.000Z');
    // New York in July is UTC-4.
    expect(iso(inTimeZone(p.schedule, 'America/New_York').next(at('2026-07-01T00:00:00Z')))).toBe('2026-07-01T13:00:00.000Z');
  });

  it('knows real zone names only', async () => {
    const { validTimeZone } = await import('./schedule');
    expect(validTimeZone('Europe/Berlin')).toBe(true);
    expect(validTimeZone('Mars/Olympus')).toBe(false);
  });
});
