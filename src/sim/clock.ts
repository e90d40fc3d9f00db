/**
 * The sim clock. Time only moves when the cluster ticks; one tick is `tickMillis` of
 * simulated time. Nothing in src/sim may read the wall clock.
 */
export const SIM_EPOCH = Date.UTC(2026, 0, 1, 9, 0, 0);

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
    return this.epoch + this.tick * this.tickMillis;
  }

  /** RFC 3339 with second precision, as metadata.creationTimestamp is. */
  nowRFC3339(): string {
    const millis = this.nowMillis();
    if (this.rfc3339?.millis !== millis) this.rfc3339 = { millis, text: new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    return this.rfc3339.text;
  }

  /** RFC 3339 (second precision) of another tick, e.g. when a container started; recent ones are kept formatted. */
  rfc3339At(tick: number): string {
    let text = this.formatted.get(tick);
    if (text === undefined) {
      if (this.formatted.size >= 256) this.formatted.clear();
      text = new Date(this.epoch + tick * this.tickMillis).toISOString().replace(/\.\d{3}Z$/, 'Z');
      this.formatted.set(tick, text);
    }
    return text;
  }

  /** RFC 3339 with microseconds, as Event.eventTime and managedFields use. */
  nowMicroTime(): string {
    return new Date(this.nowMillis()).toISOString().replace(/Z$/, '000Z');
  }

  /** How many ticks cover `seconds` of sim time (at least one). */
  ticksFor(seconds: number): number {
    return Math.max(1, Math.ceil((seconds * 1000) / this.tickMillis));
  }
}
