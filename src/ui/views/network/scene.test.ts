import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import { EMPTY_NETWORK_OBJECTS, type NetworkObjects } from '../../../sim/network/objects';
import { DEFAULT_SETTINGS } from '../../../sim/settings';
import { buildNetScene, transportPairs } from './scene';

const node = (name: string, ip: string, cidr: string, cp = false): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: cp ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
  spec: { podCIDR: cidr, podCIDRs: [cidr] },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});

const pod = (name: string, nodeName: string, ip: string, labels: Record<string, string>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels },
  spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] },
  status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], containerStatuses: [{ name: 'c', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { running: {} } }] },
});

// The docs' "default deny all ingress traffic" policy, plus one for the db only.
const denyAll: NetworkPolicy = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny-ingress', namespace: 'default' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
const dbOnly: NetworkPolicy = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'db-egress', namespace: 'default' },
  spec: { podSelector: { matchLabels: { app: 'db' } }, egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }] }] },
};

const input: NetworkObjects = {
  ...EMPTY_NETWORK_OBJECTS,
  nodes: [node('worker-2', '172.18.0.4', '10.244.2.0/24'), node('control-plane', '172.18.0.2', '10.244.0.0/24', true), node('worker-1', '172.18.0.3', '10.244.1.0/24')],
  pods: [pod('web', 'worker-1', '10.244.1.5', { app: 'web' }), pod('db', 'worker-2', '10.244.2.3', { app: 'db' })],
  networkPolicies: [denyAll, dbOnly],
};

describe('buildNetScene', () => {
  it('lists nodes control plane first with their InternalIP, podCIDR and pod IPs', () => {
    const scene = buildNetScene(input, DEFAULT_SETTINGS);
    expect(scene.nodes.map((n) => [n.name, n.internalIP, n.podCIDR])).toEqual([
      ['control-plane', '172.18.0.2', '10.244.0.0/24'],
      ['worker-1', '172.18.0.3', '10.244.1.0/24'],
      ['worker-2', '172.18.0.4', '10.244.2.0/24'],
    ]);
    expect(scene.nodes[1]?.pods.map((p) => [p.name, p.ip, p.status.text])).toEqual([['web', '10.244.1.5', 'Running']]);
  });

  it('puts a badge on every pod a policy selects: ignored under Flannel, enforced under Calico', () => {
    const flannel = buildNetScene(input, DEFAULT_SETTINGS);
    const db = flannel.nodes[2]?.pods[0];
    expect(db?.policies.map((b) => [b.name, b.directions.join('+'), b.enforced])).toEqual([
      // No policyTypes and egress rules: the API server defaults it to Ingress and Egress.
      ['db-egress', 'ingress+egress', false],
      ['default-deny-ingress', 'ingress', false],
    ]);
    const calico = buildNetScene(input, { ...DEFAULT_SETTINGS, cni: 'calico' });
    expect(calico.nodes[1]?.pods[0]?.policies.map((b) => [b.name, b.enforced])).toEqual([['default-deny-ingress', true]]);
    expect(calico.model.transport).toBe('bgp');
  });

  it('shows the routes each node learned: BGP routes via the other nodes under Calico', () => {
    const calico = buildNetScene(input, { ...DEFAULT_SETTINGS, cni: 'calico' });
    const routes = calico.nodes[1]?.routes.map((r) => r.full) ?? [];
    expect(routes).toContain('10.244.2.0/24 via 172.18.0.4 dev tunl0 proto bird onlink');
    const flannel = buildNetScene(input, DEFAULT_SETTINGS);
    expect(flannel.nodes[1]?.routes.map((r) => r.full)).toContain('10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink');
    // The box drops ip route's trailing options; the details panel has them.
    expect(calico.nodes[1]?.routes.map((r) => r.text)).toContain('10.244.2.0/24 via 172.18.0.4 dev tunl0');
  });
});

describe('transportPairs', () => {
  it('links every pair of nodes in one row (a full mesh) and only neighbours when rows wrap', () => {
    expect(transportPairs(3, 3)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(transportPairs(5, 2)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
