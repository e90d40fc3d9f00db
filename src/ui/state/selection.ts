import type { ObjectRef } from '../../sim/objects';
import type { Selection } from './slices';
import { ui, useUi } from './ui';

export type { Selection };

/** The selected object (what the details panel shows), or null. */
export function useSelection(): Selection {
  return useUi((s) => s.selection);
}

export function selectObject(ref: ObjectRef | null): void {
  ui.getState().select(ref ? { ...ref } : null);
}

export function getSelection(): Selection {
  return ui.getState().selection;
}

/** For D3 views: called on every selection change without a React render. */
export function subscribeSelection(listener: (sel: Selection) => void): () => void {
  return ui.subscribe((s, prev) => {
    if (s.selection !== prev.selection) listener(s.selection);
  });
}
