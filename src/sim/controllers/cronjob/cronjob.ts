import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import type { KubeObject } from '../../objects';
import { keyOf, ownerRefTo, splitKey } from '../../objects';
import { inTimeZone, parseSchedule, validTimeZone } from './schedule';
import { isJobFinished } from '../job/conditions';
import { formatRFC3339 } from '../../clock';
import { controllerOwnerKeys } from '../ownerWatch';

type CronJobObject = CronJob & KubeObject;
type JobObject = Job & KubeObject;

const SOURCE = { component: 'cronjob-controller' };
export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** `<cronjob>-<scheduled time in minutes since the Unix epoch>`, as getJobName names them. */
export function jobNameFor(cronJob: string, scheduledMillis: number): string {
  return `${cronJob}-${Math.floor(scheduledMillis / 60000)}`;
}

function ownedJobs(ctx: ReconcileContext, cj: CronJobObject): JobObject[] {
  return ctx.store
    .list<JobObject>('jobs.batch', { namespace: cj.metadata.namespace })
    .filter((j) => j.metadata.ownerReferences?.some((r) => r.controller && r.uid === cj.metadata.uid));
}

function refTo(job: JobObject): ObjectReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion };
}

function ticksUntil(ctx: ReconcileContext, at: number): number {
  return Math.max(1, Math.ceil((at - ctx.clock.nowMillis()) / ctx.clock.tickMillis));
}

function reconcile(ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(ctx.key);
  const cj = ctx.store.get<CronJobObject>('cronjobs.batch', namespace, name);
  if (!cj || cj.metadata.deletionTimestamp) return;
  const spec = cj.spec;
  const now = ctx.clock.nowMillis();
  const jobs = ownedJobs(ctx, cj);
  const status: CronJobStatus = { ...(cj.status ?? {}) };

  // Active list: the owned Jobs still running; a finished one is seen once and dropped.
  const active: ObjectReference[] = [];
  for (const j of jobs) {
    const done = isJobFinished(j.status);
    const wasActive = (cj.status?.active ?? []).some((r) => r.uid === j.metadata.uid);
    if (!done) active.push(refTo(j));
    else if (wasActive) {
      ctx.events.record(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${done.type}`, SOURCE);
      if (done.type === 'Complete' && j.status?.completionTime && (!status.lastSuccessfulTime || j.status.completionTime > status.lastSuccessfulTime))
        status.lastSuccessfulTime = j.status.completionTime;
    }
  }

  const parsed = parseSchedule(spec?.schedule ?? '');
  let result: ReconcileResult | undefined;
  if (parsed.ok && !spec?.suspend) {
    const zone = spec?.timeZone && validTimeZone(spec.timeZone) ? spec.timeZone : undefined;
    const sched = inTimeZone(parsed.schedule, zone);
    const since = Date.parse(status.lastScheduleTime ?? cj.metadata.creationTimestamp ?? formatRFC3339(now));
    // The most recent unmet schedule time, if any has come since the last run.
    let scheduled: number | undefined;
    let missed = 0;
    for (let t = sched.next(since); t <= now; t = sched.next(t)) {
      scheduled = t;
      if (++missed > 100) break;
    }
    const deadline = spec?.startingDeadlineSeconds;
    if (scheduled !== undefined) {
      if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
        ctx.events.record(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRFC3339(scheduled)}`, SOURCE);
        status.lastScheduleTime = formatRFC3339(scheduled);
      } else if (spec?.concurrencyPolicy === 'Forbid' && active.length > 0) {
        // Skipped, not forgotten: lastScheduleTime stays, so the run starts when the active Job ends.
      } else {
        if (spec?.concurrencyPolicy === 'Replace') replaceActive(ctx, cj, jobs, active);
        const job = createJob(ctx, cj, scheduled);
        if (job) active.push(refTo(job));
        status.lastScheduleTime = formatRFC3339(scheduled);
      }
    }
    const next = sched.next(now);
    if (Number.isFinite(next)) result = { requeueAfterTicks: ticksUntil(ctx, next), periodic: true };
  }
  status.active = active;
  if (!active.length) delete status.active;
  ctx.client.updateStatus(
    { ...cj, status },
    {
      reason: `CronJob ${name} has ${active.length} active job(s); last scheduled ${status.lastScheduleTime ?? 'never'}`,
      code: 'record.cronjob.status',
      params: { cronjob: name, active: active.length, last: status.lastScheduleTime ?? '' },
    },
  );
  cleanupHistory(ctx, cj, ownedJobs(ctx, cj));
  return result;
}

