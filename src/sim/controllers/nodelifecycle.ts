import type { NodeCondition, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext, ReconcileResult } from './types';
import { keyOf, splitKey } from '../objects';
import type { NodeObject, PodObject } from '../scheduler/types';
import { KUBELET_STOPPED_ANNOTATION, kubeletStopped, nodeReady } from '../kubelet/node';

/**
 * kube-controller-manager's node lifecycle controller and its taint-based eviction:
 * a node whose kubelet stopped posting status turns Ready=Unknown after the grace period
 * and is tainted unreachable (NoSchedule + NoExecute); pods that do not tolerate the
 * NoExecute taint are deleted once their tolerationSeconds run out. A node that reports
 * Ready again loses the taints. A pod deleted on a silent node stays Terminating: nobody is
 * there to stop its containers (as in a real cluster).
 */

export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';
const NAME = 'node-lifecycle-controller';
const SOURCE = { component: 'node-controller' };
const TAINT_SOURCE = { component: 'taint-eviction-controller' };
const POD_KEY = 'pod:';

const secondsOf = (ctx: ReconcileContext, t: string | undefined) => (t ? (Date.parse(t) - ctx.clock.epoch) / 1000 : 0);
const tickAt = (ctx: ReconcileContext, seconds: number) => Math.ceil((seconds * 1000) / ctx.clock.tickMillis);

/** A toleration matching a taint, by key/operator/value/effect (ToleratesTaint). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/**
 * Seconds from the taint being added until the pod must go: 0 when nothing tolerates it,
 * undefined when a toleration has no limit, else the smallest tolerationSeconds.
 */
export function evictionDelay(pod: PodObject, taints: Taint[]): number | undefined {
  let min: number | undefined;
  for (const taint of taints) {
    if (taint.effect !== 'NoExecute') continue;
    const matching = (pod.spec?.tolerations ?? []).filter((t) => tolerates(t, taint));
    if (!matching.length) return 0;
    const secs = matching.map((t) => t.tolerationSeconds);
    // A toleration without tolerationSeconds tolerates the taint for good.
    if (secs.some((s) => s === undefined)) continue;
    const s = Math.max(0, Math.min(...(secs as number[])));
    min = min === undefined ? s : Math.min(min, s);
  }
  return min;
}

function reconcileNode(ctx: ReconcileContext, name: string): ReconcileResult | void {
  const node = ctx.store.get<NodeObject>('nodes', undefined, name);
  if (!node) return;
  const client = ctx.client;
  const taints = node.spec?.taints ?? [];
  const hasUnreachable = taints.some((t) => t.key === UNREACHABLE);
  if (kubeletStopped(node)) {
    const since = secondsOf(ctx, node.metadata.annotations?.[KUBELET_STOPPED_ANNOTATION]);
    const dueTick = tickAt(ctx, since + ctx.timings.nodeMonitorGracePeriodSeconds);
    if (ctx.clock.tick < dueTick) return { requeueAfterTicks: dueTick - ctx.clock.tick };
    let current = node;
    if (nodeReady(node) !== 'Unknown') {
      const now = ctx.clock.nowRFC3339();
      const conditions: NodeCondition[] = (node.status?.conditions ?? []).map((c) => ({
        ...c,
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: now,
      }));
      const res = client.updateStatus(
        { ...node, status: { ...node.status, conditions } },
        {
          reason: `${name} has not posted status for ${ctx.timings.nodeMonitorGracePeriodSeconds}s, so its conditions become Unknown`,
          code: 'record.nodelifecycle.statusUnknown',
          params: { node: name, seconds: ctx.timings.nodeMonitorGracePeriodSeconds },
        },
      );
      if (!res.ok) return { requeueAfterTicks: 1 };
      current = res.object as NodeObject;
      ctx.events.record(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, SOURCE);
    }
    if (!hasUnreachable) {
      const now = ctx.clock.nowRFC3339();
      const added: Taint[] = [
        { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: now },
        { key: UNREACHABLE, effect: 'NoExecute', timeAdded: now },
      ];
      const kept = (current.spec?.taints ?? []).filter((t) => t.key !== NOT_READY);
      client.update(
        { ...current, spec: { ...current.spec, taints: [...kept, ...added] } },
        { reason: `${name} is unreachable: taint it so nothing new lands there and pods that do not tolerate it are evicted`, code: 'record.nodelifecycle.taintUnreachable', params: { node: name } },
      );
    }
    return;
  }
  if (hasUnreachable && nodeReady(node) === 'True') {
    client.update(
      { ...node, spec: { ...node.spec, taints: taints.filter((t) => t.key !== UNREACHABLE && t.key !== NOT_READY) } },
      { reason: `${name} is Ready again, so its unreachable taints are removed`, code: 'record.nodelifecycle.untaint', params: { node: name } },
    );
  }
}

