import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { Cluster } from '../../cluster';
import { runKubectl } from '../../kubectl/run';

/** Beside the clone: /work/main → /work/shared. */
const CORPUS = resolve(__dirname, '../../../../../shared/corpus/k8s-website-examples');
const files = (name: string) => readFileSync(resolve(CORPUS, name), 'utf8');

function applied(path: string): { cluster: Cluster; out: string; err: string; code: number } {
  const cluster = createCluster({ seed: 11, nodes: 2 });
  const r = runKubectl(cluster, `apply -f ${path}`, files);
  cluster.runUntilSettled(120);
  return { cluster, out: r.stdout, err: r.stderr, code: r.exitCode };
}

const get = (c: Cluster, what: string) => runKubectl(c, `get ${what}`, files).stdout;

/** Whether the kubelet runs container commands to completion yet (another issue-3 task). */
function kubeletRunsCommands(): boolean {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'probe' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['echo', 'hi'] }] } });
  c.runUntilSettled(60);
  return (c.store.get('pods', 'default', 'probe')?.status as { phase?: string } | undefined)?.phase === 'Succeeded';
}
const COMMANDS = kubeletRunsCommands();

/**
 * Every batch/v1 Job manifest of the Kubernetes docs, and the one CronJob (still batch/v1beta1,
 * removed in 1.25): what `kubectl apply` says and where the Job stands once the cluster settles.
 */
