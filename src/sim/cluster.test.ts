import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster, createCluster } from './cluster';
import type { KubeObject } from './objects';
import type { PodObject } from './scheduler/types';
import { schedulingResultFor } from './scheduler/scheduler';

function pod(name: string, spec: Partial<Pod['spec']> & object = {}, namespace?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...spec },
  };
}

const get = (c: Cluster, name: string, ns = 'default') => c.store.get('pods', ns, name) as PodObject | undefined;

describe('a pod, one hop per tick', () => {
  it('is bound, then ContainerCreating, then Running with an IP from its node', () => {
    const c = createCluster({ seed: 42, nodes: 2 });
    expect(c.api.create(pod('web')).ok).toBe(true);

    c.tickN(1);
    const node = get(c, 'web')?.spec?.nodeName;
    expect(node).toMatch(/^worker-[12]$/);
    expect(get(c, 'web')?.status?.containerStatuses).toBeUndefined();

    c.tickN(1);
    expect(get(c, 'web')?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');

    let ticks = 0;
    while (get(c, 'web')?.status?.phase !== 'Running' && ticks++ < 10) c.tickN(1);
    const s = get(c, 'web')?.status;
    expect(s?.phase).toBe('Running');
    const cidr = (c.store.get('nodes', undefined, node as string)?.spec as { podCIDR: string }).podCIDR;
    expect(s?.podIP?.startsWith(cidr.replace(/0\/24$/, ''))).toBe(true);
    expect(c.records.filter((r) => r.target.name === 'web').map((r) => r.controller)).toEqual([
      'default-scheduler',
      `kubelet/${node}`,
      `kubelet/${node}`,
    ]);
  });

  it('never puts an ordinary pod on the tainted control-plane', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    for (let i = 0; i < 10; i++) c.api.create(pod(`p${i}`));
    c.runUntilSettled();
    const nodes = new Set(c.store.list<PodObject>('pods', { namespace: 'default' }).map((p) => p.spec?.nodeName));
    expect([...nodes].sort()).toEqual(['worker-1', 'worker-2']);
  });
});

describe('unschedulable pods', () => {
  it('reports FailedScheduling with kube-scheduler\'s message when requests exceed every node', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.api.create(pod('huge', { containers: [{ name: 'x', image: 'nginx', resources: { requests: { cpu: '100' } } }] }));
    c.runUntilSettled();
    const msg =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    const ev = c.store.list('events').find((e) => e.reason === 'FailedScheduling') as KubeObject & { message: string };
    expect(ev.message).toBe(msg);
    expect(get(c, 'huge')?.status?.conditions?.find((x) => x.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    expect(get(c, 'huge')?.spec?.nodeName).toBeUndefined();
    expect(c.settled()).toBe(true);
  });

  it('waits when the nodeSelector matches no node', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.api.create(pod('gpu', { nodeSelector: { accelerator: 'nvidia' } }));
    c.runUntilSettled();
    expect(get(c, 'gpu')?.status?.phase).toBe('Pending');
    expect(schedulingResultFor(c, 'default/gpu')?.nodes.filter((n) => n.reasons.includes("node(s) didn't match Pod's node affinity/selector"))).toHaveLength(2);
  });
});

describe('event folding', () => {
  it('counts a repeated FailedScheduling on one Event, across a restore too', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.api.create(pod('gpu', { nodeSelector: { accelerator: 'nvidia' } }));
    c.runUntilSettled();
    const relabel = (cl: Cluster, value: string) => {
      const n = cl.store.get('nodes', undefined, 'worker-1') as KubeObject;
      cl.api.update({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, team: value } } });
      cl.runUntilSettled();
    };
    relabel(c, 'a');
    const restored = Cluster.fromState(JSON.parse(JSON.stringify(c.exportState())));
    relabel(restored, 'b');
    const failed = restored.store.list('events').filter((e) => e.reason === 'FailedScheduling') as (KubeObject & { count: number })[];
    expect(failed.map((e) => e.count)).toEqual([3]);
  });
});

