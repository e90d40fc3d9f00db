import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { Controller } from './types';

/** A controller that wakes every `every` ticks, like a CronJob waiting for its next run. */
function ticker(every: number, periodic: boolean, seen: number[]): Controller {
  return {
    name: 'ticker',
    watches: [],
    reconcile: (ctx) => {
      seen.push(ctx.clock.tick);
      return { requeueAfterTicks: every, periodic };
    },
  };
}

describe('periodic timers', () => {
  it('fire on schedule but do not keep the cluster from settling', () => {
    const seen: number[] = [];
    const c = new Cluster({ seed: 1 }, [ticker(10, true, seen)]).bootstrap();
    c.manager.enqueue('ticker', 'k');
    expect(c.runUntilSettled()).toBe(1);
    expect(c.settled()).toBe(true);
    c.tickN(25);
    expect(seen).toEqual([1, 11, 21]);
    // Saved and restored with the cluster.
    const restored = Cluster.fromState(c.exportState(), [ticker(10, true, seen)]);
    restored.tickN(10);
    expect(seen).toEqual([1, 11, 21, 31]);
  });

  it('an ordinary requeue still counts as work: runUntilSettled stops only at its limit', () => {
    const seen: number[] = [];
    const c = new Cluster({ seed: 1 }, [ticker(10, false, seen)]).bootstrap();
    c.manager.enqueue('ticker', 'k');
    expect(c.runUntilSettled(50)).toBe(50);
    expect(c.settled()).toBe(false);
  });
});
