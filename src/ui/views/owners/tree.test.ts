import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/objects';
import { keyOf } from '../../../sim/objects';
import type { Objects } from '../../state/mirror';
import { buildOwnerForest, flatten } from './tree';
import { computeOwnerLayout, OWNER_METRICS } from './layout';

function objects(resources: Record<string, KubeObject[]>): Objects {
  const out: Objects = {};
  for (const [r, list] of Object.entries(resources)) out[r] = new Map(list.map((o) => [keyOf(o), o]));
  return out;
}

const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: `ns-${name}` } });

function owner(kind: string, name: string, uid: string) {
  return [{ apiVersion: kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1', kind, name, uid, controller: true, blockOwnerDeletion: true }];
}

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'd1', annotations: { 'deployment.kubernetes.io/revision': '2' } },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.16.1' }] } } },
  status: { replicas: 4, readyReplicas: 3 },
} as KubeObject;

function replicaSet(hash: string, uid: string, revision: string, desired: number, current: number, image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `web-${hash}`, namespace: 'default', uid, labels: { app: 'web', 'pod-template-hash': hash }, annotations: { 'deployment.kubernetes.io/revision': revision }, ownerReferences: owner('Deployment', 'web', 'd1') },
    spec: { replicas: desired, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: { spec: { containers: [{ name: 'nginx', image }] } } },
    status: { replicas: current, readyReplicas: current },
  } as KubeObject;
}

function pod(name: string, ns: string, owners?: ReturnType<typeof owner>, phase = 'Running', node = 'worker-1'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, uid: `p-${name}`, ...(owners ? { ownerReferences: owners } : {}) },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase, containerStatuses: phase === 'Running' ? [{ name: 'c', ready: true, restartCount: 0, image: 'nginx', imageID: '', state: { running: {} } }] : [] },
  } as KubeObject;
}