describe('the control-plane node', () => {
  it('takes a pod that tolerates its taint and asks for it', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    const toleration = { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' };
    c.api.create(pod('selected', { tolerations: [toleration], nodeSelector: { 'node-role.kubernetes.io/control-plane': '' } }));
    c.api.create(pod('named', { tolerations: [toleration], nodeName: 'control-plane' }));
    c.runUntilSettled();
    for (const name of ['selected', 'named']) {
      expect(get(c, name)?.spec?.nodeName).toBe('control-plane');
      expect(get(c, name)?.status?.phase).toBe('Running');
      expect(get(c, name)?.status?.podIP).toMatch(/^10\.244\.0\.\d+$/);
    }
  });
});

describe('namespace deletion', () => {
  it('deletes the pods inside, then the namespace itself', () => {
    const c = createCluster({ seed: 9, nodes: 2 });
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    c.api.create(pod('a', {}, 'shop'));
    c.api.create(pod('b', {}, 'shop'));
    c.runUntilSettled();
    expect(get(c, 'a', 'shop')?.status?.phase).toBe('Running');

    const ns = c.store.get('namespaces', undefined, 'shop') as KubeObject;
    expect(c.userClient().delete(ns, { reason: 'test' }).ok).toBe(true);
    expect((c.store.get('namespaces', undefined, 'shop')?.status as { phase: string }).phase).toBe('Terminating');
    c.tickN(1);
    expect(get(c, 'a', 'shop')?.metadata.deletionTimestamp).toBeDefined();
    const settledIn = c.runUntilSettled();
    expect(settledIn).toBeLessThan(20);
    expect(c.store.list('pods', { namespace: 'shop' })).toEqual([]);
    expect(c.store.get('namespaces', undefined, 'shop')).toBeUndefined();
    const codes = c.records.map((r) => r.code);
    expect(codes.indexOf('record.kubelet.podDeleted')).toBeLessThan(codes.indexOf('record.namespace.finalized'));
  });
});

describe('settling and determinism', () => {
  it('runs 20 pods to Running and settles', () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    for (let i = 0; i < 20; i++) c.api.create(pod(`web-${i}`, { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] }));
    const ticks = c.runUntilSettled();
    expect(c.settled()).toBe(true);
    expect(ticks).toBeLessThan(20);
    const pods = c.store.list<PodObject>('pods', { namespace: 'default' });
    expect(pods.every((p) => p.status?.phase === 'Running')).toBe(true);
    expect(new Set(pods.map((p) => p.status?.podIP)).size).toBe(20);
  });

  type Action = { kind: 'create'; name: string; cpu: number } | { kind: 'delete'; index: number } | { kind: 'tick'; n: number };
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), name: fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), cpu: fc.integer({ min: 0, max: 5000 }) }),
    fc.record({ kind: fc.constant('delete' as const), index: fc.nat(20) }),
    fc.record({ kind: fc.constant('tick' as const), n: fc.integer({ min: 1, max: 4 }) }),
  );

  function play(seed: number, actions: Action[]): string {
    const c = createCluster({ seed, nodes: 2 });
    for (const a of actions) {
      if (a.kind === 'create') c.api.create(pod(a.name, { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: `${a.cpu}m` } } }] }));
      else if (a.kind === 'delete') {
        const pods = c.store.list('pods');
        const victim = pods[a.index % Math.max(1, pods.length)];
        if (victim) c.userClient().delete(victim, { reason: 'test' });
      } else c.tickN(a.n);
    }
    c.runUntilSettled();
    return JSON.stringify(c.exportState());
  }

  it('same seed and actions give byte-identical exports; another seed gives other uids', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(action, { maxLength: 25 }), (seed, actions) => {
        const a = play(seed, actions);
        expect(play(seed, actions)).toBe(a);
        const uids = (s: string) => (JSON.parse(s) as ReturnType<Cluster['exportState']>).store.objects['nodes']?.map((n) => n.metadata.uid);
        expect(uids(play(seed + 1, actions))).not.toEqual(uids(a));
      }),
      { numRuns: 40 },
    );
  });

  it('continues identically after exportState/fromState mid-rollout', () => {
    const a = createCluster({ seed: 11, nodes: 2 });
    for (let i = 0; i < 5; i++) a.api.create(pod(`p${i}`));
    a.tickN(3);
    const b = Cluster.fromState(JSON.parse(JSON.stringify(a.exportState())));
    a.runUntilSettled();
    b.runUntilSettled();
    expect(JSON.stringify(b.exportState())).toBe(JSON.stringify(a.exportState()));
  });
});
