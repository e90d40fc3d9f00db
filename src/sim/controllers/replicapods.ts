import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../objects';

export type PodObject = Pod & KubeObject;

export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

/** FilterActivePods: not finished and not already being deleted. */
export function isActive(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function readySince(pod: PodObject): number | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  if (c?.status !== 'True') return undefined;
  return c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
}

export function isReady(pod: PodObject): boolean {
  return readySince(pod) !== undefined;
}

/** IsPodAvailable: Ready for at least minReadySeconds. */
export function isAvailable(pod: PodObject, minReadySeconds: number, now: number): boolean {
  const since = readySince(pod);
  if (since === undefined) return false;
  return minReadySeconds === 0 || since + minReadySeconds * 1000 <= now;
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function restarts(pod: PodObject): number {
  return (pod.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

/**
 * The order ReplicaSets delete pods in when scaling down (controller.ActivePodsWithRanks):
 * unscheduled before scheduled, Pending before Running, not ready before ready, pods
 * doubled up on a node before lone ones, ready for less time, more restarts, then newer.
 * Returns the pods sorted most-deletable first.
 */
export function rankForDeletion(pods: PodObject[], related: PodObject[]): PodObject[] {
  const perNode = new Map<string, number>();
  for (const p of related) {
    const n = p.spec?.nodeName;
    if (n && isActive(p)) perNode.set(n, (perNode.get(n) ?? 0) + 1);
  }
  const cmp = (a: PodObject, b: PodObject): number => {
    const an = a.spec?.nodeName ?? '';
    const bn = b.spec?.nodeName ?? '';
    if (!an !== !bn) return an ? 1 : -1;
    const ap = PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0;
    const bp = PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0;
    if (ap !== bp) return ap - bp;
    if (isReady(a) !== isReady(b)) return isReady(a) ? 1 : -1;
    const ar = an ? (perNode.get(an) ?? 0) : 0;
    const br = bn ? (perNode.get(bn) ?? 0) : 0;
    if (ar !== br) return br - ar;
    const as = readySince(a);
    const bs = readySince(b);
    if (as !== undefined && bs !== undefined && as !== bs) return bs - as;
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    const ac = a.metadata.creationTimestamp ?? '';
    const bc = b.metadata.creationTimestamp ?? '';
    if (ac !== bc) return ac < bc ? 1 : -1;
    return a.metadata.name < b.metadata.name ? 1 : -1;
  };
  return [...pods].sort(cmp);
}
