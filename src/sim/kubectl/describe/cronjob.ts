import type { CronJob } from 'kubernetes-types/batch/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { rfc1123z } from '../duration';
import { formatLabelSelector } from '../printers/workloads';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common';
import { writePodTemplate } from './podtemplate';

type CronJobObject = CronJob & KubeObject;

const unset = (v: unknown) => (v === undefined || v === null ? '<unset>' : String(v));

/** `kubectl describe cronjob` (kubectl's CronJobDescriber layout). */
export function describeCronJob(cluster: Cluster, cj: CronJobObject): string {
  const w = new DescribeWriter();
  const spec = cj.spec;
  const job = spec?.jobTemplate.spec;
  w.write(0, `Name:\t${cj.metadata.name}\n`);
  w.write(0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', cj.metadata.labels);
  writeAnnotations(w, cj.metadata.annotations);
  w.write(0, `Schedule:\t${spec?.schedule ?? ''}\n`);
  w.write(0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? 'Allow'}\n`);
  w.write(0, `Suspend:\t${spec?.suspend ? 'True' : 'False'}\n`);
  w.write(0, `Successful Job History Limit:\t${unset(spec?.successfulJobsHistoryLimit)}\n`);
  w.write(0, `Failed Job History Limit:\t${unset(spec?.failedJobsHistoryLimit)}\n`);
  w.write(0, `Starting Deadline Seconds:\t${spec?.startingDeadlineSeconds === undefined ? '<unset>' : `${spec.startingDeadlineSeconds}s`}\n`);
  w.write(0, `Selector:\t${job?.selector ? formatLabelSelector(job.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${unset(job?.parallelism)}\n`);
  w.write(0, `Completions:\t${unset(job?.completions)}\n`);
  if (job?.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${job.activeDeadlineSeconds}s\n`);
  writePodTemplate(w, job?.template);
  w.write(0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
  const active = (cj.status?.active ?? []).map((r) => r.name).join(', ');
  w.write(0, `Active Jobs:\t${active || '<none>'}\n`);
  writeEvents(w, eventsFor(cluster, cj), cluster.clock.nowMillis());
  return w.text;
}
