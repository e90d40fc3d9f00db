import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import { keyOf } from '../../objects';
import { controllerOwnerKeys } from '../ownerWatch';
import { matchesSelector } from '../../store/labels';
import type { JobObject, PodObject } from './pods';
import { completionIndex, finishedAt, isActive, isFinished, isReady, podFromTemplate, restarts } from './pods';
import { matchFailurePolicy } from './failurepolicy';
import { MSG_BACKOFF, MSG_COMPLETIONS, MSG_DEADLINE, hasCondition, isJobFinished, setCondition } from './conditions';

const SOURCE = { component: 'job-controller' };
/** The pod-failure back-off of the real controller: 10 s, doubling, at most 6 minutes. */
const BACKOFF_BASE_SECONDS = 10;
const BACKOFF_MAX_SECONDS = 360;

function ownedPods(ctx: ReconcileContext, job: JobObject): PodObject[] {
  const sel = job.spec?.selector;
  if (!sel) return [];
  return ctx.store
    .list<PodObject>('pods', { namespace: job.metadata.namespace })
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === job.metadata.uid) && matchesSelector(sel, p.metadata.labels));
}

function secondsSince(ctx: ReconcileContext, time: string | undefined): number {
  return time ? (ctx.clock.nowMillis() - Date.parse(time)) / 1000 : 0;
}

interface Plan {
  job: JobObject;
  pods: PodObject[];
  active: PodObject[];
  status: JobStatus & { terminating?: number };
  conditions: JobCondition[];
  now: string;
  result?: ReconcileResult;
}

function reconcile(ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitJobKey(ctx.key);
  const job = ctx.store.get<JobObject>('jobs.batch', namespace, name);
  if (!job || job.metadata.deletionTimestamp) return;
  const finished = isJobFinished(job.status);
  if (finished) return ttlAfterFinished(ctx, job, finished);

  const pods = ownedPods(ctx, job);
  const now = ctx.clock.nowRFC3339();
  const prev = job.status ?? {};
  const plan: Plan = {
    job,
    pods,
    active: pods.filter(isActive),
    status: { ...prev },
    conditions: [...(prev.conditions ?? [])],
    now,
  };
  // Counts only grow: a finished pod deleted later still counted (the real controller keeps
  // them with its job-tracking finalizer; the sim keeps the high-water mark).
  plan.status.succeeded = Math.max(prev.succeeded ?? 0, pods.filter((p) => p.status?.phase === 'Succeeded').length);
  // Failures an Ignore rule of podFailurePolicy matches do not count against backoffLimit.
  const failedPods = pods.filter((p) => p.status?.phase === 'Failed' && matchFailurePolicy(job, p)?.action !== 'Ignore');
  plan.status.failed = Math.max(prev.failed ?? 0, failedPods.length);

  if (job.spec?.suspend) suspend(ctx, plan);
  else run(ctx, plan);

  plan.active = plan.active.filter((p) => !p.metadata.deletionTimestamp);
  plan.status.active = plan.active.length;
  plan.status.ready = plan.active.filter(isReady).length;
  plan.status.terminating = ctx.store
    .list<PodObject>('pods', { namespace: job.metadata.namespace })
    .filter((p) => p.metadata.deletionTimestamp && p.metadata.ownerReferences?.some((r) => r.uid === job.metadata.uid)).length;
  plan.status.uncountedTerminatedPods ??= {};
  if (plan.conditions.length) plan.status.conditions = plan.conditions;
  if (job.spec?.completionMode === 'Indexed') plan.status.completedIndexes = indexRanges(succeededIndexes(pods));
  for (const k of ['active', 'succeeded', 'failed'] as const) if (plan.status[k] === 0 && prev[k] === undefined) delete plan.status[k];
  writeStatus(ctx, job, plan.status);
  return plan.result;
}

function splitJobKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

function writeStatus(ctx: ReconcileContext, job: JobObject, status: JobStatus): void {
  ctx.client.updateStatus(
    { ...job, status },
    {
      reason: `Job ${job.metadata.name}: ${status.active ?? 0} active, ${status.succeeded ?? 0} succeeded, ${status.failed ?? 0} failed`,
      code: 'record.job.status',
      params: { job: job.metadata.name, active: status.active ?? 0, succeeded: status.succeeded ?? 0, failed: status.failed ?? 0 },
    },
  );
}

