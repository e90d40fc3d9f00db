import type { NodeSelector } from 'kubernetes-types/core/v1';
import type { Store } from '../../store/store';
import { matchesSelector } from '../../store/labels';
import { matchesTerm } from '../../scheduler/plugins/nodeAffinity';
import type { NodeInfo, NodeObject } from '../../scheduler/types';
import type { PVCObject, PVObject } from './storage';
import { capacityBytes, claimClass, requestedBytes, volumeClass } from './storage';

/** A PersistentVolume's required node affinity against a node (no affinity: any node). */
export function volumeFitsNode(affinity: { required?: NodeSelector } | undefined, node: { metadata: { name: string; labels?: Record<string, string> } }): boolean {
  const terms = affinity?.required?.nodeSelectorTerms;
  if (!terms?.length) return true;
  const info = { name: node.metadata.name, labels: node.metadata.labels ?? {} } as NodeInfo;
  return terms.some((t) => matchesTerm(t, info));
}

/** True when the volume names this claim in claimRef (uid too, when claimRef has one). */
export function isBoundTo(pv: PVObject, pvc: PVCObject): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref || ref.name !== pvc.metadata.name || (ref.namespace ?? '') !== (pvc.metadata.namespace ?? '')) return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

/** Why a volume does not fit a claim, or undefined when it does (checkVolumeSatisfyClaim). */
export function mismatch(pv: PVObject, pvc: PVCObject): string | undefined {
  if (capacityBytes(pv) < requestedBytes(pvc)) return 'requested PV is too small';
  if ((claimClass(pvc) ?? '') !== volumeClass(pv)) return 'storageClassName does not match';
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (pvc.spec?.volumeMode ?? 'Filesystem')) return 'incompatible volumeMode';
  const have = pv.spec?.accessModes ?? [];
  if (!(pvc.spec?.accessModes ?? []).every((m) => have.includes(m))) return 'incompatible accessMode';
  return undefined;
}

/**
 * findMatchingVolume: a volume already pre-bound to the claim wins; otherwise the smallest
 * Available volume of the claim's class that is big enough, offers every requested access
 * mode, has the same volumeMode, matches the claim's selector and (when a node is known)
 * can be reached from that node.
 */
export function findMatchingVolume(store: Store, pvc: PVCObject, node?: NodeObject): PVObject | undefined {
  return candidateVolumes(store, pvc, node)[0];
}

/** Every volume findMatchingVolume could choose, best first (the scheduler checks each against a node). */
export function candidateVolumes(store: Store, pvc: PVCObject, node?: NodeObject): PVObject[] {
  const out: PVObject[] = [];
  for (const pv of store.list<PVObject>('persistentvolumes')) {
    if (pv.metadata.deletionTimestamp) continue;
    const ref = pv.spec?.claimRef;
    if (ref) {
      if (isBoundTo(pv, pvc) && (pv.status?.phase === 'Available' || pv.status?.phase === 'Pending' || pv.status?.phase === 'Bound')) {
        if (!node || volumeFitsNode(pv.spec?.nodeAffinity, node)) return [pv];
      }
      continue;
    }
    if (pv.status?.phase !== 'Available') continue;
    if (mismatch(pv, pvc)) continue;
    const sel = pvc.spec?.selector;
    if (sel && !matchesSelector(sel, pv.metadata.labels)) continue;
    if (node && !volumeFitsNode(pv.spec?.nodeAffinity, node)) continue;
    out.push(pv);
  }
  return out.sort((a, b) => capacityBytes(a) - capacityBytes(b) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}