describe('k8s-website-examples: Jobs and CronJobs apply and run', () => {
  /** File, Job name, pods the controller starts at once, and `STATUS COMPLETIONS` once settled. */
  const jobs: [path: string, name: string, podsAtOnce: number, end: string][] = [
    ['controllers/job.yaml', 'pi', 1, 'Complete 1/1'],
    ['application/job/indexed-job.yaml', 'indexed-job', 3, 'Complete 5/5'],
    ['application/job/indexed-job-vol.yaml', 'indexed-job', 3, 'Complete 5/5'],
    // Placeholder images (gcr.io/<project>/...) never pull: the Job keeps waiting, as in a real cluster.
    ['application/job/rabbitmq/job.yaml', 'job-wq-1', 2, 'Running 0/8'],
    ['application/job/redis/job.yaml', 'job-wq-2', 2, 'Running 0/1 of 2'],
    // A native sidecar (init container with restartPolicy Always) is stopped once the job's container exits.
    ['application/job/job-sidecar.yaml', 'myjob', 1, 'Complete 1/1'],
    // Real behaviour, the problem native sidecars solve: the legacy sidecar's `tail -F` never
    // exits, so the pod never finishes and the Job stays Running.
    ['application/job/job-sidecar-legacy.yaml', 'myjob', 1, 'Running 0/1'],
    // backoffLimitPerIndex and successPolicy are not simulated: those run on backoffLimit and
    // completions alone. podFailurePolicy is (FailJob fails at the first exit 42).
    ['controllers/job-backoff-limit-per-index-example.yaml', 'job-backoff-limit-per-index-example', 3, 'Complete 10/10'],
    ['controllers/job-backoff-limit-per-index-failindex.yaml', 'job-backoff-limit-per-index-failindex', 2, 'Complete 4/4'],
    ['controllers/job-pod-failure-policy-config-issue.yaml', 'job-pod-failure-policy-config-issue', 2, 'Running 0/8'],
    ['controllers/job-pod-failure-policy-example.yaml', 'job-pod-failure-policy-example', 3, 'Failed 0/12'],
    ['controllers/job-pod-failure-policy-failjob.yaml', 'job-pod-failure-policy-failjob', 2, 'Failed 0/8'],
    ['controllers/job-success-policy.yaml', 'job-success', 10, 'Complete 10/10'],
  ];

  it.each(jobs)('%s: created, its pods started, then %s ends %s', (path, name, podsAtOnce, end) => {
    const cluster = createCluster({ seed: 11, nodes: 2 });
    const r = runKubectl(cluster, `apply -f ${path}`, files);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`job.batch/${name} created\n`);
    cluster.tickN(3);
    const job = cluster.store.get('jobs.batch', 'default', name);
    const owned = cluster.store.list('pods').filter((p) => p.metadata.ownerReferences?.some((o) => o.uid === job?.metadata.uid));
    expect(owned).toHaveLength(podsAtOnce);
    cluster.runUntilSettled(700);
    const table = get(cluster, 'jobs').split('\n');
    expect(table[0]).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE$/);
    const [, status, completions, ...rest] = (table[1] ?? '').split(/\s{2,}/);
    const shown = `${status} ${completions}`;
    // Until the kubelet runs commands, containers run until deleted and every Job stays Running.
    expect(shown).toBe(COMMANDS ? end : `Running ${completions}`);
    expect(rest.length).toBe(2);
  });

  it('application/job/job-tmpl.yaml: the unexpanded $ITEM name is rejected as kube-apiserver does', () => {
    const { err, code } = applied('application/job/job-tmpl.yaml');
    expect(code).toBe(1);
    expect(err).toContain('metadata.name: Invalid value: "process-item-$ITEM": a lowercase RFC 1123 subdomain must consist of');
  });

  it.skipIf(!COMMANDS)('controllers/job-pod-failure-policy-example.yaml: exit 42 matches the FailJob rule', () => {
    const c = createCluster({ seed: 11, nodes: 2 });
    runKubectl(c, 'apply -f controllers/job-pod-failure-policy-example.yaml', files);
    c.runUntilSettled(120);
    const failed = (c.store.get('jobs.batch', 'default', 'job-pod-failure-policy-example')?.status as { conditions?: { type: string; reason?: string; message?: string }[] })?.conditions?.find((x) => x.type === 'Failed');
    expect(failed?.reason).toBe('PodFailurePolicy');
    expect(failed?.message).toMatch(/^Container main for pod default\/job-pod-failure-policy-example-[a-z0-9]{5} failed with exit code 42 matching FailJob rule at index 0$/);
  });

  it('controllers/job-pod-failure-policy-ignore.yaml: a tab in its indentation is a YAML error, for kubectl too', () => {
    const { err, code } = applied('controllers/job-pod-failure-policy-ignore.yaml');
    expect(code).toBe(1);
    expect(err).toContain('error converting YAML to JSON: yaml: line 24: found character that cannot start any token');
  });

  it('controllers/job-success-policy-example.yaml: a fragment without metadata.name is rejected', () => {
    const { err, code } = applied('controllers/job-success-policy-example.yaml');
    expect(code).toBe(1);
    expect(err).toBe('The Job "" is invalid: metadata.name: Required value: name or generateName is required\n');
  });

  it('application/job/cronjob.yaml: batch/v1beta1 CronJob is gone since 1.25', () => {
    const { err, code } = applied('application/job/cronjob.yaml');
    expect(code).toBe(1);
    expect(err).toContain('no matches for kind "CronJob" in version "batch/v1beta1"');
  });

  it('the same CronJob as batch/v1 creates a Job every minute on the sim clock', () => {
    const c = createCluster({ seed: 11, nodes: 2 });
    const yaml = files('application/job/cronjob.yaml').replace('batch/v1beta1', 'batch/v1');
    expect(runKubectl(c, 'apply -f cj.yaml', () => yaml).stdout).toBe('cronjob.batch/hello created\n');
    expect(c.runUntilSettled()).toBeLessThan(10);
    c.tickN(60);
    c.runUntilSettled(30);
    const table = get(c, 'cronjobs');
    expect(table.split('\n')[0]).toMatch(/^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE$/);
    expect(table).toMatch(/^hello\s+\* \* \* \* \*\s+<none>\s+False\s+[01]\s+\d+s\s+\d+s$/m);
    expect(c.store.list('jobs.batch')).toHaveLength(1);
    expect(c.store.list('pods').length).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(!COMMANDS)('pi: describe job shows the finished Job the way kubectl does', () => {
    const c = createCluster({ seed: 11, nodes: 2 });
    runKubectl(c, 'apply -f controllers/job.yaml', files);
    c.runUntilSettled(300);
    const text = runKubectl(c, 'describe job pi', files).stdout;
    expect(text).toMatch(/^Name:\s+pi$/m);
    expect(text).toMatch(/^Selector:\s+batch\.kubernetes\.io\/controller-uid=[0-9a-f-]+$/m);
    expect(text).toMatch(/^Backoff Limit:\s+4$/m);
    expect(text).toMatch(/^Pods Statuses:\s+0 Active \(0 Ready\) \/ 1 Succeeded \/ 0 Failed$/m);
    expect(text).toMatch(/Normal\s+SuccessfulCreate\s+\S+\s+job-controller\s+Created pod: pi-[a-z0-9]{5}/);
    expect(text).toMatch(/Normal\s+Completed\s+\S+\s+job-controller\s+Job completed/);
  });
});
