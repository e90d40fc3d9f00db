import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { TrafficTrace } from '../../sim/network/types';

/**
 * The last request the console traced (`kubectl exec ... -- curl`, `curl localhost:8080` ...),
 * for the views to animate. `seq` grows with every trace so the same request sent twice
 * animates twice; `seen` is the last `seq` a view showed (the tab notice is for the rest).
 */
export interface TrafficState {
  trace: TrafficTrace | null;
  seq: number;
  seen: number;
  show(trace: TrafficTrace): void;
  markSeen(): void;
  dismiss(): void;
}

export const traffic = createStore<TrafficState>()((set) => ({
  trace: null,
  seq: 0,
  seen: 0,
  show: (trace) => set((s) => ({ trace, seq: s.seq + 1 })),
  markSeen: () => set((s) => (s.seen === s.seq ? s : { seen: s.seq })),
  dismiss: () => set((s) => ({ trace: null, seen: s.seq })),
}));

export function showTrace(trace: TrafficTrace): void {
  traffic.getState().show(trace);
}

export function useTraffic<T>(selector: (s: TrafficState) => T): T {
  return useStore(traffic, selector);
}
