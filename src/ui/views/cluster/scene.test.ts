import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../sim/cluster';
import type { KubeObject } from '../../../sim/objects';
import { keyOf } from '../../../sim/objects';
import type { Objects } from '../../state/mirror';
import { buildScene } from './scene';

function objectsOf(list: Record<string, KubeObject[]>): Objects {
  const out: Objects = {};
  for (const [r, objs] of Object.entries(list)) out[r] = new Map(objs.map((o) => [keyOf(o), o]));
  return out;
}

const podManifest = (name: string, namespace: string, nodeName?: string, cpu = '250m'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'nginx', image: 'nginx:1.14.2', resources: { requests: { cpu, memory: '64Mi' } } }] },
  status: { phase: 'Pending' },
});

describe('buildScene', () => {
  it('draws a freshly bootstrapped cluster: control plane first, all namespaces listed even without pods', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    const objects: Record<string, KubeObject[]> = {};
    for (const r of ['nodes', 'namespaces', 'pods']) objects[r] = c.store.list(r);
    const s = buildScene(objectsOf(objects));
    expect(s.nodes.map((n) => n.key)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(s.nodes[0]?.summary).toMatchObject({ controlPlane: true, noSchedule: ['node-role.kubernetes.io/control-plane'], ready: 'True' });
    expect(s.nodes[1]?.summary.podCIDR).toBe('10.244.1.0/24');
    expect(s.namespaces.map((n) => n.name)).toEqual(['default', 'kube-flannel', 'kube-node-lease', 'kube-public', 'kube-system']);
    // Only the cluster's own pods run: flannel on each node; CoreDNS, the static pods and kube-proxy in kube-system.
    expect(s.namespaces.map((n) => n.pods)).toEqual([0, 3, 0, 0, 9]);
  });

  it('places pods on their node, unbound pods in the lane, and sums requests per node', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    const s = buildScene(
      objectsOf({
        nodes: c.store.list('nodes'),
        namespaces: c.store.list('namespaces'),
        pods: [podManifest('web', 'default', 'worker-1'), podManifest('api', 'dev', 'worker-1', '500m'), podManifest('queued', 'dev')],
      }),
    );
    const w1 = s.nodes.find((n) => n.key === 'worker-1');
    expect(w1?.pods.map((p) => p.key)).toEqual(['default/web', 'dev/api']);
    expect(w1?.summary.cpu).toEqual({ requested: 0.75, allocatable: 4 });
    expect(s.unscheduled.map((p) => p.key)).toEqual(['dev/queued']);
    // A namespace that only exists through its pods is still listed, with its count.
    expect(s.namespaces.find((n) => n.name === 'dev')).toMatchObject({ pods: 2, system: false });
  });
});
