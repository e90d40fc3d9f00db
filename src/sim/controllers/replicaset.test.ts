import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { ownerRefTo } from '../objects';
import { parseManifest } from '../yaml/parse';
import { at, putPod, running } from '../kubectl/testing';
import { createReplicaSetController } from './replicaset';
import { createReplicationControllerManager } from './replicationcontroller';
import type { ReplicaSetObject } from './deployment/util';
import type { PodObject } from './replicapods';
import { controllerRefOf, rankForDeletion } from './replicapods';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/k8s-website-examples');
const corpus = (p: string) => readFileSync(resolve(CORPUS, p), 'utf8');

/** Only the controller under test runs: pods stay where the test puts them. */
function only(...controllers: ReturnType<typeof createReplicaSetController>[]): Cluster {
  const c = new Cluster({ seed: 11 }, controllers).bootstrap();
  c.drainDelta();
  return c;
}

function apply(c: Cluster, yaml: string, patch: (o: KubeObject) => void = () => {}): KubeObject {
  const obj = parseManifest(yaml).documents[0]?.object as KubeObject;
  patch(obj);
  const r = c.api.create(obj);
  if (!r.ok) throw new Error(r.status.message);
  return r.object;
}

/** The writes one controller made since record `from`, as `action Kind name`. */
const writes = (c: Cluster, controller: string, from = 0) =>
  c.records.slice(from).filter((r) => r.controller === controller).map((r) => `${r.action} ${r.target.kind} ${r.target.name}`);

const pods = (c: Cluster) => c.store.list<PodObject>('pods', { namespace: 'default' });
const rs = (c: Cluster) => c.store.get<ReplicaSetObject>('replicasets.apps', 'default', 'frontend') as ReplicaSetObject;

