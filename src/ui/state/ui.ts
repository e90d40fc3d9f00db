import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { UiState } from './slices';
import { consoleSlice, playbackSlice, preferencesSlice, selectionSlice } from './slices';
import { loadPreferences, savePreferences } from './preferences';

/** Everything the UI itself owns (the cluster lives in `mirror`). */
export const ui = createStore<UiState>()((...a) => ({
  ...playbackSlice(...a),
  ...selectionSlice(...a),
  ...consoleSlice(...a),
  ...preferencesSlice(loadPreferences())(...a),
}));

ui.subscribe((s, prev) => {
  if (s.language !== prev.language || s.theme !== prev.theme || s.collapsed !== prev.collapsed || s.sizes !== prev.sizes) savePreferences(s);
});

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(ui, selector);
}
