import type { Job } from 'kubernetes-types/batch/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { rfc1123z } from '../duration';
import { formatLabelSelector } from '../printers/workloads';
import { jobDurationText } from '../printers/batch';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common';
import { writePodTemplate } from './podtemplate';

type JobObject = Job & KubeObject;

/** `kubectl describe job` (kubectl's JobDescriber layout). */
export function describeJob(cluster: Cluster, job: JobObject): string {
  const w = new DescribeWriter();
  const spec = job.spec;
  const st = job.status ?? {};
  w.write(0, `Name:\t${job.metadata.name}\n`);
  w.write(0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(spec?.selector)}\n`);
  writeLabels(w, 'Labels', job.metadata.labels);
  writeAnnotations(w, job.metadata.annotations);
  const owner = job.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Parallelism:\t${spec?.parallelism ?? 1}\n`);
  w.write(0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  w.write(0, `Completion Mode:\t${spec?.completionMode ?? 'NonIndexed'}\n`);
  w.write(0, `Suspend:\t${spec?.suspend ? 'true' : 'false'}\n`);
  w.write(0, `Backoff Limit:\t${spec?.backoffLimit ?? 6}\n`);
  if (spec?.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) {
    w.write(0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    w.write(0, `Duration:\t${jobDurationText(job, cluster.clock.nowMillis())}\n`);
  }
  if (spec?.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const ready = st.ready === undefined ? 'Ready' : `${st.ready} Ready`;
  w.write(0, `Pods Statuses:\t${st.active ?? 0} Active (${ready}) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  if (spec?.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${st.completedIndexes || '<none>'}\n`);
  writePodTemplate(w, spec?.template);
  writeEvents(w, eventsFor(cluster, job), cluster.clock.nowMillis());
  return w.text;
}