describe('buildOwnerForest', () => {
  it('hangs a rolling update as Deployment → new and old ReplicaSets (newest revision first) → their pods', () => {
    const forest = buildOwnerForest(
      objects({
        namespaces: [ns('default'), ns('kube-system'), ns('kube-public')],
        'deployments.apps': [deployment],
        'replicasets.apps': [replicaSet('5d59d67564', 'rs1', '1', 1, 2, 'nginx:1.14.2'), replicaSet('7b6d5f8c9d', 'rs2', '2', 3, 2, 'nginx:1.16.1')],
        pods: [
          pod('web-5d59d67564-aaaaa', 'default', owner('ReplicaSet', 'web-5d59d67564', 'rs1')),
          pod('web-5d59d67564-bbbbb', 'default', owner('ReplicaSet', 'web-5d59d67564', 'rs1'), 'Running'),
          pod('web-7b6d5f8c9d-ccccc', 'default', owner('ReplicaSet', 'web-7b6d5f8c9d', 'rs2')),
          pod('web-7b6d5f8c9d-ddddd', 'default', owner('ReplicaSet', 'web-7b6d5f8c9d', 'rs2'), 'Pending', ''),
          pod('standalone', 'default'),
        ],
      }),
    );
    // kube-public holds nothing and is left out; kube-system has nothing either.
    expect(forest.map((g) => g.namespace)).toEqual(['default']);
    const [dep, lone] = forest[0]?.roots ?? [];
    expect(dep?.kind).toBe('Deployment');
    expect(dep?.replicas).toEqual({ desired: 3, current: 4, ready: 3 });
    expect(dep?.children.map((c) => [c.name, c.revision, c.replicas, c.images])).toEqual([
      ['web-7b6d5f8c9d', '2', { desired: 3, current: 2, ready: 2 }, ['nginx:1.16.1']],
      ['web-5d59d67564', '1', { desired: 1, current: 2, ready: 2 }, ['nginx:1.14.2']],
    ]);
    expect(dep?.children[0]?.children.map((p) => [p.name, p.pod?.status.text, p.pod?.node])).toEqual([
      ['web-7b6d5f8c9d-ccccc', 'Running', 'worker-1'],
      ['web-7b6d5f8c9d-ddddd', 'Pending', ''],
    ]);
    expect(lone).toMatchObject({ kind: 'Pod', name: 'standalone', column: 2, children: [] });
    expect(lone?.owner).toBeUndefined();
    expect(dep?.children[0]?.children[0]?.owner).toEqual({ kind: 'ReplicaSet', name: 'web-7b6d5f8c9d' });
  });

  it('marks a ReplicaSet scaled to zero as idle, and a finished Job', () => {
    const forest = buildOwnerForest(
      objects({
        'replicasets.apps': [replicaSet('old', 'rs1', '1', 0, 0, 'nginx:1.14.2')],
        'jobs.batch': [
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            metadata: { name: 'pi', namespace: 'default', uid: 'j1' },
            spec: { completions: 1, template: { spec: { containers: [] } } },
            status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
          } as KubeObject,
        ],
      }),
    );
    const roots = forest[0]?.roots ?? [];
    expect(roots.map((r) => [r.kind, r.idle, r.detail])).toEqual([
      ['Job', true, '1/1 · Complete'],
      ['ReplicaSet', true, undefined],
    ]);
  });

  it('follows CronJob → Job → Pod and StatefulSet → pods and their claims by name', () => {
    const cron: KubeObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello', namespace: 'jobs', uid: 'c1' }, spec: { schedule: '* * * * *', jobTemplate: {} } } as KubeObject;
    const job: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'hello-29000000', namespace: 'jobs', uid: 'j1', ownerReferences: owner('CronJob', 'hello', 'c1') }, spec: { template: {} } } as KubeObject;
    const sts: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'db', uid: 's1' },
      spec: { replicas: 2, serviceName: 'nginx', selector: {}, template: {}, volumeClaimTemplates: [{ metadata: { name: 'www' } }] },
      status: { replicas: 1, readyReplicas: 1 },
    } as KubeObject;
    const pvc = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'db', uid: `pvc-${name}` }, status: { phase: 'Pending' } }) as KubeObject;
    const forest = buildOwnerForest(
      objects({
        'cronjobs.batch': [cron],
        'jobs.batch': [job],
        'statefulsets.apps': [sts],
        persistentvolumeclaims: [pvc('www-web-0'), pvc('www-web-1'), pvc('www-other-0')],
        pods: [pod('hello-29000000-x7k2p', 'jobs', owner('Job', 'hello-29000000', 'j1'), 'Succeeded'), pod('web-0', 'db', owner('StatefulSet', 'web', 's1'))],
      }),
    );
    const byNs = Object.fromEntries(forest.map((g) => [g.namespace, g.roots]));
    expect(byNs.jobs?.[0]?.children[0]?.children[0]).toMatchObject({ name: 'hello-29000000-x7k2p', pod: { status: { text: 'Succeeded', category: 'succeeded' } } });
    expect(byNs.jobs?.[0]?.detail).toBe('* * * * *');
    const set = byNs.db?.find((r) => r.kind === 'StatefulSet');
    expect(set?.children.map((c) => `${c.kind}/${c.name}`)).toEqual(['Pod/web-0', 'PersistentVolumeClaim/www-web-0', 'PersistentVolumeClaim/www-web-1']);
    // A claim whose name does not follow the template pattern for this set stays on its own.
    expect(byNs.db?.filter((r) => r.kind === 'PersistentVolumeClaim').map((r) => r.name)).toEqual(['www-other-0']);
  });

  it('leaves a pod whose owner reference names a deleted incarnation (other uid) at the root', () => {
    const forest = buildOwnerForest(
      objects({
        'replicasets.apps': [replicaSet('abc', 'rs-new', '1', 1, 1, 'nginx')],
        pods: [pod('web-abc-zzzzz', 'default', owner('ReplicaSet', 'web-abc', 'rs-old'))],
      }),
    );
    expect(forest[0]?.roots.map((r) => r.kind)).toEqual(['ReplicaSet', 'Pod']);
    expect(flatten(forest)).toHaveLength(2);
  });
});

