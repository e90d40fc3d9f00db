import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster } from '../../cluster';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { findByKind } from '../resources';
import type { ResourceType } from '../resources';

const podType = findByKind('v1', 'Pod') as ResourceType;

const CORPUS = resolve(__dirname, '../../../../../shared/corpus/k8s-website-examples');
const DIR = 'admin/resource';

function docs(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(resolve(CORPUS, path), 'utf8'))
    .map((d) => d.toJS() as KubeObject | null)
    .filter((d): d is KubeObject => !!d && typeof d === 'object');
}

/** Every file of the corpus with a ResourceQuota or LimitRange (INDEX.tsv). */
function policyFiles(): string[] {
  return readFileSync(resolve(CORPUS, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter(([, , kinds]) => /(^|,)v1\/(ResourceQuota|LimitRange)(,|$)/.test(kinds ?? ''))
    .map(([p]) => p as string);
}

/**
 * Each policy file with the files its docs page applies after it, in the page's order, and
 * what a real cluster answers. Several docs examples are MEANT to be refused; their
 * kube-apiserver messages are the expected outcome (EXPECTED_REJECTIONS, by file).
 */
const WALKTHROUGHS: Record<string, string[]> = {
  'admin/resource/cpu-constraints.yaml': ['cpu-constraints-pod.yaml', 'cpu-constraints-pod-2.yaml', 'cpu-constraints-pod-3.yaml', 'cpu-constraints-pod-4.yaml'],
  'admin/resource/cpu-defaults.yaml': ['cpu-defaults-pod.yaml', 'cpu-defaults-pod-2.yaml', 'cpu-defaults-pod-3.yaml'],
  'admin/resource/memory-constraints.yaml': ['memory-constraints-pod.yaml', 'memory-constraints-pod-2.yaml', 'memory-constraints-pod-3.yaml', 'memory-constraints-pod-4.yaml'],
  'admin/resource/memory-defaults.yaml': ['memory-defaults-pod.yaml', 'memory-defaults-pod-2.yaml', 'memory-defaults-pod-3.yaml'],
  'admin/resource/limit-mem-cpu-container.yaml': ['limit-range-pod-1.yaml'],
  // busybox2 alone fits the Pod max (only two containers declare limits: 1 cpu, 400Mi); the page
  // shows it with the per-container defaults also in force, which push the sums over the max.
  'admin/resource/limit-mem-cpu-pod.yaml': ['limit-range-pod-2.yaml', 'limit-mem-cpu-container.yaml', 'limit-range-pod-2.yaml#again'],
  'admin/resource/limit-memory-ratio-pod.yaml': ['limit-range-pod-3.yaml'],
  'admin/resource/storagelimits.yaml': ['pvc-limit-lower.yaml', 'pvc-limit-greater.yaml'],
  'admin/resource/quota-mem-cpu.yaml': ['quota-mem-cpu-pod.yaml', 'quota-mem-cpu-pod-2.yaml'],
  'admin/resource/quota-objects.yaml': ['quota-objects-pvc.yaml', 'quota-objects-pvc-2.yaml'],
  'admin/resource/quota-pod.yaml': ['quota-pod-deployment.yaml'],
  'admin/resource/quota-objects-priority.yaml': [],
};

const EXPECTED_REJECTIONS: Record<string, string> = {
  'cpu-constraints-pod-2.yaml': 'pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m',
  'cpu-constraints-pod-3.yaml': 'pods "constraints-cpu-demo-3" is forbidden: minimum cpu usage per Container is 200m, but request is 100m',
  'memory-constraints-pod-2.yaml': 'pods "constraints-mem-demo-2" is forbidden: maximum memory usage per Container is 1Gi, but limit is 1536Mi',
  'memory-constraints-pod-3.yaml': 'pods "constraints-mem-demo-3" is forbidden: minimum memory usage per Container is 500Mi, but request is 100Mi',
  // busybox-cnt02 and -cnt04 declare no limit, and a Pod max needs every container's limit summed.
  'limit-range-pod-2.yaml#again': 'pods "busybox2" is forbidden: [maximum cpu usage per Pod is 2, but limit is 2400m, maximum memory usage per Pod is 2Gi, but limit is 2200Mi]',
  'limit-range-pod-3.yaml': 'pods "busybox3" is forbidden: memory max limit to request ratio per Pod is 2, but provided ratio is 3.000000',
  'pvc-limit-lower.yaml': 'persistentvolumeclaims "pvc-limit-lower" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi',
  'pvc-limit-greater.yaml': 'persistentvolumeclaims "pvc-limit-greater" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi',
  'quota-mem-cpu-pod-2.yaml':
    'pods "quota-mem-cpu-demo-2" is forbidden: exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi',
  'quota-objects-pvc-2.yaml':
    'persistentvolumeclaims "pvc-quota-demo-2" is forbidden: exceeded quota: object-quota-demo, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=1, limited: persistentvolumeclaims=1',
};

function apply(cluster: Cluster, path: string): string[] {
  return docs(path).map((doc) => {
    const res = cluster.api.create({ ...doc, metadata: { ...doc.metadata, namespace: 'walkthrough' } });
    return res.ok ? `${doc.kind}/${res.object.metadata.name} created` : `rejected: ${res.status.message}`;
  });
}

function walk(policy: string): { cluster: Cluster; outcomes: Record<string, string> } {
  const cluster = createCluster();
  cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'walkthrough' } });
  cluster.tickN(2);
  const outcomes: Record<string, string> = { [policy]: apply(cluster, policy).join('; ') };
  cluster.tickN(2);
  for (const f of WALKTHROUGHS[policy] ?? []) {
    if (f.endsWith('#again')) cluster.api.delete(podType, 'walkthrough', 'busybox2', { gracePeriodSeconds: 0 });
    outcomes[f] = apply(cluster, `${DIR}/${f.replace(/#again$/, '')}`).join('; ');
    cluster.tickN(2);
  }
  return { cluster, outcomes };
}

