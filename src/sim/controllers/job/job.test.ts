import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { parseManifest } from '../../yaml/parse';
import { createJobController } from './job';
import type { JobObject, PodObject } from './pods';

/** Only the Job controller runs: pods stay where the test puts them (the sample-controller style). */
function jobOnly(): Cluster {
  const c = new Cluster({ seed: 9 }, [createJobController()]).bootstrap();
  c.drainDelta();
  return c;
}

function apply(c: Cluster, yaml: string): KubeObject {
  const obj = parseManifest(yaml).documents[0]?.object as KubeObject;
  const r = c.api.create(obj);
  if (!r.ok) throw new Error(r.status.message);
  return r.object;
}

const JOB = (extra = '', podExtra = '', restart = 'Never') => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
${extra}  template:
    spec:
${podExtra}      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: ${restart}
`;

const job = (c: Cluster) => c.store.get<JobObject>('jobs.batch', 'default', 'pi') as JobObject;
const pods = (c: Cluster) => c.store.list<PodObject>('pods', { namespace: 'default' });

function finish(c: Cluster, pod: PodObject, phase: 'Succeeded' | 'Failed', exitCode = phase === 'Succeeded' ? 0 : 1): void {
  const status: Pod['status'] = {
    phase,
    containerStatuses: [
      { name: 'pi', image: 'perl:5.34.0', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode, reason: phase === 'Succeeded' ? 'Completed' : 'Error', finishedAt: c.clock.nowRFC3339() } } },
    ],
  };
  const r = c.api.update({ ...pod, status }, { subresource: 'status' });
  if (!r.ok) throw new Error(r.status.message);
}

const writes = (c: Cluster, from: number) =>
  c.records.slice(from).filter((r) => r.controller === 'job-controller').map((r) => `${r.action} ${r.target.kind}${r.action === 'create' ? '' : ' ' + r.target.name}`);

describe('Job API defaults and validation', () => {
  it('defaults as kube-apiserver does and generates the selector from the uid', () => {
    const c = jobOnly();
    const j = apply(c, JOB()) as JobObject;
    const uid = j.metadata.uid as string;
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect(j.spec?.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(j.spec?.template.metadata?.labels).toEqual({
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    });
  });

  it('rejects restartPolicy Always (or none) with the real message', () => {
    const c = jobOnly();
    const r = c.api.create(parseManifest(JOB('', '', 'Always')).documents[0]?.object as KubeObject);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status.message).toBe('Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
  });
});

describe('job-controller reconcile', () => {
  it('creates one pod named <job>-<suffix>, owned by the Job, with SuccessfulCreate', () => {
    const c = jobOnly();
    apply(c, JOB());
    const from = c.records.length;
    c.step();
    expect(writes(c, from)).toEqual(['create Pod', 'status Job pi']);
    const [p] = pods(c);
    expect(p?.metadata.name).toMatch(/^pi-[a-z0-9]{5}$/);
    expect(p?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'pi', controller: true, blockOwnerDeletion: true });
    expect(job(c).status).toMatchObject({ active: 1, ready: 0, startTime: c.clock.nowRFC3339(), uncountedTerminatedPods: {} });
    const ev = c.store.list('events').find((e) => (e as { reason?: string }).reason === 'SuccessfulCreate') as { message?: string } | undefined;
    expect(ev?.message).toBe(`Created pod: ${p?.metadata.name}`);
  });

  it('a succeeded pod completes the Job: SuccessCriteriaMet, then Complete with completionTime', () => {
    const c = jobOnly();
    apply(c, JOB());
    c.step();
    finish(c, pods(c)[0] as PodObject, 'Succeeded');
    c.step();
    const s = job(c).status;
    expect(s?.succeeded).toBe(1);
    expect(s?.active).toBe(0);
    expect(s?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    expect(s?.completionTime).toBe(c.clock.nowRFC3339());
    expect(c.runUntilSettled()).toBeLessThan(3);
  });

  it('runs completions with parallelism: never more than parallelism pods at once', () => {
    const c = jobOnly();
    apply(c, JOB('  completions: 5\n  parallelism: 2\n'));
    c.step();
    expect(pods(c)).toHaveLength(2);
    for (const p of pods(c)) finish(c, p, 'Succeeded');
    c.step();
    expect(pods(c).filter((p) => !p.status?.phase || p.status.phase === 'Pending')).toHaveLength(2);
    expect(job(c).status).toMatchObject({ succeeded: 2, active: 2 });
  });

  it('fails with BackoffLimitExceeded after backoffLimit+1 failed pods, waiting out the back-off between them', () => {
    const c = jobOnly();
    apply(c, JOB('  backoffLimit: 1\n'));
    c.step();
    finish(c, pods(c)[0] as PodObject, 'Failed');
    c.step();
    // 10 s back-off before the replacement.
    expect(pods(c)).toHaveLength(1);
    c.tickN(10);
    expect(pods(c)).toHaveLength(2);
    finish(c, pods(c).find((p) => !p.status?.phase || p.status.phase === 'Pending') as PodObject, 'Failed');
    c.step();
    const s = job(c).status;
    expect(s?.failed).toBe(2);
    expect(s?.conditions?.map((x) => [x.type, x.reason, x.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    const reasons = c.store.list('events').map((e) => (e as { reason?: string }).reason);
    expect(reasons).toContain('BackoffLimitExceeded');
  });

  it('OnFailure: container restarts count against backoffLimit', () => {
    const c = jobOnly();
    apply(c, JOB('  backoffLimit: 2\n', '', 'OnFailure'));
    c.step();
    const p = pods(c)[0] as PodObject;
    c.api.update({ ...p, status: { phase: 'Running', containerStatuses: [{ name: 'pi', image: 'perl', imageID: '', ready: false, restartCount: 3 }] } }, { subresource: 'status' });
    c.step();
    expect(job(c).status?.conditions?.find((x) => x.type === 'FailureTarget')?.reason).toBe('BackoffLimitExceeded');
    expect(c.store.get('pods', 'default', p.metadata.name)).toBeUndefined();
  });

  it('activeDeadlineSeconds: DeadlineExceeded deletes the running pod and fails the Job', () => {
    const c = jobOnly();
    apply(c, JOB('  activeDeadlineSeconds: 5\n'));
    c.runUntilSettled();
    const s = job(c).status;
    expect(s?.conditions?.find((x) => x.type === 'Failed')).toMatchObject({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    expect(pods(c)).toHaveLength(0);
  });

  it('Indexed: pods <job>-<index>-<suffix> with the completion-index annotation, label, hostname and env', () => {
    const c = jobOnly();
    apply(c, JOB('  completions: 3\n  parallelism: 3\n  completionMode: Indexed\n'));
    c.step();
    const ps = pods(c).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    expect(ps.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['pi-0', 'pi-1', 'pi-2']);
    expect(ps[1]?.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).toBe('1');
    expect(ps[1]?.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe('1');
    expect((ps[1]?.spec as { hostname?: string }).hostname).toBe('pi-1');
    expect(ps[1]?.spec?.containers[0]?.env?.[0]?.name).toBe('JOB_COMPLETION_INDEX');
    finish(c, ps[0] as PodObject, 'Succeeded');
    finish(c, ps[2] as PodObject, 'Succeeded');
    c.step();
    expect(job(c).status?.completedIndexes).toBe('0,2');
  });

  it('suspend deletes active pods and sets Suspended; resume creates them again', () => {
    const c = jobOnly();
    const j = apply(c, JOB());
    c.step();
    c.api.update({ ...job(c), spec: { ...job(c).spec, suspend: true } } as KubeObject);
    c.step();
    expect(pods(c)).toHaveLength(0);
    expect(job(c).status?.conditions?.[0]).toMatchObject({ type: 'Suspended', status: 'True', reason: 'JobSuspended' });
    c.api.update({ ...job(c), spec: { ...job(c).spec, suspend: false } } as KubeObject);
    c.step();
    expect(pods(c)).toHaveLength(1);
    expect(job(c).status?.conditions?.[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed' });
    expect(j.metadata.name).toBe('pi');
  });

  it('ttlSecondsAfterFinished deletes the finished Job', () => {
    const c = jobOnly();
    apply(c, JOB('  ttlSecondsAfterFinished: 10\n'));
    c.step();
    finish(c, pods(c)[0] as PodObject, 'Succeeded');
    c.step();
    expect(job(c).status?.completionTime).toBeDefined();
    c.tickN(9);
    expect(job(c)).toBeDefined();
    c.tickN(2);
    expect(c.records.some((r) => r.code === 'record.job.ttlExpired')).toBe(true);
  });
});

describe('podFailurePolicy', () => {
  const POLICY = `  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        containerName: pi
        operator: In
        values: [42]
    - action: Ignore
      onPodConditions:
      - type: DisruptionTarget
`;

  it('FailJob on a matching exit code fails the Job at once with reason PodFailurePolicy', () => {
    const c = jobOnly();
    apply(c, JOB(POLICY));
    c.step();
    const p = pods(c)[0] as PodObject;
    finish(c, p, 'Failed', 42);
    c.step();
    expect(job(c).status?.conditions?.find((x) => x.type === 'Failed')).toMatchObject({
      reason: 'PodFailurePolicy',
      message: `Container pi for pod default/${p.metadata.name} failed with exit code 42 matching FailJob rule at index 0`,
    });
  });

  it('Ignore: a disrupted pod is replaced without counting as a failure', () => {
    const c = jobOnly();
    apply(c, JOB(POLICY));
    c.step();
    const p = pods(c)[0] as PodObject;
    c.api.update({ ...p, status: { phase: 'Failed', conditions: [{ type: 'DisruptionTarget', status: 'True' }] } }, { subresource: 'status' });
    c.step();
    expect(job(c).status?.failed ?? 0).toBe(0);
    expect(pods(c)).toHaveLength(2);
  });
});
