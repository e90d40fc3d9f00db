import { describe, expect, it } from 'vitest';
import { Cluster, createCluster } from '../cluster';
import type { KubeObject } from '../objects';
import { ownerRefTo } from '../objects';
import { findByKind } from '../api/resources';
import type { ResourceType } from '../api/resources';
import type { DeleteOptions } from '../api/server';
import { createGarbageCollector } from './garbagecollector';
import { runKubectl } from '../kubectl/run';

const POD = findByKind('v1', 'Pod') as ResourceType;

function pod(name: string, owner?: KubeObject, block = true): KubeObject {
  const ref = owner ? { ...ownerRefTo(owner), blockOwnerDeletion: block } : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(ref ? { ownerReferences: [ref] } : {}) },
    spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] },
  };
}

/** Only the garbage collector runs, and pods are never scheduled, so deletes are immediate. */
function gcOnly(): Cluster {
  const c = new Cluster({ seed: 3 }, [createGarbageCollector()]).bootstrap();
  c.drainDelta();
  return c;
}

function create(c: Cluster, obj: KubeObject): KubeObject {
  const r = c.api.create(obj);
  if (!r.ok) throw new Error(r.status.message);
  return r.object;
}

function family(c: Cluster): { owner: KubeObject; kids: KubeObject[] } {
  const owner = create(c, pod('owner'));
  const kids = [create(c, pod('kid-a', owner)), create(c, pod('kid-b', owner, false))];
  c.runUntilSettled();
  return { owner, kids };
}

const names = (c: Cluster) => c.store.list('pods', { namespace: 'default' }).map((p) => p.metadata.name).sort();
const del = (c: Cluster, name: string, opts: DeleteOptions) => c.api.delete(POD, 'default', name, opts);

describe('garbage collector', () => {
  it('leaves dependents alone while their owner exists', () => {
    const c = gcOnly();
    family(c);
    expect(names(c)).toEqual(['kid-a', 'kid-b', 'owner']);
    expect(c.records.filter((r) => r.controller === 'garbage-collector')).toEqual([]);
  });

  it('background: the owner goes at once, then the collector deletes its dependents', () => {
    const c = gcOnly();
    family(c);
    expect(del(c, 'owner', { propagationPolicy: 'Background' }).ok).toBe(true);
    expect(names(c)).toEqual(['kid-a', 'kid-b']);
    c.step();
    expect(names(c)).toEqual([]);
    const recs = c.records.filter((r) => r.controller === 'garbage-collector');
    expect(recs.map((r) => [r.action, r.target.name, r.code])).toEqual([
      ['delete', 'kid-a', 'record.gc.deleteDependent'],
      ['delete', 'kid-b', 'record.gc.deleteDependent'],
    ]);
    expect(recs[0]?.reason).toBe('Pod kid-a belongs to Pod owner, which no longer exists, so the garbage collector deletes it');
  });

  it('foreground: the owner waits with a foregroundDeletion finalizer until blocking dependents are gone', () => {
    const c = gcOnly();
    family(c);
    del(c, 'owner', { propagationPolicy: 'Foreground' });
    const owner = c.store.get('pods', 'default', 'owner');
    expect(owner?.metadata.deletionTimestamp).toBeDefined();
    expect(owner?.metadata.finalizers).toEqual(['foregroundDeletion']);
    c.step(); // dependents deleted
    expect(names(c)).toEqual(['owner']);
    c.step(); // their deletion wakes the owner: finalizer removed, owner gone
    expect(names(c)).toEqual([]);
    expect(c.records.filter((r) => r.controller === 'garbage-collector').map((r) => r.code)).toEqual([
      'record.gc.deleteForeground',
      'record.gc.deleteForeground',
      'record.gc.foregroundFinalized',
    ]);
    expect(c.runUntilSettled()).toBe(1);
  });

  it('foreground: a dependent with its own finalizer holds the owner back', () => {
    const c = gcOnly();
    const owner = create(c, pod('owner'));
    const kid = pod('kid', owner);
    kid.metadata.finalizers = ['example.com/hold'];
    create(c, kid);
    c.runUntilSettled();
    del(c, 'owner', { propagationPolicy: 'Foreground' });
    c.runUntilSettled();
    expect(names(c)).toEqual(['kid', 'owner']);
    const held = c.store.get('pods', 'default', 'kid') as KubeObject;
    c.api.update({ ...held, metadata: { ...held.metadata, finalizers: [] } });
    c.runUntilSettled();
    expect(names(c)).toEqual([]);
  });

  it('orphan: dependents lose their owner reference and stay; the owner goes', () => {
    const c = gcOnly();
    family(c);
    del(c, 'owner', { propagationPolicy: 'Orphan' });
    expect(c.store.get('pods', 'default', 'owner')?.metadata.finalizers).toEqual(['orphan']);
    c.step();
    expect(names(c)).toEqual(['kid-a', 'kid-b']);
    for (const n of ['kid-a', 'kid-b']) expect(c.store.get('pods', 'default', n)?.metadata.ownerReferences).toBeUndefined();
    expect(c.records.filter((r) => r.controller === 'garbage-collector').map((r) => r.code)).toEqual([
      'record.gc.orphan',
      'record.gc.orphan',
      'record.gc.orphanFinalized',
    ]);
  });

  it('deletes an object created with an owner that does not exist, and drops only dangling references', () => {
    const c = gcOnly();
    const owner = create(c, pod('owner'));
    const orphan = pod('stray');
    orphan.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Pod', name: 'ghost', uid: 'no-such-uid' }];
    create(c, orphan);
    const two = pod('two', owner);
    two.metadata.ownerReferences = [...(two.metadata.ownerReferences ?? []), { apiVersion: 'v1', kind: 'Pod', name: 'ghost', uid: 'no-such-uid' }];
    create(c, two);
    c.runUntilSettled();
    expect(names(c)).toEqual(['owner', 'two']);
    expect(c.store.get('pods', 'default', 'two')?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['owner']);
  });

  it('rebuilds its index after a restore and still cascades', () => {
    const c = gcOnly();
    family(c);
    const restored = Cluster.fromState(c.exportState(), [createGarbageCollector()]);
    restored.api.delete(POD, 'default', 'owner', {});
    restored.runUntilSettled();
    expect(names(restored)).toEqual([]);
  });

  it('kubectl delete --cascade=orphan|foreground on a full cluster, running pods included', () => {
    const c = createCluster({ seed: 5, nodes: 2 });
    const owner = create(c, pod('owner'));
    create(c, pod('kid', owner));
    c.runUntilSettled();
    expect(runKubectl(c, 'delete pod owner --cascade=orphan', () => undefined).stdout).toBe('pod "owner" deleted from default namespace\n');
    c.runUntilSettled();
    expect(names(c)).toEqual(['kid']);
    const owner2 = create(c, pod('owner2'));
    create(c, pod('kid2', owner2));
    c.runUntilSettled();
    runKubectl(c, 'delete pod owner2 --cascade=foreground', () => undefined);
    c.runUntilSettled();
    expect(names(c)).toEqual(['kid']);
  });
});

