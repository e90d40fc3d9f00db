import type { ReplicaSet, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelectorLike } from '../store/labels';
import { matchesSelector } from '../store/labels';
import type { Controller, ReconcileContext, ReconcileResult } from './types';
import type { KubeObject } from '../objects';
import { clone, keyOf, ownerRefTo, splitKey } from '../objects';
import type { Store, WatchEvent } from '../store/store';
import type { PodObject } from './replicapods';
import { controllerRefOf, isActive, isAvailable, isReady, podIndex, rankForDeletion } from './replicapods';

/** What differs between a ReplicaSet and a ReplicationController: where they live and how they select. */
export interface ReplicaKind {
  /** Controller name, also the Events' source component (as kube-controller-manager names them). */
  name: string;
  kind: 'ReplicaSet' | 'ReplicationController';
  apiVersion: string;
  resource: string;
}

export const REPLICASET: ReplicaKind = { name: 'replicaset-controller', kind: 'ReplicaSet', apiVersion: 'apps/v1', resource: 'replicasets.apps' };

interface ReplicaSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector?: LabelSelectorLike;
  template?: PodTemplateSpec;
}

type Owner = KubeObject & { spec?: ReplicaSpec; status?: ReplicaSetStatus };

/** Pods created in one sync at most (kube's burstReplicas). */
const BURST_REPLICAS = 500;

function selectorOf(o: Owner): LabelSelectorLike | undefined {
  const sel = o.spec?.selector;
  if (!sel || !Object.keys(sel).length) return undefined;
  return sel;
}

/** Who should hear about a pod change: its controller, or for an orphan every owner that selects it. */
function podKeys(k: ReplicaKind, ev: WatchEvent, store: Store): string[] {
  const pod = ev.object;
  const ns = pod.metadata.namespace;
  const ref = controllerRefOf(pod);
  const keys = new Set<string>();
  if (ref) {
    if (ref.kind === k.kind) keys.add(`${ns}/${ref.name}`);
  } else if (ev.type !== 'DELETED') {
    for (const o of store.list<Owner>(k.resource, { namespace: ns })) {
      const sel = selectorOf(o);
      if (sel && matchesSelector(sel, pod.metadata.labels)) keys.add(keyOf(o));
    }
  }
  const oldRef = ev.oldObject && controllerRefOf(ev.oldObject);
  if (oldRef && oldRef.kind === k.kind && oldRef.name !== ref?.name) keys.add(`${ns}/${oldRef.name}`);
  return [...keys];
}

function why(k: ReplicaKind, what: string, reason: string, params: Record<string, string | number>) {
  return { reason, code: `record.replicaset.${what}`, params: { kind: k.kind, ...params } };
}

/**
 * ClaimPods: adopt orphans that match the selector, release owned pods that no longer
 * match. Returns the pods this owner controls afterwards.
 */
function claimPods(ctx: ReconcileContext, k: ReplicaKind, owner: Owner, selector: LabelSelectorLike, pods: PodObject[]): PodObject[] {
  const owned: PodObject[] = [];
  const name = owner.metadata.name;
  for (const pod of pods) {
    const ref = controllerRefOf(pod);
    if (ref && ref.uid !== owner.metadata.uid) continue;
    const matches = matchesSelector(selector, pod.metadata.labels);
    if (ref) {
      if (matches) owned.push(pod);
      else if (!pod.metadata.deletionTimestamp) {
        const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
        ctx.client.update(
          { ...pod, metadata: { ...pod.metadata, ownerReferences: refs } },
          why(k, 'releasePod', `Pod ${pod.metadata.name} no longer matches ${k.kind} ${name}'s selector, so the ${k.kind} releases it`, { owner: name, pod: pod.metadata.name }),
        );
      }
      continue;
    }
    if (!matches || pod.metadata.deletionTimestamp || owner.metadata.deletionTimestamp || !isActive(pod)) continue;
    const res = ctx.client.update(
      { ...pod, metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata.ownerReferences ?? []), ownerRefTo(owner)] } },
      why(k, 'adoptPod', `Pod ${pod.metadata.name} has no controller and matches ${k.kind} ${name}'s selector, so the ${k.kind} adopts it`, { owner: name, pod: pod.metadata.name }),
    );
    if (res.ok) owned.push(res.object as PodObject);
  }
  return owned;
}

function newPod(ctx: ReconcileContext, owner: Owner): PodObject {
  const ns = owner.metadata.namespace ?? 'default';
  let name = `${owner.metadata.name}-${ctx.random.nameSuffix()}`;
  while (ctx.store.get('pods', ns, name)) name = `${owner.metadata.name}-${ctx.random.nameSuffix()}`;
  const t = clone(owner.spec?.template ?? {});
  const meta: PodObject['metadata'] = { name, namespace: ns, ownerReferences: [ownerRefTo(owner)] };
  if (t.metadata?.labels) meta.labels = { ...t.metadata.labels };
  if (t.metadata?.annotations) meta.annotations = { ...t.metadata.annotations };
  if (t.metadata?.finalizers) meta.finalizers = [...t.metadata.finalizers];
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: t.spec as PodObject['spec'] };
}

