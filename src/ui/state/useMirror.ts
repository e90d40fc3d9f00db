import { useStore } from 'zustand';
import type { MirrorState } from './mirror';
import { mirror } from './mirror';

/** React access to the cluster mirror (D3 views should subscribe to `mirror` directly). */
export function useMirror<T>(selector: (s: MirrorState) => T): T {
  return useStore(mirror, selector);
}