function createJob(ctx: ReconcileContext, cj: CronJobObject, scheduled: number): JobObject | undefined {
  const template = cj.spec?.jobTemplate;
  const name = jobNameFor(cj.metadata.name, scheduled);
  const job: JobObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      labels: { ...(template?.metadata?.labels ?? {}) },
      annotations: { ...(template?.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: formatRFC3339(scheduled) },
      ownerReferences: [ownerRefTo(cj)],
    },
    spec: structuredClone(template?.spec ?? { template: {} }),
  };
  const res = ctx.client.create(job, {
    reason: `CronJob ${cj.metadata.name} is scheduled at ${formatRFC3339(scheduled)} (${cj.spec?.schedule}), so it creates Job ${name}`,
    code: 'record.cronjob.createJob',
    params: { cronjob: cj.metadata.name, job: name, time: formatRFC3339(scheduled), schedule: cj.spec?.schedule ?? '' },
  });
  if (!res.ok) {
    if (res.status.reason === 'AlreadyExists') return ctx.store.get<JobObject>('jobs.batch', cj.metadata.namespace, name);
    ctx.events.record(cj, 'Warning', 'FailedCreate', `Error creating job: ${res.status.message}`, SOURCE);
    return undefined;
  }
  ctx.events.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`, SOURCE);
  return res.object as JobObject;
}

function replaceActive(ctx: ReconcileContext, cj: CronJobObject, jobs: JobObject[], active: ObjectReference[]): void {
  for (const ref of active.splice(0)) {
    const j = jobs.find((x) => x.metadata.uid === ref.uid);
    if (!j) continue;
    deleteJob(ctx, cj, j, 'record.cronjob.replaceJob', `CronJob ${cj.metadata.name} has concurrencyPolicy Replace, so the still-running Job ${j.metadata.name} is deleted for the new run`);
  }
}

function deleteJob(ctx: ReconcileContext, cj: CronJobObject, job: JobObject, code: string, reason: string): void {
  const res = ctx.client.delete(job, { reason, code, params: { cronjob: cj.metadata.name, job: job.metadata.name } }, { propagationPolicy: 'Background' });
  if (res.ok) ctx.events.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, SOURCE);
}

/** Keep the newest successfulJobsHistoryLimit Complete and failedJobsHistoryLimit Failed Jobs. */
function cleanupHistory(ctx: ReconcileContext, cj: CronJobObject, jobs: JobObject[]): void {
  const limits = { Complete: cj.spec?.successfulJobsHistoryLimit ?? 3, Failed: cj.spec?.failedJobsHistoryLimit ?? 1 };
  for (const type of ['Complete', 'Failed'] as const) {
    const done = jobs
      .filter((j) => !j.metadata.deletionTimestamp && isJobFinished(j.status)?.type === type)
      .sort((a, b) => (a.status?.startTime ?? a.metadata.creationTimestamp ?? '').localeCompare(b.status?.startTime ?? b.metadata.creationTimestamp ?? ''));
    const excess = done.length - limits[type];
    for (const j of done.slice(0, Math.max(0, excess)))
      deleteJob(
        ctx,
        cj,
        j,
        'record.cronjob.deleteHistory',
        `CronJob ${cj.metadata.name} keeps ${limits[type]} ${type === 'Complete' ? 'successful' : 'failed'} job(s), so the oldest, ${j.metadata.name}, is deleted`,
      );
  }
}

/** kube-controller-manager's cronjob controller (v2), on the sim clock. */
export function createCronJobController(): Controller {
  return {
    name: 'cronjob-controller',
    watches: [
      { resource: 'cronjobs.batch', map: (ev) => (ev.type === 'DELETED' ? [] : [keyOf(ev.object)]) },
      { resource: 'jobs.batch', map: controllerOwnerKeys('CronJob') },
    ],
    reconcile,
  };
}
