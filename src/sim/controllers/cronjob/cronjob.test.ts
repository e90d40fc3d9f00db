import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { parseManifest } from '../../yaml/parse';
import { createCronJobController } from './cronjob';

function cronOnly(): Cluster {
  const c = new Cluster({ seed: 4 }, [createCronJobController()]).bootstrap();
  c.drainDelta();
  return c;
}

const CJ = (extra = '', schedule = '* * * * *') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "${schedule}"
${extra}  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            command: ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"]
          restartPolicy: OnFailure
`;

function apply(c: Cluster, yaml: string) {
  return c.api.create(parseManifest(yaml).documents[0]?.object as KubeObject);
}

const jobs = (c: Cluster) => c.store.list('jobs.batch').map((j) => j.metadata.name).sort();

/** Marks a Job finished, as the Job controller would. */
function finishJob(c: Cluster, name: string, type: 'Complete' | 'Failed'): void {
  const j = c.store.get('jobs.batch', 'default', name) as KubeObject;
  const now = c.clock.nowRFC3339();
  const r = c.api.update(
    { ...j, status: { startTime: now, ...(type === 'Complete' ? { completionTime: now } : {}), conditions: [{ type, status: 'True', lastTransitionTime: now }] } },
    { subresource: 'status' },
  );
  if (!r.ok) throw new Error(r.status.message);
}

describe('CronJob API', () => {
  it('defaults concurrencyPolicy, suspend and history limits', () => {
    const r = apply(cronOnly(), CJ());
    expect(r.ok && r.object.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
  });

  it('rejects a bad schedule with the parser message', () => {
    const r = apply(cronOnly(), CJ('', '*/1 * * *'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status.message).toBe('CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "*/1 * * *": expected exactly 5 fields, found 4: [*/1 * * *]');
  });
});

describe('CronJob API: timeZone', () => {
  it('rejects an unknown zone', () => {
    const r = apply(cronOnly(), CJ('  timeZone: Mars/Olympus\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status.message).toBe('CronJob.batch "hello" is invalid: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus');
  });
});

describe('cronjob-controller', () => {
  it('creates <name>-<minutes since epoch> at each schedule time, and settles in between', () => {
    const c = cronOnly();
    apply(c, CJ());
    expect(c.runUntilSettled()).toBeLessThan(5);
    expect(jobs(c)).toEqual([]);
    c.tickN(60); // the sim starts at 09:00:00; the first run is 09:01
    const minutes = Math.floor(Date.parse('2026-01-01T09:01:00Z') / 60000);
    expect(jobs(c)).toEqual([`hello-${minutes}`]);
    const job = c.store.get('jobs.batch', 'default', `hello-${minutes}`) as KubeObject;
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true });
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T09:01:00Z');
    const cj = c.store.get('cronjobs.batch', 'default', 'hello') as KubeObject & { status: { active?: unknown[]; lastScheduleTime?: string } };
    expect(cj.status.lastScheduleTime).toBe('2026-01-01T09:01:00Z');
    expect(cj.status.active).toHaveLength(1);
    c.runUntilSettled();
    expect(c.settled()).toBe(true);
    c.tickN(60);
    expect(jobs(c)).toHaveLength(2);
  });

  it('Forbid skips a run while one is active, and runs it once the active Job ends', () => {
    const c = cronOnly();
    apply(c, CJ('  concurrencyPolicy: Forbid\n'));
    c.tickN(60);
    expect(jobs(c)).toHaveLength(1);
    c.tickN(60);
    expect(jobs(c)).toHaveLength(1);
    finishJob(c, jobs(c)[0] as string, 'Complete');
    c.tickN(2);
    expect(jobs(c)).toHaveLength(2);
    expect(c.store.list('events').some((e) => (e as { reason?: string }).reason === 'SawCompletedJob')).toBe(true);
  });

  it('Replace deletes the running Job for the new one', () => {
    const c = cronOnly();
    apply(c, CJ('  concurrencyPolicy: Replace\n'));
    c.tickN(60);
    const first = jobs(c)[0];
    c.tickN(60);
    expect(jobs(c)).toHaveLength(1);
    expect(jobs(c)[0]).not.toBe(first);
    expect(c.records.some((r) => r.code === 'record.cronjob.replaceJob')).toBe(true);
  });

  it('suspend: no new Jobs', () => {
    const c = cronOnly();
    apply(c, CJ('  suspend: true\n'));
    c.tickN(180);
    expect(jobs(c)).toEqual([]);
  });

  it('keeps successfulJobsHistoryLimit finished Jobs and deletes older ones', () => {
    const c = cronOnly();
    apply(c, CJ('  successfulJobsHistoryLimit: 1\n'));
    c.tickN(60);
    finishJob(c, jobs(c)[0] as string, 'Complete');
    c.tickN(60);
    expect(jobs(c)).toHaveLength(2);
    finishJob(c, jobs(c)[1] as string, 'Complete');
    c.tickN(2);
    expect(jobs(c)).toHaveLength(1);
    expect(c.records.filter((r) => r.code === 'record.cronjob.deleteHistory')).toHaveLength(1);
  });

  it('startingDeadlineSeconds: a run missed by longer than the deadline is skipped with MissSchedule', () => {
    const c = cronOnly();
    apply(c, CJ('  startingDeadlineSeconds: 10\n  suspend: true\n'));
    c.tickN(90);
    const cj = c.store.get('cronjobs.batch', 'default', 'hello') as KubeObject;
    c.api.update({ ...cj, spec: { ...(cj.spec as object), suspend: false } });
    c.tickN(2);
    expect(jobs(c)).toEqual([]);
    expect(c.store.list('events').some((e) => (e as { reason?: string }).reason === 'MissSchedule')).toBe(true);
  });
});