const container = (cluster: Cluster, pod: string, i = 0) =>
  (cluster.store.get('pods', 'walkthrough', pod)?.spec as { containers: { resources?: unknown }[] } | undefined)?.containers[i]?.resources;

describe.skipIf(!existsSync(CORPUS))('k8s website examples: ResourceQuota and LimitRange', () => {
  it('lists every policy file, applies it with its docs walkthrough, and refuses exactly the examples meant to be refused', () => {
    const files = policyFiles();
    expect(files.sort()).toEqual(Object.keys(WALKTHROUGHS).sort());
    const report: Record<string, string> = {};
    for (const p of files) Object.assign(report, walk(p).outcomes);
    for (const p of files) expect(report[p], p).not.toContain('rejected');
    for (const [f, outcome] of Object.entries(report)) {
      const expected = EXPECTED_REJECTIONS[f];
      if (expected) expect(outcome, f).toBe(`rejected: ${expected}`);
      else expect(outcome, f).toMatch(/ created$/);
    }
    expect(Object.keys(report).length).toBe(new Set([...files, ...Object.values(WALKTHROUGHS).flat()]).size);
  });

  it('fills container defaults from the LimitRange as the docs pages show', () => {
    const cpu = walk('admin/resource/cpu-defaults.yaml').cluster;
    expect(container(cpu, 'default-cpu-demo')).toEqual({ limits: { cpu: '1' }, requests: { cpu: '500m' } });
    expect(container(cpu, 'default-cpu-demo-2')).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1' } });
    expect(container(cpu, 'default-cpu-demo-3')).toEqual({ limits: { cpu: '1' }, requests: { cpu: '0.75' } });
    const mem = walk('admin/resource/memory-defaults.yaml').cluster;
    expect(container(mem, 'default-mem-demo')).toEqual({ limits: { memory: '512Mi' }, requests: { memory: '256Mi' } });
    expect(container(mem, 'default-mem-demo-2')).toEqual({ limits: { memory: '1Gi' }, requests: { memory: '1Gi' } });
    // A LimitRange with only min/max: the default limit and request are the max.
    const c = walk('admin/resource/cpu-constraints.yaml').cluster;
    expect(container(c, 'constraints-cpu-demo-4')).toEqual({ limits: { cpu: '800m' }, requests: { cpu: '800m' } });
    const pod = c.store.get('pods', 'walkthrough', 'constraints-cpu-demo-4');
    expect(pod?.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu request for container constraints-cpu-demo-4-ctr; cpu limit for container constraints-cpu-demo-4-ctr',
    );
    // cpu alone is limited and requested: memory is not, so the pod is Burstable, not Guaranteed.
    expect((pod?.status as { qosClass?: string }).qosClass).toBe('Burstable');
    const lr = walk('admin/resource/limit-mem-cpu-container.yaml').cluster;
    expect(container(lr, 'busybox1', 3)).toEqual({ limits: { cpu: '700m', memory: '900Mi' }, requests: { cpu: '110m', memory: '111Mi' } });
    expect(container(lr, 'busybox1', 1)).toEqual({ limits: { cpu: '700m', memory: '900Mi' }, requests: { cpu: '100m', memory: '100Mi' } });
  });

  it('quota-pod: a Deployment of 3 gets 2 pods; the ReplicaSet reports FailedCreate with the quota message', () => {
    const { cluster } = walk('admin/resource/quota-pod.yaml');
    cluster.runUntilSettled();
    const pods = cluster.store.list('pods', { namespace: 'walkthrough' });
    expect(pods.length).toBe(2);
    const ev = cluster.store.list('events', { namespace: 'walkthrough' }).find((e) => (e as { reason?: string }).reason === 'FailedCreate') as { message?: string } | undefined;
    expect(ev?.message).toMatch(/^Error creating: pods "pod-quota-demo-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2$/);
    expect(cluster.store.get('resourcequotas', 'walkthrough', 'pod-demo')?.status).toEqual({ hard: { pods: '2' }, used: { pods: '2' } });
  });

  it('quota-mem-cpu: status.used follows the admitted pod', () => {
    const { cluster } = walk('admin/resource/quota-mem-cpu.yaml');
    expect(cluster.store.get('resourcequotas', 'walkthrough', 'mem-cpu-demo')?.status).toEqual({
      hard: { 'limits.cpu': '2', 'limits.memory': '2Gi', 'requests.cpu': '1', 'requests.memory': '1Gi' },
      used: { 'limits.cpu': '800m', 'limits.memory': '800Mi', 'requests.cpu': '400m', 'requests.memory': '600Mi' },
    });
  });
});