/** The taint manager's part: delete a pod when its node's NoExecute taints are no longer tolerated. */
function reconcilePod(ctx: ReconcileContext, key: string): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const pod = ctx.store.get<PodObject>('pods', namespace, name);
  if (!pod || pod.metadata.deletionTimestamp || !pod.spec?.nodeName) return;
  const node = ctx.store.get<NodeObject>('nodes', undefined, pod.spec.nodeName);
  const taints = (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
  if (!taints.length) return;
  const delay = evictionDelay(pod, taints);
  if (delay === undefined) return;
  const added = Math.max(...taints.map((t) => secondsOf(ctx, t.timeAdded)));
  const dueTick = tickAt(ctx, added + delay);
  if (ctx.clock.tick < dueTick) return { requeueAfterTicks: dueTick - ctx.clock.tick };
  ctx.events.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${namespace}/${name}`, TAINT_SOURCE);
  ctx.client.delete(pod, {
    reason: `${pod.spec.nodeName} has NoExecute taint ${taints.map((t) => t.key).join(', ')} and ${key} ${delay ? `tolerated it only for ${delay}s` : 'does not tolerate it'}: the pod is evicted`,
    code: 'record.nodelifecycle.evict',
    params: { pod: key, node: pod.spec.nodeName, seconds: delay },
  });
}

export function createNodeLifecycleController(): Controller {
  return {
    name: NAME,
    watches: [
      { resource: 'nodes', map: (ev) => (ev.type === 'DELETED' ? [] : [ev.object.metadata.name]) },
      {
        resource: 'nodes',
        // A new NoExecute taint puts every pod on the node on the taint manager's queue.
        map: (ev, store) => {
          const now = (ev.object.spec as NodeObject['spec'])?.taints?.filter((t) => t.effect === 'NoExecute').length ?? 0;
          const before = (ev.oldObject?.spec as NodeObject['spec'])?.taints?.filter((t) => t.effect === 'NoExecute').length ?? 0;
          if (ev.type === 'DELETED' || now === 0 || now === before) return [];
          return store
            .list<PodObject>('pods')
            .filter((p) => p.spec?.nodeName === ev.object.metadata.name)
            .map((p) => POD_KEY + keyOf(p));
        },
      },
      {
        resource: 'pods',
        // A pod that lands on (or is bound to) an already tainted node.
        map: (ev, store) => {
          const nodeName = (ev.object.spec as PodObject['spec'])?.nodeName;
          if (ev.type === 'DELETED' || !nodeName || (ev.oldObject?.spec as PodObject['spec'])?.nodeName === nodeName) return [];
          const node = store.get<NodeObject>('nodes', undefined, nodeName);
          return node?.spec?.taints?.some((t) => t.effect === 'NoExecute') ? [POD_KEY + keyOf(ev.object)] : [];
        },
      },
    ],
    reconcile: (ctx) => (ctx.key.startsWith(POD_KEY) ? reconcilePod(ctx, ctx.key.slice(POD_KEY.length)) : reconcileNode(ctx, ctx.key)),
  };
}
