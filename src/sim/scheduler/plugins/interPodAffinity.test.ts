import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { createScheduler, schedulingResultFor } from '../scheduler';
import type { PodObject } from '../types';

function schedulerOnly(nodes: number) {
  const c = new Cluster({ seed: 3, nodes }, [createScheduler()]).bootstrap();
  c.drainDelta();
  return c;
}

function pod(name: string, labels: Record<string, string>, spec: Partial<Pod['spec']> & object = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...spec } };
}

const antiAffinity = {
  affinity: {
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname' }],
    },
  },
};
const nodeOf = (c: Cluster, n: string) => (c.store.get('pods', 'default', n) as PodObject).spec?.nodeName;

describe('InterPodAffinity', () => {
  it('required anti-affinity spreads 3 pods over 3 nodes and keeps a 4th Pending', () => {
    const c = schedulerOnly(3);
    for (const n of ['cache-1', 'cache-2', 'cache-3', 'cache-4']) {
      c.api.create(pod(n, { app: 'cache' }, antiAffinity));
      c.tickN(1);
    }
    expect(new Set(['cache-1', 'cache-2', 'cache-3'].map((n) => nodeOf(c, n))).size).toBe(3);
    expect(nodeOf(c, 'cache-4')).toBeUndefined();
    expect(schedulingResultFor(c, 'default/cache-4')?.message).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match pod anti-affinity rules. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.",
    );
  });

  it("placed pods' anti-affinity keeps matching pods away (symmetry)", () => {
    const c = schedulerOnly(2);
    c.api.create(pod('loner', { app: 'loner' }, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } } }));
    c.tickN(1);
    c.api.create(pod('web', { app: 'web' }));
    c.tickN(1);
    expect(nodeOf(c, 'web')).not.toBe(nodeOf(c, 'loner'));
    const row = schedulingResultFor(c, 'default/web')?.nodes.find((r) => r.node === nodeOf(c, 'loner'));
    expect(row?.reasons).toEqual(["node(s) didn't satisfy existing pods anti-affinity rules"]);
  });

  it('required affinity follows the pod it names; the first of a group may go anywhere', () => {
    const c = schedulerOnly(3);
    const together = { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } } };
    c.api.create(pod('db-0', { app: 'db' }, together));
    c.tickN(1);
    c.api.create(pod('db-1', { app: 'db' }, together));
    c.api.create(pod('sidecar', { app: 'side' }, together));
    c.tickN(1);
    expect(nodeOf(c, 'db-1')).toBe(nodeOf(c, 'db-0'));
    expect(nodeOf(c, 'sidecar')).toBe(nodeOf(c, 'db-0'));
  });

  it('preferred anti-affinity scores the occupied node lower', () => {
    const c = schedulerOnly(2);
    const soft = { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'api' } }, topologyKey: 'kubernetes.io/hostname' } }] } } };
    c.api.create(pod('api-0', { app: 'api' }, soft));
    c.tickN(1);
    c.api.create(pod('api-1', { app: 'api' }, soft));
    c.tickN(1);
    expect(nodeOf(c, 'api-1')).not.toBe(nodeOf(c, 'api-0'));
    const rows = schedulingResultFor(c, 'default/api-1')?.nodes.filter((r) => r.passed) ?? [];
    expect(rows.map((r) => r.scores?.InterPodAffinity).sort()).toEqual([0, 200]);
  });
});

describe('PodTopologySpread', () => {
  const spread = (when: 'DoNotSchedule' | 'ScheduleAnyway') => ({
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: when, labelSelector: { matchLabels: { app: 'web' } } }],
  });

  function zoned(c: Cluster): void {
    for (const [n, z] of [['worker-1', 'a'], ['worker-2', 'a'], ['worker-3', 'b']]) {
      const node = c.store.get('nodes', undefined, n as string) as KubeObject;
      c.api.update({ ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, zone: z as string } } });
    }
    c.tickN(1);
  }

  it('DoNotSchedule keeps zones within maxSkew and says so', () => {
    const c = schedulerOnly(3);
    zoned(c);
    for (const n of ['web-0', 'web-1', 'web-2', 'web-3']) {
      c.api.create(pod(n, { app: 'web' }, spread('DoNotSchedule')));
      c.tickN(1);
    }
    const zone = (n: string) => (nodeOf(c, n) === 'worker-3' ? 'b' : 'a');
    const counts = ['web-0', 'web-1', 'web-2', 'web-3'].map(zone);
    expect(counts.filter((z) => z === 'a').length).toBe(2);
    expect(counts.filter((z) => z === 'b').length).toBe(2);
    const t = schedulingResultFor(c, 'default/web-1');
    expect(t?.nodes.find((r) => r.node === 'control-plane')?.reasons).toEqual(['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']);
    expect(t?.nodes.filter((r) => r.reasons.includes("node(s) didn't match pod topology spread constraints")).length).toBe(2);
  });

  it('a node without the topology key is rejected as missing the label', () => {
    const c = schedulerOnly(1);
    c.api.create(pod('web-0', { app: 'web' }, spread('DoNotSchedule')));
    c.tickN(1);
    expect(schedulingResultFor(c, 'default/web-0')?.nodes.find((r) => r.node === 'worker-1')?.reasons).toEqual([
      "node(s) didn't match pod topology spread constraints (missing required label)",
    ]);
  });

  it('ScheduleAnyway prefers the emptier zone by score', () => {
    const c = schedulerOnly(3);
    zoned(c);
    c.api.create(pod('web-0', { app: 'web' }, { nodeName: undefined, nodeSelector: { zone: 'a' } }));
    c.tickN(1);
    c.api.create(pod('web-1', { app: 'web' }, spread('ScheduleAnyway')));
    c.tickN(1);
    expect(nodeOf(c, 'web-1')).toBe('worker-3');
    const rows = schedulingResultFor(c, 'default/web-1')?.nodes.filter((r) => r.passed) ?? [];
    expect(rows.find((r) => r.node === 'worker-3')?.scores?.PodTopologySpread).toBe(200);
  });
});
