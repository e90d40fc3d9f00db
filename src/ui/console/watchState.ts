import { createStore } from 'zustand/vanilla';
import type { WatchSpec } from '../../sim/kubectl/watch';
import { ui } from '../state/ui';

/**
 * The console's running `get -w`, if any (one at a time, as in one terminal). Kept apart from
 * `watch.ts` so the prompt can stop a watch without loading the printers.
 */
export const consoleWatch = createStore<{ active: WatchSpec | null }>(() => ({ active: null }));

let unsubscribe: (() => void) | null = null;

export function setWatch(spec: WatchSpec, stop: () => void): void {
  stopWatch(false);
  unsubscribe = stop;
  consoleWatch.setState({ active: spec });
}

/** Ctrl+C, or the next command: the watch ends (`^C` is echoed as a terminal would). */
export function stopWatch(echo = true): void {
  if (!unsubscribe) return;
  unsubscribe();
  unsubscribe = null;
  consoleWatch.setState({ active: null });
  if (echo) ui.getState().print('stdout', '^C');
}