describe('computeOwnerLayout', () => {
  it('puts each kind in its column, centres owners on their pods and never overlaps siblings', () => {
    const forest = buildOwnerForest(
      objects({
        'deployments.apps': [deployment],
        'replicasets.apps': [replicaSet('new', 'rs2', '2', 3, 3, 'nginx:1.16.1'), replicaSet('old', 'rs1', '1', 0, 0, 'nginx:1.14.2')],
        pods: ['a', 'b', 'c'].map((s) => pod(`web-new-${s}`, 'default', owner('ReplicaSet', 'web-new', 'rs2'))),
      }),
    );
    const layout = computeOwnerLayout(forest, 900);
    const r = (id: string) => layout.rects.get(id) as { x: number; y: number; w: number; h: number };
    expect(r('d1').x).toBe(layout.columns[0]?.x);
    expect(r('rs2').x).toBe(layout.columns[1]?.x);
    expect(r('p-web-new-a').x).toBe(layout.columns[2]?.x);
    // Old RS below the new one, boxes apart.
    expect(r('rs1').y).toBeGreaterThanOrEqual(r('rs2').y + OWNER_METRICS.boxHeight);
    // Deployment centred between its two ReplicaSets.
    const centre = r('d1').y + OWNER_METRICS.boxHeight / 2;
    expect(centre).toBeGreaterThan(r('rs2').y + OWNER_METRICS.boxHeight / 2);
    expect(centre).toBeLessThan(r('rs1').y + OWNER_METRICS.boxHeight / 2);
    // One owner link per ReplicaSet and per row of pods.
    expect(layout.links.map((l) => l.id)).toEqual(expect.arrayContaining(['d1>rs2', 'd1>rs1', 'rs2>p-web-new-a']));
    expect(layout.bands[0]?.rect.h).toBeGreaterThan(2 * OWNER_METRICS.boxHeight);
    expect(layout.width).toBe(900);
  });

  it('switches to the outline below the compact width, and never draws narrower than 300px', () => {
    expect(computeOwnerLayout([], 700).compact).toBe(false);
    expect(computeOwnerLayout([], 600).compact).toBe(true);
    const tiny = computeOwnerLayout([], 200);
    expect(tiny.width).toBe(300);
    expect((tiny.columns[2]?.x ?? 0) + (tiny.columns[2]?.w ?? 0)).toBeLessThanOrEqual(tiny.width);
  });
});

describe('computeOwnerLayout, outline mode', () => {
  it('indents ReplicaSets under their Deployment and pods under their ReplicaSet when the view is narrow', () => {
    const forest = buildOwnerForest(
      objects({
        'deployments.apps': [deployment],
        'replicasets.apps': [replicaSet('new', 'rs2', '2', 2, 2, 'nginx:1.16.1')],
        pods: ['a', 'b'].map((s) => pod(`web-new-${s}`, 'default', owner('ReplicaSet', 'web-new', 'rs2'))),
      }),
    );
    const layout = computeOwnerLayout(forest, 380);
    expect(layout.compact).toBe(true);
    const r = (id: string) => layout.rects.get(id) as { x: number; y: number; w: number; h: number };
    expect(r('rs2').x - r('d1').x).toBe(OWNER_METRICS.indent);
    expect(r('rs2').y).toBeGreaterThan(r('d1').y);
    expect(r('p-web-new-a').y).toBeGreaterThan(r('rs2').y);
    for (const rect of layout.rects.values()) expect(rect.x + rect.w).toBeLessThanOrEqual(380 - OWNER_METRICS.margin);
    expect(layout.links.find((l) => l.id === 'd1>rs2')?.d).toMatch(/^M[\d.]+,[\d.]+V[\d.]+H[\d.]+$/);
  });
});