describe('garbage collector with the workload controllers', () => {
  const CJ = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: c
            image: busybox:1.36
            command: ["sleep", "600"]
          restartPolicy: Never
`;

  it('deleting a CronJob takes its Jobs and their pods with it (background)', () => {
    const c = createCluster({ seed: 8, nodes: 2 });
    runKubectl(c, 'apply -f cj.yaml', () => CJ);
    // The pod sleeps 600 s, so the cluster is busy, not settled: step a few ticks instead.
    c.tickN(70);
    expect(c.store.list('jobs.batch')).toHaveLength(1);
    expect(c.store.list('pods', { namespace: 'default' })).toHaveLength(1);
    expect(runKubectl(c, 'delete cronjob tick', () => undefined).stdout).toBe('cronjob.batch "tick" deleted from default namespace\n');
    c.runUntilSettled();
    expect(c.store.list('jobs.batch')).toHaveLength(0);
    expect(c.store.list('pods', { namespace: 'default' })).toHaveLength(0);
    const gc = c.records.filter((r) => r.controller === 'garbage-collector').map((r) => `${r.action} ${r.target.kind}`);
    expect(gc).toEqual(['delete Job', 'delete Pod']);
  });

  it('kubectl delete job --cascade=orphan leaves its pod running', () => {
    const c = createCluster({ seed: 8, nodes: 2 });
    runKubectl(c, 'apply -f cj.yaml', () => CJ);
    runKubectl(c, 'create job manual --from=cronjob/tick', () => undefined);
    c.tickN(10);
    runKubectl(c, 'delete job manual --cascade=orphan', () => undefined);
    c.tickN(5);
    expect(c.store.get('jobs.batch', 'default', 'manual')).toBeUndefined();
    const pod = c.store.list('pods').find((p) => p.metadata.name.startsWith('manual-'));
    expect(pod?.metadata.ownerReferences).toBeUndefined();
    expect((pod?.status as { phase?: string }).phase).toBe('Running');
  });
});
