/**
 * The sim clock. Time only moves when the cluster ticks; one tick is `tickMillis` of
 * simulated time. Nothing in src/sim may read the wall clock.
 */
export const SIM_EPOCH = Date.UTC(2026, 0, 1, 9, 0, 0);

/**
 * RFC 3339 with second precision (`2026-01-01T09:00:05Z`), as metadata timestamps are. A
 * free function rather than a method for times that are not a tick: a deletion deadline,
 * a CronJob's scheduled minute.
 */
export function formatRFC3339(millis: number): string {
  return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 3339 with microseconds (`2026-01-01T09:00:05.000000Z`), as Event.eventTime and managedFields use. */
export function formatMicroTime(millis: number): string {
  return new Date(millis).toISOString().replace(/Z$/, '000Z');
}

export class SimClock {
  tick = 0;
  /** The last formatted second: every write of a tick stamps the same one, so format it once. */
  private rfc3339: { millis: number; text: string } | undefined;
  private readonly formatted = new Map<number, string>();

  constructor(
    public readonly tickMillis = 1000,
    public readonly epoch = SIM_EPOCH,
  ) {}

  nowMillis(): number {
    return this.millisAt(this.tick);
  }

  /** Sim time at the start of `tick`. */
  millisAt(tick: number): number {
    return this.epoch + tick * this.tickMillis;
  }

  /** RFC 3339 with second precision, as metadata.creationTimestamp is. */
  nowRFC3339(): string {
    const millis = this.nowMillis();
    if (this.rfc3339?.millis !== millis) this.rfc3339 = { millis, text: formatRFC3339(millis) };
    return this.rfc3339.text;
  }

  /** RFC 3339 (second precision) of another tick, e.g. when a container started; recent ones are kept formatted. */
  rfc3339At(tick: number): string {
    let text = this.formatted.get(tick);
    if (text === undefined) {
      if (this.formatted.size >= 256) this.formatted.clear();
      text = formatRFC3339(this.millisAt(tick));
      this.formatted.set(tick, text);
    }
    return text;
  }

  /** RFC 3339 with microseconds, as Event.eventTime and managedFields use. */
  nowMicroTime(): string {
    return formatMicroTime(this.nowMillis());
  }

  /** How many ticks cover `seconds` of sim time (at least one). */
  ticksFor(seconds: number): number {
    return Math.max(1, Math.ceil((seconds * 1000) / this.tickMillis));
  }
}
