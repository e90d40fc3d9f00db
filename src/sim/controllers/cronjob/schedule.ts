/**
 * The standard 5-field cron syntax CronJobs use (robfig/cron's ParseStandard): minute, hour,
 * day of month, month, day of week; `*`, `?`, ranges `a-b`, steps `/n`, lists `a,b`, month and
 * weekday names, and the @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly and
 * `@every <duration>` descriptors. Times are UTC unless wrapped by `inTimeZone`.
 */
export interface Schedule {
  /** The first activation strictly after `afterMillis`. */
  next(afterMillis: number): number;
}

export type ParseResult = { ok: true; schedule: Schedule } | { ok: false; error: string };

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

class CronError extends Error {}

function parseInt10(s: string): number {
  if (!/^\d+$/.test(s)) throw new CronError(`failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

function value(s: string, b: Bounds): number {
  const named = b.names?.[s.toLowerCase()];
  return named ?? parseInt10(s);
}

/** One field as a set of allowed values, plus whether it was `*` (day matching depends on it). */
function parseField(field: string, b: Bounds): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const part of field.split(',')) {
    const slash = part.split('/');
    if (slash.length > 2) throw new CronError(`too many slashes: ${part}`);
    const [rangePart = '', stepPart] = slash;
    let lo: number;
    let hi: number;
    if (rangePart === '*' || rangePart === '?') {
      lo = b.min;
      hi = b.max;
      if (stepPart === undefined) star = true;
    } else {
      const dash = rangePart.split('-');
      if (dash.length > 2) throw new CronError(`too many hyphens: ${rangePart}`);
      lo = value(dash[0] ?? '', b);
      hi = dash.length === 2 ? value(dash[1] ?? '', b) : lo;
      if (stepPart !== undefined && dash.length === 1) hi = b.max;
    }
    let step = 1;
    if (stepPart !== undefined) {
      step = parseInt10(stepPart);
      if (step <= 0) throw new CronError(`step of range should be a positive number: ${part}`);
    }
    if (lo < b.min) throw new CronError(`beginning of range (${lo}) below minimum (${b.min}): ${part}`);
    if (hi > b.max) throw new CronError(`end of range (${hi}) above maximum (${b.max}): ${part}`);
    if (lo > hi) throw new CronError(`beginning of range (${lo}) beyond end of range (${hi}): ${part}`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, star };
}

function parseEvery(spec: string): Schedule {
  const d = spec.slice('@every '.length).trim();
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(d);
  if (!d || !m) throw new CronError(`failed to parse duration @every ${d}: time: invalid duration ${JSON.stringify(d)}`);
  // robfig rounds the interval down to whole seconds, with a one-second minimum.
  const ms = Math.max(1000, ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000);
  return { next: (after) => after + ms - (after % 1000) };
}

export function parseSchedule(input: string): ParseResult {
  try {
    return { ok: true, schedule: parse(input) };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, error: e.message };
    throw e;
  }
}

function parse(input: string): Schedule {
  const spec = input.trim();
  if (!spec) throw new CronError('empty spec string');
  if (spec.startsWith('@every ')) return parseEvery(spec);
  let expr = spec;
  if (spec.startsWith('@')) {
    const d = DESCRIPTORS[spec];
    if (!d) throw new CronError(`unrecognized descriptor: ${spec}`);
    expr = d;
  }
  const fields = expr.split(/\s+/);
  if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [minute, hour, dom, month, dow] = fields.map((f, i) => parseField(f, FIELDS[i] as Bounds)) as [
    ReturnType<typeof parseField>,
    ReturnType<typeof parseField>,
    ReturnType<typeof parseField>,
    ReturnType<typeof parseField>,
    ReturnType<typeof parseField>,
  ];
  const dayMatches = (d: Date): boolean => {
    const a = dom.values.has(d.getUTCDate());
    const b = dow.values.has(d.getUTCDay());
    // Both restricted: either may match (classic cron); otherwise both must.
    return dom.star || dow.star ? a && b : a || b;
  };
  return {
    next(after: number): number {
      const t = new Date(Math.floor(after / 60000) * 60000 + 60000);
      const limit = t.getUTCFullYear() + 5;
      while (t.getUTCFullYear() <= limit) {
        if (!month.values.has(t.getUTCMonth() + 1)) {
          t.setUTCMonth(t.getUTCMonth() + 1, 1);
          t.setUTCHours(0, 0, 0, 0);
          continue;
        }
        if (!dayMatches(t)) {
          t.setUTCDate(t.getUTCDate() + 1);
          t.setUTCHours(0, 0, 0, 0);
          continue;
        }
        if (!hour.values.has(t.getUTCHours())) {
          t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
          continue;
        }
        if (!minute.values.has(t.getUTCMinutes())) {
          t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
          continue;
        }
        return t.getTime();
      }
      return Number.POSITIVE_INFINITY;
    },
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `zone` is an IANA time zone name this runtime knows (what time.LoadLocation checks). */
export function validTimeZone(zone: string): boolean {
  try {
    zoneFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/** How far `zone`'s wall clock is ahead of UTC at `ms`. */
function offsetAt(zone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(zone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The schedule read on `zone`'s wall clock (CronJob spec.timeZone): step in local time, then
 * map back to UTC. Around a DST change this can be off by the shift, which a lesson won't meet.
 */
export function inTimeZone(schedule: Schedule, zone: string | undefined | null): Schedule {
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return schedule;
  return {
    next(after: number): number {
      const localNext = schedule.next(after + offsetAt(zone, after));
      if (!Number.isFinite(localNext)) return localNext;
      const guess = localNext - offsetAt(zone, localNext);
      return localNext - offsetAt(zone, guess);
    },
  };
}
