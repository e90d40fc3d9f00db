import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Delta } from '../../sim/cluster';

/** How many deltas the architecture view can step back through. */
export const RECENT_DELTAS = 8;

export interface RecentDelta {
  /** Arrival order (two deltas can share a tick: a tick, then the learner's apply). */
  serial: number;
  delta: Delta;
}

export interface RecentDeltasState {
  deltas: RecentDelta[];
  serial: number;
}

/**
 * The last few deltas exactly as the worker sent them, so the architecture view can derive
 * the messages each one carried on demand. Only references: nothing is copied or computed here.
 * Empty deltas (nothing changed, nothing recorded) are not kept.
 */
export const recentDeltas = createStore<RecentDeltasState>(() => ({ deltas: [], serial: 0 }));

export function rememberDelta(delta: Delta): void {
  if (!delta.changes.length && !delta.records.length) return;
  recentDeltas.setState((s) => {
    const serial = s.serial + 1;
    const deltas = s.deltas.length >= RECENT_DELTAS ? s.deltas.slice(1 - RECENT_DELTAS) : s.deltas.slice();
    deltas.push({ serial, delta });
    return { deltas, serial };
  });
}

/** A snapshot starts a new history: the old deltas describe another cluster. */
export function forgetDeltas(): void {
  recentDeltas.setState({ deltas: [] });
}

export function useRecentDeltas<T>(select: (s: RecentDeltasState) => T): T {
  return useStore(recentDeltas, select);
}
