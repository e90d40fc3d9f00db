import type { PodCondition } from 'kubernetes-types/core/v1';
import type { Store } from '../store/store';
import type { Controller, ReconcileContext } from '../controllers/types';
import type { WatchEvent } from '../store/store';
import { jsonEqual, keyOf, splitKey } from '../objects';
import type { PodInfo, PodObject, SchedulingResult } from './types';
import { SchedulerState } from './state';
import type { SavedSchedulerState } from './state';
import { podNonZeroRequests, podRequests } from './podResources';
import { fitErrorMessage } from './message';
import { chosenSummary, expandResult, runCycle } from './cycle';
import { claimsOf, preBindVolumes } from './plugins/volumeBinding';

export const SCHEDULER_NAME = 'default-scheduler';

export function needsScheduling(pod: PodObject): boolean {
  const spec = pod.spec;
  if (!spec || spec.nodeName || pod.metadata.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  return (spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
}

function podInfo(pod: PodObject, key: string, store: Store): PodInfo {
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return {
    pod,
    key,
    requests: podRequests(pod),
    nonZeroRequests: podNonZeroRequests(pod),
    tolerations: pod.spec?.tolerations ?? [],
    nodeSelectorEntries: Object.entries(pod.spec?.nodeSelector ?? {}),
    requiredTerms: required ? required.nodeSelectorTerms : undefined,
    preferredTerms: pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [],
    claims: claimsOf(pod, store),
    cycle: new Map(),
  };
}

function withScheduledCondition(pod: PodObject, cond: PodCondition): PodObject['status'] {
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  return { ...pod.status, phase: pod.status?.phase ?? 'Pending', conditions: [...conditions, cond] };
}

function reconcile(state: SchedulerState, ctx: ReconcileContext): void {
  const { namespace, name } = splitKey(ctx.key);
  const pod = ctx.store.get<PodObject>('pods', namespace, name);
  if (!pod || !needsScheduling(pod)) {
    state.unschedulable.delete(ctx.key);
    return;
  }
  const nodes = state.snapshot(ctx.store);
  const info = podInfo(pod, ctx.key, ctx.store);
  const { result, failures, processed, preFilterMessage } = runCycle(info, nodes, state.nodeNames(), ctx.clock.tick, state.nextStartNodeIndex);
  state.nextStartNodeIndex = nodes.length ? (state.nextStartNodeIndex + processed) % nodes.length : 0;
  const source = { component: SCHEDULER_NAME };
  if (result.chosen) {
    const chosen = result.chosen;
    const { total, feasible } = chosenSummary(result);
    // VolumeBinding's PreBind: WaitForFirstConsumer claims learn the node first; the pod binds once they are bound.
    if (preBindVolumes(ctx, info, chosen)) {
      state.unschedulable.add(ctx.key);
      state.setResult(ctx.key, result);
      state.markCurrent(ctx.store);
      return;
    }
    const res = ctx.client.bind(pod, chosen, {
      reason: `${ctx.key} fits ${feasible} of ${result.nodes.length} nodes checked; ${chosen} scored highest (${total}), so the scheduler binds it there`,
      code: 'record.scheduler.bound',
      params: { pod: ctx.key, node: chosen, score: total, feasible, nodes: result.nodes.length },
    });
    if (res.ok) {
      state.assume(chosen, info);
      state.unschedulable.delete(ctx.key);
      state.setResult(ctx.key, result);
      ctx.events.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${ctx.key} to ${chosen}`, source);
    }
    state.markCurrent(ctx.store);
    return;
  }
  const message = fitErrorMessage(nodes.length, failures, pod.spec?.preemptionPolicy, preFilterMessage);
  result.message = message;
  state.setResult(ctx.key, result);
  state.unschedulable.add(ctx.key);
  ctx.events.record(pod, 'Warning', 'FailedScheduling', message, source);
  const current = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (!(current?.status === 'False' && current.reason === 'Unschedulable' && current.message === message)) {
    const cond: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message,
      lastTransitionTime: current?.status === 'False' && current.lastTransitionTime ? current.lastTransitionTime : ctx.clock.nowRFC3339(),
    };
    ctx.client.updateStatus(
      { ...pod, status: withScheduledCondition(pod, cond) },
      {
        reason: `No node can take ${ctx.key} yet: ${message}`,
        code: 'record.scheduler.unschedulable',
        params: { pod: ctx.key, message },
      },
    );
  }
  state.markCurrent(ctx.store);
}

function specOrLabelsChanged(a: { spec?: unknown; metadata: { labels?: unknown } }, b: { spec?: unknown; metadata: { labels?: unknown } }): boolean {
  return !jsonEqual(a.spec, b.spec) || !jsonEqual(a.metadata.labels, b.metadata.labels);
}

function mapPod(state: SchedulerState, ev: WatchEvent): string[] {
  const pod = ev.object as PodObject;
  const old = ev.oldObject as PodObject | undefined;
  if (ev.type !== 'DELETED' && needsScheduling(pod)) {
    // Our own status write (PodScheduled=False) must not retry the pod at once.
    if (ev.type === 'MODIFIED' && old && needsScheduling(old) && !specOrLabelsChanged(old, pod)) return [];
    return [keyOf(pod)];
  }
  // A pod leaving a node frees room: pods waiting for room get another try (a queueing hint).
  const wasPlaced = (p: PodObject | undefined) => !!p?.spec?.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
  const freed = ev.type === 'DELETED' ? wasPlaced(pod) : wasPlaced(old) && !wasPlaced(pod);
  return freed ? [...state.unschedulable] : [];
}

function mapNode(state: SchedulerState, ev: WatchEvent): string[] {
  if (ev.type === 'DELETED') return [];
  const old = ev.oldObject;
  if (ev.type === 'MODIFIED' && old) {
    const allocatable = (o: typeof old) => (o.status as { allocatable?: unknown } | undefined)?.allocatable;
    if (!specOrLabelsChanged(old, ev.object) && jsonEqual(allocatable(old), allocatable(ev.object))) return [];
  }
  return [...state.unschedulable];
}

export interface SchedulerController extends Controller {
  readonly state: SchedulerState;
}

/**
 * kube-scheduler's default profile: filter every node, score the survivors, bind the pod to
 * the best, and say why — in the FailedScheduling event when nothing fits. A pod that fits
 * nowhere waits for the cluster to change (a node added or relabelled, a pod removed), like
 * the real scheduler's unschedulable queue with queueing hints, so a settled cluster stays
 * settled instead of retrying on a timer.
 */
export function createScheduler(): SchedulerController {
  const state = new SchedulerState();
  return {
    name: SCHEDULER_NAME,
    state,
    watches: [
      { resource: 'pods', map: (ev) => mapPod(state, ev) },
      { resource: 'nodes', map: (ev) => mapNode(state, ev) },
      // A claim created or bound may let a waiting pod through VolumeBinding.
      { resource: 'persistentvolumeclaims', map: () => [...state.unschedulable] },
      // A volume or class appearing may give a waiting pod's WaitForFirstConsumer claim a place.
      { resource: 'persistentvolumes', map: () => [...state.unschedulable] },
      { resource: 'storageclasses.storage.k8s.io', map: () => [...state.unschedulable] },
    ],
    reconcile: (ctx) => reconcile(state, ctx),
    saveState: () => state.save(),
    loadState: (saved) => state.load(saved as SavedSchedulerState),
  };
}

/** The filter/score table the scheduler kept for a pod (`namespace/name`), if it still has it. */
export function schedulingResultFor(source: { manager: { controllers(): Controller[] } } | Controller[], podKey: string): SchedulingResult | undefined {
  const controllers = Array.isArray(source) ? source : source.manager.controllers();
  const scheduler = controllers.find((c): c is SchedulerController => c.name === SCHEDULER_NAME && 'state' in c);
  const r = scheduler?.state.results.get(podKey);
  return r && expandResult(r);
}