describe('ReplicaSet controller (controllers/frontend.yaml)', () => {
  it('creates the missing pods with owner references and SuccessfulCreate events, then reports status', () => {
    const c = only(createReplicaSetController());
    apply(c, corpus('controllers/frontend.yaml'));
    c.step();
    const made = pods(c);
    expect(made).toHaveLength(3);
    expect(writes(c, 'replicaset-controller')).toEqual([...made.map((p) => `create Pod ${p.metadata.name}`), 'status ReplicaSet frontend']);
    for (const p of made) {
      expect(p.metadata.name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({ tier: 'frontend' });
      expect(controllerRefOf(p)).toMatchObject({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', controller: true, blockOwnerDeletion: true });
    }
    const events = c.store.list('events', { namespace: 'default' }) as (KubeObject & { reason?: string; message?: string })[];
    expect(events.map((e) => `${e.reason}: ${e.message}`).sort()).toEqual(made.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    // Status counts the pods seen when the sync began (none), as kube's calculateStatus does.
    expect(rs(c).status).toEqual({ replicas: 0, observedGeneration: 1 });
    const from = c.records.length;
    c.step();
    expect(writes(c, 'replicaset-controller', from)).toEqual(['status ReplicaSet frontend']);
    expect(rs(c).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    c.step();
    expect(c.settled()).toBe(true);
  });

  it('adopts an orphan pod its selector matches and creates only the rest', () => {
    const c = only(createReplicaSetController());
    // A pod made by hand (through the API, so it is defaulted like any other) that happens to match.
    const made = c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    expect(made.ok).toBe(true);
    apply(c, corpus('controllers/frontend.yaml'));
    c.step();
    const w = writes(c, 'replicaset-controller');
    expect(w[0]).toBe('update Pod stray');
    expect(w.filter((x) => x.startsWith('create Pod'))).toHaveLength(2);
    expect(controllerRefOf(c.store.get('pods', 'default', 'stray') as KubeObject)).toMatchObject({ kind: 'ReplicaSet', name: 'frontend' });
  });

  it('releases a pod whose labels no longer match, and replaces it', () => {
    const c = only(createReplicaSetController());
    apply(c, corpus('controllers/frontend.yaml'));
    c.step();
    c.step();
    const [first] = pods(c) as [PodObject];
    c.api.update({ ...first, metadata: { ...first.metadata, labels: { tier: 'debug' } } });
    const from = c.records.length;
    c.step();
    const w = writes(c, 'replicaset-controller', from);
    expect(w[0]).toBe(`update Pod ${first.metadata.name}`);
    expect(w.filter((x) => x.startsWith('create Pod'))).toHaveLength(1);
    expect((c.store.get('pods', 'default', first.metadata.name) as KubeObject).metadata.ownerReferences).toEqual([]);
  });

  it('scales down the way kube ranks pods: unscheduled, then pending, then not ready, newest first', () => {
    const c = only(createReplicaSetController());
    const owner = apply(c, corpus('controllers/frontend.yaml'), (o) => ((o.spec as { replicas: number }).replicas = 5));
    const own = (p: KubeObject) => c.store.update('pods', { ...p, metadata: { ...p.metadata, ownerReferences: [ownerRefTo(owner)] } });
    const labels = { tier: 'frontend' };
    own(putPod(c, 'ready-old', running(c, '10.244.1.2'), { node: 'worker-1', labels, createdAt: 1 }));
    own(putPod(c, 'ready-new', running(c, '10.244.2.2'), { node: 'worker-2', labels, createdAt: 5 }));
    own(putPod(c, 'pending', { phase: 'Pending' }, { node: 'worker-1', labels, createdAt: 2 }));
    own(putPod(c, 'unscheduled', { phase: 'Pending' }, { labels, createdAt: 0 }));
    const notReady = running(c, '10.244.2.3');
    own(putPod(c, 'not-ready', { ...notReady, conditions: notReady?.conditions?.map((x) => (x.type === 'Ready' ? { ...x, status: 'False' } : x)) }, { node: 'worker-2', labels, createdAt: 3 }));
    const ranked = rankForDeletion(pods(c), pods(c)).map((p) => p.metadata.name);
    expect(ranked).toEqual(['unscheduled', 'pending', 'not-ready', 'ready-new', 'ready-old']);
    c.api.update({ ...rs(c), spec: { ...rs(c).spec, replicas: 2 } } as KubeObject);
    const from = c.records.length;
    c.step();
    expect(writes(c, 'replicaset-controller', from)).toEqual(['delete Pod unscheduled', 'delete Pod pending', 'delete Pod not-ready', 'status ReplicaSet frontend']);
    const events = (c.store.list('events', { namespace: 'default' }) as (KubeObject & { reason?: string; message?: string })[]).map((e) => `${e.reason}: ${e.message}`);
    expect(events).toContain('SuccessfulDelete: Deleted pod: pending');
  });

  it('counts a ready pod as available only after minReadySeconds, and comes back for it', () => {
    const c = only(createReplicaSetController());
    const owner = apply(c, corpus('controllers/frontend.yaml'), (o) => {
      const spec = o.spec as { replicas: number; minReadySeconds: number };
      spec.replicas = 1;
      spec.minReadySeconds = 5;
    });
    const p = putPod(c, 'frontend-one', running(c, '10.244.1.2'), { node: 'worker-1', labels: { tier: 'frontend' } });
    c.store.update('pods', { ...p, metadata: { ...p.metadata, ownerReferences: [ownerRefTo(owner)] }, status: { ...(p.status as object), conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at(c, 1) }] } });
    c.step();
    expect(rs(c).status).toMatchObject({ replicas: 1, readyReplicas: 1 });
    expect(rs(c).status?.availableReplicas).toBeUndefined();
    c.runUntilSettled();
    expect(rs(c).status?.availableReplicas).toBe(1);
    expect(c.clock.nowMillis()).toBeGreaterThanOrEqual(Date.parse(at(c, 6)));
  });
});

describe('ReplicationController (controllers/replication.yaml)', () => {
  it('defaults selector and labels from the template and keeps 3 pods with the same code as ReplicaSets', () => {
    const c = only(createReplicationControllerManager());
    const rc = apply(c, corpus('controllers/replication.yaml'));
    expect((rc.spec as { selector: unknown }).selector).toEqual({ app: 'nginx' });
    c.step();
    expect(writes(c, 'replication-controller').filter((w) => w.startsWith('create Pod'))).toHaveLength(3);
    for (const p of pods(c)) expect(controllerRefOf(p)).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', name: 'nginx' });
  });
});