function manageReplicas(ctx: ReconcileContext, k: ReplicaKind, owner: Owner, active: PodObject[], related: PodObject[]): void {
  const want = owner.spec?.replicas ?? 1;
  const have = active.length;
  const name = owner.metadata.name;
  if (have < want) {
    for (let i = 0; i < Math.min(want - have, BURST_REPLICAS); i++) {
      const pod = newPod(ctx, owner);
      const res = ctx.client.create(
        pod,
        why(k, 'createPod', `${k.kind} ${name} wants ${want} pods and has ${have + i}, so it creates pod ${pod.metadata.name}`, { owner: name, want, have: have + i, pod: pod.metadata.name }),
      );
      if (res.ok) ctx.events.record(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${res.object.metadata.name}`, { component: k.name });
      else {
        ctx.events.record(owner, 'Warning', 'FailedCreate', `Error creating: ${res.status.message}`, { component: k.name });
        return;
      }
    }
  } else if (have > want) {
    const victims = rankForDeletion(active, related).slice(0, have - want);
    victims.forEach((pod, i) => {
      const res = ctx.client.delete(
        pod,
        why(k, 'deletePod', `${k.kind} ${name} wants ${want} pods and has ${have - i}, so it deletes pod ${pod.metadata.name}, the first in its deletion order`, { owner: name, want, have: have - i, pod: pod.metadata.name }),
      );
      if (res.ok) ctx.events.record(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, { component: k.name });
    });
  }
}

/** calculateStatus: counts from the pods seen at the start of the sync, as kube does. */
export function replicaStatus(owner: Owner, active: PodObject[], now: number): ReplicaSetStatus {
  const templateLabels = (owner.spec?.template?.metadata?.labels ?? {}) as Record<string, string>;
  const minReady = owner.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of active) {
    if (matchesSelector(templateLabels, p.metadata.labels)) fullyLabeled++;
    if (isReady(p)) ready++;
    if (isAvailable(p, minReady, now)) available++;
  }
  // Zero counts are omitted, as the API's omitempty does.
  const s: { -readonly [K in keyof ReplicaSetStatus]: ReplicaSetStatus[K] } = { replicas: active.length };
  if (fullyLabeled) s.fullyLabeledReplicas = fullyLabeled;
  if (ready) s.readyReplicas = ready;
  if (available) s.availableReplicas = available;
  if (owner.metadata.generation !== undefined) s.observedGeneration = owner.metadata.generation;
  if (owner.status?.conditions?.length) s.conditions = owner.status.conditions;
  return s;
}

/** Ticks until the next ready pod has been ready for minReadySeconds, if one is waiting. */
function untilAvailable(ctx: ReconcileContext, owner: Owner, active: PodObject[]): number | undefined {
  const minReady = owner.spec?.minReadySeconds ?? 0;
  if (!minReady) return undefined;
  const now = ctx.clock.nowMillis();
  let soonest: number | undefined;
  for (const p of active) {
    if (!isReady(p) || isAvailable(p, minReady, now)) continue;
    const since = p.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
    const due = (since ? Date.parse(since) : now) + minReady * 1000;
    if (soonest === undefined || due < soonest) soonest = due;
  }
  return soonest === undefined ? undefined : Math.max(1, Math.ceil((soonest - now) / ctx.clock.tickMillis));
}

export function syncReplicas(ctx: ReconcileContext, k: ReplicaKind): ReconcileResult | void {
  const { namespace, name } = splitKey(ctx.key);
  const owner = ctx.store.get<Owner>(k.resource, namespace, name);
  if (!owner) return;
  const selector = selectorOf(owner);
  if (!selector) return;
  const candidates = podIndex(ctx.store).candidates(namespace ?? 'default', owner.metadata.uid ?? '');
  const claimed = claimPods(ctx, k, owner, selector, candidates);
  const active = claimed.filter(isActive);
  if (!owner.metadata.deletionTimestamp) manageReplicas(ctx, k, owner, active, active);
  const status = replicaStatus(owner, active, ctx.clock.nowMillis());
  const s = status;
  ctx.client.updateStatus(
    { ...owner, status },
    why(k, 'status', `${k.kind} ${name} reports ${s.replicas} pods, ${s.readyReplicas ?? 0} ready and ${s.availableReplicas ?? 0} available`, {
      owner: name,
      replicas: s.replicas,
      ready: s.readyReplicas ?? 0,
      available: s.availableReplicas ?? 0,
    }),
  );
  const wait = untilAvailable(ctx, owner, active);
  return wait === undefined ? undefined : { requeueAfterTicks: wait };
}

/** The pod-management loop shared by ReplicaSet and ReplicationController controllers. */
export function createReplicaManager(k: ReplicaKind): Controller {
  return {
    name: k.name,
    watches: [{ resource: k.resource }, { resource: 'pods', map: (ev, store) => podKeys(k, ev, store) }],
    reconcile: (ctx) => syncReplicas(ctx, k),
  };
}

/** kube-controller-manager's ReplicaSet controller: keeps spec.replicas pods matching the selector. */
export function createReplicaSetController(): Controller {
  return createReplicaManager(REPLICASET);
}

export type ReplicaSetObject = ReplicaSet & KubeObject;
