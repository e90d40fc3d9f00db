import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/objects';
import { keyOf } from '../../../sim/objects';
import type { ReconcileRecord } from '../../../sim/controllers/types';
import type { Objects } from '../../state/mirror';
import { ageOf, eventsFor, findObject, ownerPath, podScheduling, recordsFor, whyChain } from './model';
import { objectStatus } from './status';

const deployment: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nginx-deployment', namespace: 'default', uid: 'd1' } };
const rs: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'nginx-deployment-66b6c48dd5', namespace: 'default', uid: 'r1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx-deployment', uid: 'd1', controller: true }] },
};
const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx-deployment-66b6c48dd5-x7k2p', namespace: 'default', uid: 'p1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'nginx-deployment-66b6c48dd5', uid: 'r1', controller: true }] },
  spec: { nodeName: 'worker-1', containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] },
  status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] },
};

function objectsOf(list: Record<string, KubeObject[]>): Objects {
  const out: Objects = {};
  for (const [r, objs] of Object.entries(list)) out[r] = new Map(objs.map((o) => [keyOf(o), o]));
  return out;
}

const rec = (tick: number, controller: string, action: ReconcileRecord['action'], kind: string, name: string, reason: string): ReconcileRecord => ({
  tick,
  controller,
  key: `default/${name}`,
  action,
  target: { kind, namespace: 'default', name },
  reason,
});

describe('whyChain', () => {
  const records = [
    rec(1, 'kubectl', 'create', 'Deployment', 'nginx-deployment', 'kubectl apply created the Deployment'),
    rec(2, 'deployment-controller', 'create', 'ReplicaSet', 'nginx-deployment-66b6c48dd5', 'Scaled up replica set'),
    rec(3, 'replicaset-controller', 'create', 'Pod', 'nginx-deployment-66b6c48dd5-x7k2p', 'Created pod'),
    rec(3, 'replicaset-controller', 'create', 'Pod', 'other', 'Created another pod'),
    rec(4, 'default-scheduler', 'bind', 'Pod', 'nginx-deployment-66b6c48dd5-x7k2p', 'Successfully assigned to worker-1'),
    rec(5, 'kubelet', 'status', 'Pod', 'nginx-deployment-66b6c48dd5-x7k2p', 'Started containers'),
  ];
  const objects = objectsOf({ deployments: [deployment], replicasets: [rs], pods: [pod] });

  it('walks owners back to the manifest, then the pod’s own story, in tick order', () => {
    const steps = whyChain(objects, records, pod);
    expect(steps.map((s) => [s.record.tick, s.record.controller, s.own])).toEqual([
      [1, 'kubectl', false],
      [2, 'deployment-controller', false],
      [3, 'replicaset-controller', true],
      [4, 'default-scheduler', true],
      [5, 'kubelet', true],
    ]);
  });

  it('points a rolling update’s new ReplicaSet and its pods at the apply that changed the template', () => {
    const rs2: KubeObject = { ...rs, metadata: { ...rs.metadata, name: 'nginx-deployment-7b6d5f8c9d', uid: 'r2' } };
    const pod2: KubeObject = { ...pod, metadata: { ...pod.metadata, name: 'nginx-deployment-7b6d5f8c9d-abcde', uid: 'p2', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'nginx-deployment-7b6d5f8c9d', uid: 'r2', controller: true }] } };
    const rollout = [
      ...records,
      { ...rec(20, 'kubectl', 'update', 'Deployment', 'nginx-deployment', 'kubectl applied changes to Deployment nginx-deployment'), code: 'record.kubectl.apply' },
      rec(21, 'deployment-controller', 'create', 'ReplicaSet', 'nginx-deployment-7b6d5f8c9d', 'Scaled up replica set'),
      rec(22, 'replicaset-controller', 'create', 'Pod', 'nginx-deployment-7b6d5f8c9d-abcde', 'Created pod'),
    ];
    const all = objectsOf({ deployments: [deployment], replicasets: [rs, rs2], pods: [pod, pod2] });
    expect(whyChain(all, rollout, pod2).map((s) => [s.record.tick, s.record.controller, s.record.target.name])).toEqual([
      [20, 'kubectl', 'nginx-deployment'],
      [21, 'deployment-controller', 'nginx-deployment-7b6d5f8c9d'],
      [22, 'replicaset-controller', 'nginx-deployment-7b6d5f8c9d-abcde'],
    ]);
    // The old ReplicaSet's pods still trace back to the first create.
    expect(whyChain(all, rollout, pod)[0]?.record.tick).toBe(1);
    expect(ownerPath(all, pod2)).toEqual([
      { kind: 'Deployment', namespace: 'default', name: 'nginx-deployment' },
      { kind: 'ReplicaSet', namespace: 'default', name: 'nginx-deployment-7b6d5f8c9d' },
    ]);
  });

  it('starts a recreated object’s story at its latest creation', () => {
    const again = [...records, rec(9, 'kubectl', 'delete', 'Pod', 'other', 'deleted'), rec(10, 'kubectl', 'create', 'Pod', 'other', 'created again')];
    expect(recordsFor(again, { kind: 'Pod', namespace: 'default', name: 'other' }).map((r) => r.tick)).toEqual([10]);
  });

  it('finds objects by kind across buckets', () => {
    expect(findObject(objects, { kind: 'ReplicaSet', namespace: 'default', name: 'nginx-deployment-66b6c48dd5' })).toBe(rs);
    expect(findObject(objects, { kind: 'Pod', namespace: 'default', name: 'nginx-deployment-66b6c48dd5' })).toBeUndefined();
  });
});

