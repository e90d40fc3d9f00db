import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../objects';
import { keyOf, splitKey } from '../objects';
import type { Store } from '../store/store';

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

/**
 * Pods by controller uid, and pods without a controller by namespace, kept in step with the
 * store's change feed: a ReplicaSet of 25 looks at its 25 pods (and the few orphans), not at
 * every pod in the namespace. One index per store; rebuilt when the store moved unseen.
 */
class PodOwnerIndex {
  private byOwner = new Map<string, Set<string>>();
  private orphans = new Map<string, Set<string>>();
  private ownerOf = new Map<string, string>();
  private revision = -1;

  constructor(private readonly store: Store) {
    store.subscribe((ev) => {
      if (this.revision < 0) return;
      if (this.revision !== ev.resourceVersion - 1) {
        this.revision = -1;
        return;
      }
      this.revision = ev.resourceVersion;
      if (ev.resource !== 'pods') return;
      const key = keyOf(ev.object);
      this.remove(key);
      if (ev.type !== 'DELETED') this.add(ev.object);
    });
  }

  private add(pod: KubeObject): void {
    const key = keyOf(pod);
    const uid = controllerRefOf(pod)?.uid ?? '';
    this.ownerOf.set(key, uid);
    const map = uid ? this.byOwner : this.orphans;
    const at = uid || (pod.metadata.namespace ?? '');
    let set = map.get(at);
    if (!set) map.set(at, (set = new Set()));
    set.add(key);
  }

  private remove(key: string): void {
    const uid = this.ownerOf.get(key);
    if (uid === undefined) return;
    this.ownerOf.delete(key);
    if (uid) this.byOwner.get(uid)?.delete(key);
    else for (const set of this.orphans.values()) set.delete(key);
  }

  private fresh(): void {
    if (this.revision === this.store.resourceVersion) return;
    this.byOwner = new Map();
    this.orphans = new Map();
    this.ownerOf = new Map();
    for (const p of this.store.list('pods')) this.add(p);
    this.revision = this.store.resourceVersion;
  }

  /** Pods controlled by `uid` plus the namespace's orphans, sorted by name so order never depends on history. */
  candidates(namespace: string, uid: string): PodObject[] {
    this.fresh();
    const out: PodObject[] = [];
    for (const set of [this.byOwner.get(uid), this.orphans.get(namespace)]) {
      for (const key of set ?? []) {
        const { name } = splitKey(key);
        const pod = this.store.get<PodObject>('pods', namespace, name);
        if (pod) out.push(pod);
      }
    }
    return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  }
}

const indexes = new WeakMap<Store, PodOwnerIndex>();

export function podIndex(store: Store): PodOwnerIndex {
  let i = indexes.get(store);
  if (!i) indexes.set(store, (i = new PodOwnerIndex(store)));
  return i;
}
