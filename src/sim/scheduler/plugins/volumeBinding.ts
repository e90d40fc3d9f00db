import type { NodeSelector } from 'kubernetes-types/core/v1';
import type { Store } from '../../store/store';
import type { ReconcileContext } from '../../controllers/types';
import type { FilterPlugin, PodInfo, PodObject } from '../types';
import type { PVCObject, PVObject, StorageClassObject } from '../../controllers/volume/storage';
import { ANN_SELECTED_NODE, NO_PROVISIONER, claimClass } from '../../controllers/volume/storage';
import { candidateVolumes, volumeFitsNode } from '../../controllers/volume/matching';

export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const ERR_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

type Affinity = { required?: NodeSelector } | undefined;

/** One PersistentVolumeClaim of a pod, as VolumeBinding's PreFilter reads it. */
export interface ClaimInfo {
  name: string;
  found: boolean;
  bound: boolean;
  deleting?: boolean;
  /** Unbound, and its class (or no class) binds Immediately: only the PV controller can help. */
  immediate?: boolean;
  /** Bound: the volume's node affinity; `missing` when the volume is gone. */
  volume?: { affinity: Affinity; missing?: boolean };
  /** Unbound, WaitForFirstConsumer: what could serve it on a node. */
  delayed?: { candidates: Affinity[]; provisionable: boolean; selectedNode?: string };
}

/** The pod's claims as VolumeBinding sees them (read once per scheduling attempt). */
export function claimsOf(pod: PodObject, store: Store): ClaimInfo[] {
  const out: ClaimInfo[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName;
    if (!name) continue;
    const pvc = store.get<PVCObject>('persistentvolumeclaims', pod.metadata.namespace, name);
    if (!pvc) {
      out.push({ name, found: false, bound: false });
      continue;
    }
    const info: ClaimInfo = { name, found: true, bound: pvc.status?.phase === 'Bound', deleting: !!pvc.metadata.deletionTimestamp };
    if (info.bound) {
      const pv = store.get<PVObject>('persistentvolumes', undefined, pvc.spec?.volumeName ?? '');
      info.volume = { affinity: pv?.spec?.nodeAffinity, missing: !pv };
    } else {
      const className = claimClass(pvc) ?? '';
      const sc = className ? store.get<StorageClassObject>('storageclasses.storage.k8s.io', undefined, className) : undefined;
      if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') info.immediate = true;
      else
        info.delayed = {
          candidates: candidateVolumes(store, pvc).map((pv) => pv.spec?.nodeAffinity),
          provisionable: sc.provisioner !== NO_PROVISIONER,
          selectedNode: pvc.metadata.annotations?.[ANN_SELECTED_NODE],
        };
    }
    out.push(info);
  }
  return out;
}

/**
 * VolumeBinding. PreFilter: a claim that is missing or being deleted, or an unbound claim of
 * an Immediate class, keeps the pod off every node. Filter: a bound volume's node affinity
 * must admit the node (local and node-bound volumes); an unbound WaitForFirstConsumer claim
 * needs an Available volume reachable from the node, or a class that can provision one.
 */
export const VolumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  preFilter(pod) {
    const missing = pod.claims.find((c) => !c.found);
    if (missing) return { reasons: [`persistentvolumeclaim "${missing.name}" not found`], unresolvable: true };
    const deleting = pod.claims.find((c) => c.deleting);
    if (deleting) return { reasons: [`persistentvolumeclaim "${deleting.name}" is being deleted`], unresolvable: true };
    if (pod.claims.some((c) => c.immediate)) return { reasons: [ERR_UNBOUND_IMMEDIATE], unresolvable: true };
    return undefined;
  },
  skip: (pod) => pod.claims.every((c) => c.bound && !c.volume?.missing && !c.volume?.affinity),
  filter(pod, node) {
    for (const c of pod.claims) {
      if (c.volume?.missing) return { reasons: [ERR_PV_NOT_EXIST], unresolvable: true };
      if (c.volume && !volumeFitsNode(c.volume.affinity, node.node)) return { reasons: [ERR_NODE_CONFLICT], unresolvable: true };
      const d = c.delayed;
      if (!d) continue;
      // Once the scheduler has chosen a node for the claim, the claim waits for that node.
      if (d.selectedNode && d.selectedNode !== node.name) return { reasons: [ERR_NODE_CONFLICT], unresolvable: true };
      if (!d.provisionable && !d.candidates.some((a) => volumeFitsNode(a, node.node))) return { reasons: [ERR_BIND_CONFLICT], unresolvable: true };
    }
    return undefined;
  },
};

/**
 * PreBind: an unbound WaitForFirstConsumer claim is told the chosen node
 * (volume.kubernetes.io/selected-node) so the PV controller binds a volume there or the
 * provisioner creates one there. True while any claim is still unbound: the pod then waits
 * and binds on a later attempt, once its claims are Bound.
 */
export function preBindVolumes(ctx: ReconcileContext, pod: PodInfo, node: string): boolean {
  let waiting = false;
  for (const c of pod.claims) {
    if (!c.delayed) continue;
    waiting = true;
    if (c.delayed.selectedNode === node) continue;
    const pvc = ctx.store.get<PVCObject>('persistentvolumeclaims', pod.pod.metadata.namespace, c.name);
    if (!pvc) continue;
    ctx.client.update(
      { ...pvc, metadata: { ...pvc.metadata, annotations: { ...pvc.metadata.annotations, [ANN_SELECTED_NODE]: node } } },
      {
        reason: `Pod ${pod.key} fits node ${node}, so the scheduler marks its WaitForFirstConsumer claim ${c.name} with that node before binding the pod`,
        code: 'record.scheduler.selectedNode',
        params: { pod: pod.key, claim: c.name, node },
      },
    );
  }
  return waiting;
}
