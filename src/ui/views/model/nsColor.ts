/**
 * Stable colours per namespace. A namespace's colour must not change when others come
 * and go, so it is derived from the name alone (hash → palette slot), not from the order
 * in which namespaces appear.
 */
export const NAMESPACE_PALETTE = [
  '#3b82f6', // blue
  '#10b981', // emerald
  '#f59e0b', // amber
  '#8b5cf6', // violet
  '#ec4899', // pink
  '#14b8a6', // teal
  '#f97316', // orange
  '#6366f1', // indigo
  '#84cc16', // lime
  '#06b6d4', // cyan
  '#e11d48', // rose
  '#a855f7', // purple
] as const;

export const SYSTEM_NAMESPACE_COLOR = '#94a3b8';

/** Namespaces kubeadm (and the CNI install) create for the cluster itself; `default` is the learner's, so it is not greyed. */
export function isSystemNamespace(ns: string): boolean {
  // kube-flannel: Flannel's own namespace, installed with the cluster's CNI (src/sim/components).
  return ns === 'kube-system' || ns === 'kube-public' || ns === 'kube-node-lease' || ns === 'kube-flannel';
}

/** FNV-1a: tiny, stable across runs and platforms. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function namespaceColor(ns: string): string {
  if (isSystemNamespace(ns)) return SYSTEM_NAMESPACE_COLOR;
  // `default` is the namespace every first lesson uses: give it the first, calmest colour.
  if (ns === 'default') return NAMESPACE_PALETTE[0];
  const slot = 1 + (hashString(ns) % (NAMESPACE_PALETTE.length - 1));
  return NAMESPACE_PALETTE[slot] as string;
}
