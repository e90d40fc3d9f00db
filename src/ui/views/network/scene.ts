import type { Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { ClusterSettings } from '../../../sim/settings';
import type { NetworkObjects } from '../../../sim/network/objects';
import type { NetworkModel, NodeRoute } from '../../../sim/network/types';
import { networkModel, formatRoute } from '../../../sim/network/cni';
import { isolatingPolicies } from '../../../sim/network/policy';
import type { KubeObject } from '../../../sim/objects';
import { podDisplayStatus, type PodDisplayStatus } from '../model/podStatus';
import { namespaceColor } from '../model/nsColor';
import { naturalCompare } from '../cluster/layout';

/** A NetworkPolicy as a badge on one pod it selects. */
export interface PolicyBadge {
  namespace: string;
  name: string;
  /** Which of the pod's directions it isolates. */
  directions: ('ingress' | 'egress')[];
  /** False under Flannel: the policy exists but nothing programs it. */
  enforced: boolean;
}

export interface NetPod {
  key: string;
  namespace: string;
  name: string;
  ip: string;
  node: string;
  status: PodDisplayStatus;
  color: string;
  policies: PolicyBadge[];
}

export interface NetNode {
  name: string;
  internalIP: string;
  podCIDR: string;
  pods: NetPod[];
  /** `text` is short enough for the box; `full` is what `ip route` prints. */
  routes: { text: string; full: string; route: NodeRoute }[];
}

export interface NetScene {
  model: NetworkModel;
  nodes: NetNode[];
  /** Policies that select no running pod with an IP (still listed in the legend). */
  policyCount: number;
}

/**
 * What the Network view draws, from the same pure functions the sim routes by: B2's
 * networkModel for podCIDRs, pod IPs and each node's routes, and the policy selection that
 * decides which pods a NetworkPolicy isolates. Pure, so it is tested in Node.
 */
export function buildNetScene(input: NetworkObjects, settings: Readonly<ClusterSettings>): NetScene {
  const model = networkModel(input, settings);
  const podByKey = new Map<string, Pod>();
  for (const p of input.pods) podByKey.set(`${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`, p);
  // Policies by namespace: a pod only ever meets its own namespace's policies.
  const policiesByNs = new Map<string, NetworkPolicy[]>();
  for (const np of input.networkPolicies) {
    const ns = np.metadata?.namespace ?? 'default';
    (policiesByNs.get(ns) ?? policiesByNs.set(ns, []).get(ns))?.push(np);
  }
  const badgesOf = (pod: Pod): PolicyBadge[] => {
    const nps = policiesByNs.get(pod.metadata?.namespace ?? 'default');
    if (!nps) return [];
    const byName = new Map<string, PolicyBadge>();
    for (const dir of ['ingress', 'egress'] as const) {
      for (const np of isolatingPolicies(nps, pod, dir)) {
        const name = np.metadata?.name ?? '';
        const badge = byName.get(name) ?? { namespace: np.metadata?.namespace ?? 'default', name, directions: [], enforced: model.policyEnforced };
        badge.directions.push(dir);
        byName.set(name, badge);
      }
    }
    return [...byName.values()].sort((a, b) => naturalCompare(a.name, b.name));
  };

  const nodes: NetNode[] = model.nodes.map((n) => ({
    name: n.node,
    internalIP: n.internalIP,
    podCIDR: n.podCIDR ?? '',
    // The box lists the routes the CNI programs, without `ip route`'s trailing options (the
    // details panel has the full table); the node's own default and eth0 routes are the same everywhere.
    routes: n.routes.filter((route) => route.dev !== 'eth0').map((route) => ({ text: formatRoute({ ...route, options: route.type === 'blackhole' ? route.options : undefined }), full: formatRoute(route), route })),
    pods: n.pods.flatMap((p) => {
      const key = `${p.namespace}/${p.name}`;
      const pod = podByKey.get(key);
      if (!pod) return [];
      return [
        {
          key,
          namespace: p.namespace,
          name: p.name,
          ip: p.ip,
          node: n.node,
          status: podDisplayStatus(pod as unknown as KubeObject),
          color: namespaceColor(p.namespace),
          policies: badgesOf(pod),
        },
      ];
    }),
  }));
  // The control plane first, then workers in natural order, as the Nodes view has them.
  const cp = new Set(input.nodes.filter((n) => n.metadata?.labels?.['node-role.kubernetes.io/control-plane'] !== undefined).map((n) => n.metadata?.name));
  nodes.sort((a, b) => Number(cp.has(b.name)) - Number(cp.has(a.name)) || naturalCompare(a.name, b.name));
  return { model, nodes, policyCount: input.networkPolicies.length };
}

/** Pairs of nodes the transport links: every pair (a full mesh) when few, else neighbours only. */
export function transportPairs(count: number, perRow: number): [number, number][] {
  const pairs: [number, number][] = [];
  if (count <= perRow) {
    for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) pairs.push([i, j]);
    return pairs;
  }
  for (let i = 0; i + 1 < count; i++) if (Math.floor(i / perRow) === Math.floor((i + 1) / perRow)) pairs.push([i, i + 1]);
  return pairs;
}
