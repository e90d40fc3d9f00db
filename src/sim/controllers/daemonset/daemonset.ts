import type { DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import type { WatchEvent } from '../../store/store';
import { jsonEqual, keyOf, splitKey } from '../../objects';
import { templateHash } from '../statefulset/revision';
import { controllerOwnerKeys } from '../ownerWatch';
import { isAvailable, isFailedOrSucceeded, isRunningAndReady, isTerminating } from '../statefulset/pods';
import { TEMPLATE_GENERATION_ANNOTATION } from '../../api/kinds/daemonset';
import type { DaemonSetObject, NodeObject, PodObject } from './pods';
import { REVISION_LABEL, newDaemonPod, nodeShouldRunDaemonPod, targetNode } from './pods';

export const DAEMONSET_CONTROLLER = 'daemonset-controller';
const SOURCE = { component: DAEMONSET_CONTROLLER };

/** maxUnavailable as a count of desired pods (an int, or a percentage rounded up; at least 1 when 0 surge). */
function maxUnavailable(ds: DaemonSetObject, desired: number): number {
  const v = ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1;
  const n = typeof v === 'number' ? v : Math.ceil((parseInt(v, 10) / 100) * desired);
  return Math.max(1, n);
}

interface NodePlan {
  node: NodeObject;
  shouldRun: boolean;
  shouldContinueRunning: boolean;
  pods: PodObject[];
}

class Sync {
  writes = 0;
  constructor(
    readonly ctx: ReconcileContext,
    readonly ds: DaemonSetObject,
    readonly hash: string,
  ) {}

  get key(): string {
    return keyOf(this.ds);
  }

  create(node: string): void {
    const gen = this.ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? String(this.ds.metadata.generation ?? 1);
    const res = this.ctx.client.create(newDaemonPod(this.ds, node, this.hash, gen), {
      reason: `DaemonSet ${this.key} runs one pod on every eligible node and ${node} has none, so it creates one pinned to ${node}`,
      code: 'record.daemonset.createPod',
      params: { daemonset: this.key, node },
    });
    this.writes++;
    if (res.ok) this.ctx.events.record(this.ds, 'Normal', 'SuccessfulCreate', `Created pod: ${res.object.metadata.name}`, SOURCE);
    else this.ctx.events.record(this.ds, 'Warning', 'FailedCreate', `Error creating: ${res.status.message}`, SOURCE);
  }

  delete(pod: PodObject, why: 'misscheduled' | 'failed' | 'extra' | 'update'): void {
    const node = targetNode(pod) ?? '';
    const reasons = {
      misscheduled: `Node ${node} is no longer eligible for DaemonSet ${this.key} (selector, affinity or taints), so its pod ${pod.metadata.name} is deleted`,
      failed: `Pod ${pod.metadata.name} of DaemonSet ${this.key} on ${node} has failed, so it is deleted to be created again`,
      extra: `Node ${node} has more than one pod of DaemonSet ${this.key}, so the extra ${pod.metadata.name} is deleted`,
      update: `DaemonSet ${this.key} rolls its pods to template ${this.hash} one node at a time, so ${pod.metadata.name} on ${node} is deleted`,
    };
    const res = this.ctx.client.delete(pod, {
      reason: reasons[why],
      code: `record.daemonset.delete${why[0]?.toUpperCase()}${why.slice(1)}`,
      params: { daemonset: this.key, pod: pod.metadata.name, node, revision: this.hash },
    });
    this.writes++;
    if (res.ok) this.ctx.events.record(this.ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
  }
}

function plan(ctx: ReconcileContext, ds: DaemonSetObject): NodePlan[] {
  const uid = ds.metadata.uid;
  const byNode = new Map<string, PodObject[]>();
  for (const p of ctx.store.list<PodObject>('pods', { namespace: ds.metadata.namespace })) {
    if (!p.metadata.ownerReferences?.some((r) => r.controller && r.uid === uid)) continue;
    const n = targetNode(p);
    if (!n) continue;
    let list = byNode.get(n);
    if (!list) byNode.set(n, (list = []));
    list.push(p);
  }
  return ctx.store
    .list<NodeObject>('nodes')
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
    .map((node) => ({ node, ...nodeShouldRunDaemonPod(node, ds), pods: byNode.get(node.metadata.name) ?? [] }));
}

/** manage(): a pod where one should run, none where none should, failed pods replaced, extras removed. */
function manage(s: Sync, plans: NodePlan[]): void {
  for (const p of plans) {
    const live = p.pods.filter((x) => !isTerminating(x));
    if (p.shouldRun || p.shouldContinueRunning) {
      const failed = live.filter(isFailedOrSucceeded);
      for (const f of failed) s.delete(f, 'failed');
      const healthy = live.filter((x) => !isFailedOrSucceeded(x));
      if (!healthy.length && p.shouldRun && !failed.length && !p.pods.some(isTerminating)) s.create(p.node.metadata.name);
      // Keep the oldest; kube deletes the rest.
      const sorted = [...healthy].sort((a, b) => ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? -1 : 1));
      for (const extra of sorted.slice(1)) s.delete(extra, 'extra');
    } else for (const x of live) s.delete(x, 'misscheduled');
  }
}

/** RollingUpdate with maxSurge 0: delete old pods, unavailable ones first, keeping within maxUnavailable. */
function rollingUpdate(s: Sync, plans: NodePlan[], nowMillis: number): void {
  const desired = plans.filter((p) => p.shouldRun);
  const minReady = s.ds.spec?.minReadySeconds ?? 0;
  let unavailable = 0;
  const oldAvailable: PodObject[] = [];
  const oldUnavailable: PodObject[] = [];
  for (const p of desired) {
    const pod = p.pods.find((x) => !isFailedOrSucceeded(x));
    if (!pod || isTerminating(pod) || !isAvailable(pod, minReady, nowMillis)) unavailable++;
    if (!pod || isTerminating(pod) || pod.metadata.labels?.[REVISION_LABEL] === s.hash) continue;
    (isAvailable(pod, minReady, nowMillis) ? oldAvailable : oldUnavailable).push(pod);
  }
  for (const pod of oldUnavailable) s.delete(pod, 'update');
  let budget = maxUnavailable(s.ds, desired.length) - unavailable;
  for (const pod of oldAvailable) {
    if (budget <= 0) break;
    s.delete(pod, 'update');
    budget--;
  }
}

function computeStatus(ds: DaemonSetObject, plans: NodePlan[], hash: string, nowMillis: number): DaemonSetStatus {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  for (const p of plans) {
    const live = p.pods.filter((x) => !isTerminating(x));
    if (p.shouldRun) desired++;
    if (!live.length) continue;
    if (!p.shouldRun) {
      misscheduled++;
      continue;
    }
    current++;
    const pod = live[0] as PodObject;
    if (isRunningAndReady(pod)) {
      ready++;
      if (isAvailable(pod, minReady, nowMillis)) available++;
    }
    if (pod.metadata.labels?.[REVISION_LABEL] === hash) updated++;
  }
  return {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
  };
}

function reconcile(ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(ctx.key);
  const ds = ctx.store.get<DaemonSetObject>('daemonsets.apps', namespace, name);
  if (!ds || ds.metadata.deletionTimestamp) return;
  const hash = templateHash(ds.spec?.template);
  const s = new Sync(ctx, ds, hash);
  manage(s, plan(ctx, ds));
  // Roll only once placement is settled, as kube does after manage() made no change.
  if (!s.writes && ds.spec?.updateStrategy?.type !== 'OnDelete') rollingUpdate(s, plan(ctx, ds), ctx.clock.nowMillis());
  const status = computeStatus(ds, plan(ctx, ds), hash, ctx.clock.nowMillis());
  const fresh = ctx.store.get<DaemonSetObject>('daemonsets.apps', namespace, name) ?? ds;
  // storeDaemonSetStatus: nothing to write when the status already says this.
  if (!jsonEqual(fresh.status, status))
    ctx.client.updateStatus(
      { ...fresh, status },
      {
        reason: `DaemonSet ${ctx.key}: ${status.numberReady} of ${status.desiredNumberScheduled} eligible nodes have a ready pod`,
        code: 'record.daemonset.status',
        params: { daemonset: ctx.key, ready: status.numberReady, desired: status.desiredNumberScheduled },
      },
    );
  const minReady = ds.spec?.minReadySeconds ?? 0;
  if (minReady > 0 && status.numberReady > (status.numberAvailable ?? 0)) return { requeueAfterTicks: ctx.clock.ticksFor(minReady) };
}

/** A node joining, leaving, or changing labels, taints or cordon can change where daemons belong. */
function mapNode(ev: WatchEvent, store: ReconcileContext['store']): string[] {
  if (ev.type === 'MODIFIED' && ev.oldObject) {
    const shape = (o: typeof ev.object) => JSON.stringify([o.metadata.labels, o.spec]);
    if (shape(ev.oldObject) === shape(ev.object)) return [];
  }
  return store.list('daemonsets.apps').map(keyOf);
}

/** kube-controller-manager's DaemonSet controller. */
export function createDaemonSetController(): Controller {
  return {
    name: DAEMONSET_CONTROLLER,
    watches: [{ resource: 'daemonsets.apps' }, { resource: 'pods', map: controllerOwnerKeys('DaemonSet', 'apps') }, { resource: 'nodes', map: mapNode }],
    reconcile,
  };
}
