import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { runKubectl } from './run';

const CJ = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "@hourly"
  jobTemplate:
    metadata:
      labels: {app: hello}
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            command: ["echo", "hi"]
          restartPolicy: OnFailure
`;

describe('kubectl create job', () => {
  it('--from=cronjob/NAME runs the template now, owned by the CronJob and marked manual', () => {
    const c = createCluster({ seed: 2 });
    runKubectl(c, 'apply -f cj.yaml', () => CJ);
    expect(runKubectl(c, 'create job manual-1 --from=cronjob/hello', () => undefined)).toEqual({ stdout: 'job.batch/manual-1 created\n', stderr: '', exitCode: 0 });
    const job = c.store.get('jobs.batch', 'default', 'manual-1');
    expect(job?.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(job?.metadata.labels?.app).toBe('hello');
    expect(job?.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: c.store.get('cronjobs.batch', 'default', 'hello')?.metadata.uid, controller: true }]);
    c.runUntilSettled();
    expect(c.store.list('pods').filter((p) => p.metadata.name.startsWith('manual-1-'))).toHaveLength(1);
  });

  it('--image with a command after --', () => {
    const c = createCluster({ seed: 2 });
    expect(runKubectl(c, 'create job once --image=busybox:1.36 -- echo hello', () => undefined).stdout).toBe('job.batch/once created\n');
    const spec = c.store.get('jobs.batch', 'default', 'once')?.spec as { template: { spec: { containers: { command?: string[] }[]; restartPolicy: string } } };
    expect(spec.template.spec.containers[0]?.command).toEqual(['echo', 'hello']);
    expect(spec.template.spec.restartPolicy).toBe('Never');
  });

  it('a missing CronJob is NotFound', () => {
    const r = runKubectl(createCluster({ seed: 2 }), 'create job x --from=cronjob/nope', () => undefined);
    expect(r).toMatchObject({ exitCode: 1, stderr: 'Error from server (NotFound): cronjobs.batch "nope" not found\n' });
  });
});