function suspend(ctx: ReconcileContext, plan: Plan): void {
  const { job } = plan;
  if (!hasCondition(plan.status, 'Suspended')) {
    plan.conditions = setCondition(plan.conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', plan.now);
    ctx.events.record(job, 'Normal', 'Suspended', 'Job suspended', SOURCE);
  }
  // A suspended Job's clock stops: the real controller clears startTime and sets it again on resume.
  delete plan.status.startTime;
  deletePods(ctx, job, plan.active, 'suspended');
}

function run(ctx: ReconcileContext, plan: Plan): void {
  const { job } = plan;
  const spec = job.spec ?? { template: {} };
  if (plan.conditions.some((c) => c.type === 'Suspended' && c.status === 'True')) {
    plan.conditions = setCondition(plan.conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', plan.now);
    ctx.events.record(job, 'Normal', 'Resumed', 'Job resumed', SOURCE);
  }
  plan.status.startTime ??= plan.now;

  // Already decided (FailureTarget / SuccessCriteriaMet): wait for the pods to go, then finish.
  const target = hasCondition(plan.status, 'FailureTarget');
  const met = hasCondition(plan.status, 'SuccessCriteriaMet');
  if (!target && !met) {
    const failure = failureReason(ctx, plan);
    if (failure) {
      plan.conditions = setCondition(plan.conditions, 'FailureTarget', 'True', failure.reason, failure.message, plan.now);
      deletePods(ctx, job, plan.active, failure.reason);
    } else if (succeeded(plan)) {
      plan.conditions = setCondition(plan.conditions, 'SuccessCriteriaMet', 'True', 'CompletionsReached', MSG_COMPLETIONS, plan.now);
      deletePods(ctx, job, plan.active, 'complete');
    } else {
      createPods(ctx, plan);
      const deadline = spec.activeDeadlineSeconds;
      if (deadline !== undefined) {
        const left = deadline - secondsSince(ctx, plan.status.startTime);
        plan.result = { requeueAfterTicks: ctx.clock.ticksFor(Math.max(left, 1)) };
      }
      return;
    }
  }
  if (plan.active.some((p) => !p.metadata.deletionTimestamp)) return;
  const failed = hasCondition({ conditions: plan.conditions }, 'FailureTarget');
  if (failed) {
    plan.conditions = setCondition(plan.conditions, 'Failed', 'True', failed.reason ?? '', failed.message ?? '', plan.now);
    ctx.events.record(job, 'Warning', failed.reason ?? 'Failed', failed.message ?? '', SOURCE);
  } else {
    plan.conditions = setCondition(plan.conditions, 'Complete', 'True', 'CompletionsReached', MSG_COMPLETIONS, plan.now);
    plan.status.completionTime = plan.now;
    ctx.events.record(job, 'Normal', 'Completed', 'Job completed', SOURCE);
  }
  const ttl = spec.ttlSecondsAfterFinished;
  if (ttl !== undefined) plan.result = { requeueAfterTicks: ctx.clock.ticksFor(Math.max(ttl, 1)) };
}

function failureReason(ctx: ReconcileContext, plan: Plan): { reason: string; message: string } | undefined {
  const spec = plan.job.spec;
  for (const p of plan.pods) {
    if (p.status?.phase !== 'Failed') continue;
    const m = matchFailurePolicy(plan.job, p);
    if (m?.action === 'FailJob') return { reason: 'PodFailurePolicy', message: m.message };
  }
  const onFailure = spec?.template.spec?.restartPolicy === 'OnFailure';
  // With OnFailure the kubelet restarts containers in place, so restarts count as failures.
  const failures = (plan.status.failed ?? 0) + (onFailure ? plan.active.reduce((n, p) => n + restarts(p), 0) : 0);
  if (failures > (spec?.backoffLimit ?? 6)) return { reason: 'BackoffLimitExceeded', message: MSG_BACKOFF };
  const deadline = spec?.activeDeadlineSeconds;
  if (deadline !== undefined && secondsSince(ctx, plan.status.startTime) >= deadline) return { reason: 'DeadlineExceeded', message: MSG_DEADLINE };
  return undefined;
}

function succeededIndexes(pods: PodObject[]): Set<number> {
  const out = new Set<number>();
  for (const p of pods) {
    const i = completionIndex(p);
    if (p.status?.phase === 'Succeeded' && i !== undefined) out.add(i);
  }
  return out;
}

function succeeded(plan: Plan): boolean {
  const spec = plan.job.spec;
  const completions = spec?.completions;
  if (completions === undefined || completions === null) {
    // Work-queue mode: done once one pod succeeded and the others have stopped.
    return (plan.status.succeeded ?? 0) > 0 && plan.active.length === 0;
  }
  if (spec?.completionMode === 'Indexed') {
    const done = succeededIndexes(plan.pods);
    for (let i = 0; i < completions; i++) if (!done.has(i)) return false;
    return true;
  }
  return (plan.status.succeeded ?? 0) >= completions;
}

function createPods(ctx: ReconcileContext, plan: Plan): void {
  const { job } = plan;
  const spec = job.spec;
  const parallelism = spec?.parallelism ?? 1;
  const completions = spec?.completions;
  let want: number[];
  if (spec?.completionMode === 'Indexed' && completions !== undefined && completions !== null) {
    const busy = new Set([...succeededIndexes(plan.pods), ...plan.active.map(completionIndex)]);
    want = [];
    for (let i = 0; i < completions && want.length < parallelism - plan.active.length; i++) if (!busy.has(i)) want.push(i);
  } else {
    const remaining = completions === undefined || completions === null ? parallelism : completions - (plan.status.succeeded ?? 0);
    const n = Math.max(0, Math.min(parallelism, remaining) - plan.active.length);
    want = Array.from({ length: n }, () => -1);
  }
  if (!want.length) return;
  // After a failure, new pods wait out the back-off (10 s doubling), as the real controller's queue does.
  const failed = plan.status.failed ?? 0;
  if (failed > 0) {
    const last = Math.max(0, ...plan.pods.filter((p) => p.status?.phase === 'Failed').map((p) => finishedAt(p) ?? 0));
    const delay = Math.min(BACKOFF_BASE_SECONDS * 2 ** (failed - 1), BACKOFF_MAX_SECONDS);
    const waited = (ctx.clock.nowMillis() - last) / 1000;
    if (last > 0 && waited < delay) {
      plan.result = { requeueAfterTicks: ctx.clock.ticksFor(delay - waited) };
      return;
    }
  }
  for (const i of want) {
    const res = ctx.client.create(podFromTemplate(job, i < 0 ? undefined : i), {
      reason: `Job ${job.metadata.name} needs ${completions ?? parallelism} completions and has ${plan.status.succeeded ?? 0} succeeded and ${plan.active.length} running, so it creates a pod${i < 0 ? '' : ` for index ${i}`}`,
      code: 'record.job.createPod',
      params: { job: job.metadata.name, completions: completions ?? parallelism, succeeded: plan.status.succeeded ?? 0, active: plan.active.length },
    });
    if (!res.ok) continue;
    plan.active.push(res.object as PodObject);
    ctx.events.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${res.object.metadata.name}`, SOURCE);
  }
}

function deletePods(ctx: ReconcileContext, job: JobObject, pods: PodObject[], why: string): void {
  for (const p of pods) {
    if (p.metadata.deletionTimestamp || isFinished(p)) continue;
    const res = ctx.client.delete(p, {
      reason: `Job ${job.metadata.name} is ${why === 'suspended' ? 'suspended' : why === 'complete' ? 'complete' : `failed (${why})`}, so its running pod ${p.metadata.name} is deleted`,
      code: 'record.job.deletePod',
      params: { job: job.metadata.name, pod: p.metadata.name, why },
    });
    if (res.ok) ctx.events.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
  }
}

/** The ttl-after-finished controller's part: delete a finished Job once its TTL has passed. */
function ttlAfterFinished(ctx: ReconcileContext, job: JobObject, finished: JobCondition): ReconcileResult | void {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null) return;
  const since = secondsSince(ctx, job.status?.completionTime ?? finished.lastTransitionTime);
  if (since < ttl) return { requeueAfterTicks: ctx.clock.ticksFor(ttl - since) };
  ctx.client.delete(
    job,
    {
      reason: `Job ${job.metadata.name} finished ${ttl}s ago (ttlSecondsAfterFinished), so it is deleted with its pods`,
      code: 'record.job.ttlExpired',
      params: { job: job.metadata.name, ttl },
    },
    { propagationPolicy: 'Foreground' },
  );
}

/** `0,2-4` from {0,2,3,4}: how status.completedIndexes is written. */
export function indexRanges(set: Set<number>): string | undefined {
  const xs = [...set].sort((a, b) => a - b);
  if (!xs.length) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === (xs[j] as number) + 1) j++;
    parts.push(i === j ? String(xs[i]) : `${xs[i]}-${xs[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** kube-controller-manager's job controller (with the ttl-after-finished controller's one job). */
export function createJobController(): Controller {
  return {
    name: 'job-controller',
    watches: [
      { resource: 'jobs.batch', map: (ev) => (ev.type === 'DELETED' ? [] : [keyOf(ev.object)]) },
      { resource: 'pods', map: controllerOwnerKeys('Job') },
    ],
    reconcile,
  };
}
