import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../objects';
import { age, humanDuration } from '../duration';
import type { TableSpec } from './tables';
import { templateColumns } from './workloads';

type JobObject = Job & KubeObject;
type CronJobObject = CronJob & KubeObject;

const hasCondition = (j: JobObject, type: string) => j.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;

/** kubectl's printJob STATUS, in its order of precedence. */
export function jobStatusText(j: JobObject): string {
  if (hasCondition(j, 'Complete')) return 'Complete';
  if (hasCondition(j, 'Failed')) return 'Failed';
  if (j.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(j, 'Suspended')) return 'Suspended';
  if (hasCondition(j, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(j, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export function jobCompletionsText(j: JobObject): string {
  const succeeded = j.status?.succeeded ?? 0;
  const completions = j.spec?.completions;
  const parallelism = j.spec?.parallelism;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  if (parallelism !== undefined && parallelism > 1) return `${succeeded}/1 of ${parallelism}`;
  return `${succeeded}/1`;
}

export function jobDurationText(j: JobObject, now: number): string {
  const start = j.status?.startTime;
  if (!start) return '';
  const end = j.status?.completionTime ? Date.parse(j.status.completionTime) : now;
  return humanDuration(end - Date.parse(start));
}

const jobs: TableSpec = {
  headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now) {
    const j = obj as JobObject;
    return [j.metadata.name, jobStatusText(j), jobCompletionsText(j), jobDurationText(j, now), age(j.metadata.creationTimestamp, now)];
  },
  wide(obj) {
    const j = obj as JobObject;
    return templateColumns(j.spec?.template, j.spec?.selector);
  },
};

const cronjobs: TableSpec = {
  headers: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now) {
    const cj = obj as CronJobObject;
    const suspend = cj.spec?.suspend;
    return [
      cj.metadata.name,
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      suspend === undefined ? '<unset>' : suspend ? 'True' : 'False',
      String(cj.status?.active?.length ?? 0),
      cj.status?.lastScheduleTime ? age(cj.status.lastScheduleTime, now) : '<none>',
      age(cj.metadata.creationTimestamp, now),
    ];
  },
  wide(obj) {
    const cj = obj as CronJobObject;
    return templateColumns(cj.spec?.jobTemplate.spec?.template, cj.spec?.jobTemplate.spec?.selector);
  },
};

export const BATCH_TABLES: Record<string, TableSpec> = { 'jobs.batch': jobs, 'cronjobs.batch': cronjobs };