describe('eventsFor', () => {
  it('keeps only events whose involvedObject is this object, oldest first', () => {
    const ev = (name: string, involved: string, ts: string, uid = 'p1'): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'default' },
      involvedObject: { kind: 'Pod', name: involved, namespace: 'default', uid },
      reason: 'Scheduled',
      message: 'Successfully assigned',
      type: 'Normal',
      lastTimestamp: ts,
    });
    const objects = objectsOf({
      events: [
        ev('b', 'nginx-deployment-66b6c48dd5-x7k2p', '2026-01-01T09:00:05Z'),
        ev('a', 'nginx-deployment-66b6c48dd5-x7k2p', '2026-01-01T09:00:03Z'),
        ev('c', 'someone-else', '2026-01-01T09:00:04Z'),
        ev('d', 'nginx-deployment-66b6c48dd5-x7k2p', '2026-01-01T09:00:01Z', 'an-earlier-pod'),
      ],
    });
    expect(eventsFor(objects, pod).map((e) => e.metadata.name)).toEqual(['a', 'b']);
  });
});

describe('formatting', () => {
  it('prints ages like kubectl', () => {
    // The sim epoch (tick 0) is 2026-01-01T09:00:00Z and a tick is one second.
    const created = '2026-01-01T09:00:00Z';
    expect(ageOf(created, 5)).toBe('5s');
    expect(ageOf(created, 150)).toBe('2m30s');
    expect(ageOf(created, 15 * 60)).toBe('15m');
    expect(ageOf(created, 5 * 3600 + 60)).toBe('5h1m');
    expect(ageOf(created, 3 * 86400)).toBe('3d');
    expect(ageOf('2026-01-01T09:00:10Z', 70)).toBe('60s');
    expect(ageOf(undefined, 70)).toBe('<unknown>');
  });

  it('reads the scheduling facts and header status from the object', () => {
    expect(podScheduling(pod)).toMatchObject({ node: 'worker-1', condition: { type: 'PodScheduled', status: 'True' } });
    expect(objectStatus(pod)).toEqual({ text: 'Pending', category: 'pending' });
    expect(objectStatus({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, status: { phase: 'Active' } })).toEqual({ text: 'Active', category: 'running' });
  });
});
