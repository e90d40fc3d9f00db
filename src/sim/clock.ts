/**
 * The sim clock. Time only moves when the cluster ticks; one tick is `tickMillis` of
 * simulated time. Nothing in src/sim may read the wall clock.
 */
export const SIM_EPOCH = Date.UTC(2026, 0, 1, 9, 0, 0);

export class SimClock {
  tick = 0;

  constructor(
    public readonly tickMillis = 1000,
    public readonly epoch = SIM_EPOCH,
  ) {}

  nowMillis(): number {
    return this.epoch + this.tick * this.tickMillis;
  }

  /** RFC 3339 with second precision, as metadata.creationTimestamp is. */
  nowRFC3339(): string {
    return new Date(this.nowMillis()).toISOString().replace(/\.\d{3}Z$/, 'Z');
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
