import { ui } from '../state/ui';

/** Where the console's command history survives a reload, bounded like bash's HISTSIZE. */
export const HISTORY_KEY = 'kube-orchestra.console-history';
export const HISTORY_KEEP = 200;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** Restores the saved history into the UI store once, then saves it whenever it grows. */
export function persistHistory(): () => void {
  const store = storage();
  if (!store) return () => undefined;
  try {
    const saved: unknown = JSON.parse(store.getItem(HISTORY_KEY) ?? '[]');
    if (Array.isArray(saved) && ui.getState().history.length === 0) {
      ui.setState({ history: saved.filter((x): x is string => typeof x === 'string').slice(-HISTORY_KEEP) });
    }
  } catch {
    // A damaged entry is a fresh history, never a broken console.
  }
  return ui.subscribe((s, prev) => {
    if (s.history === prev.history) return;
    try {
      store.setItem(HISTORY_KEY, JSON.stringify(s.history.slice(-HISTORY_KEEP)));
    } catch {
      // Storage full or denied: history still works for this session.
    }
  });
}

/**
 * Ctrl+R: the newest entry at or before `from` containing `query`, as bash's
 * reverse-i-search finds it; -1 when none does.
 */
export function reverseSearch(history: readonly string[], query: string, from: number): number {
  for (let i = Math.min(from, history.length - 1); i >= 0; i--) if ((history[i] as string).includes(query)) return i;
  return -1;
}
