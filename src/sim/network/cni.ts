import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ClusterSettings, CniPlugin } from '../settings';
import { enforcesNetworkPolicy } from '../settings';
import type { NetworkObjects } from './objects';
import type { NetworkModel, NodeNetwork, NodeRoute, TrafficHop } from './types';

/**
 * What each CNI plugin programs on a node, computed from the nodes, their podCIDRs and pods.
 *
 * One IP plan for all three plugins: pods keep the 10.244.<i>.0/24 addresses node IPAM gave
 * their node, whichever plugin runs, so switching plugins never renumbers a running pod. Each
 * plugin is described in a configuration a real cluster can run with that plan:
 * - Flannel: its default (`Network: 10.244.0.0/16`, backend vxlan) — nothing to change.
 * - Calico: host-local IPAM with `subnet: usePodCidr`, so BGP announces each node's /24 (Calico's
 *   own IPAM would carve /26 blocks instead) over IP-in-IP (`CALICO_IPV4POOL_IPIP: Always`).
 * - Weave Net: its default range is 10.32.0.0/12; here it runs with `IPALLOC_RANGE=10.244.0.0/16`
 *   (the documented way to match the cluster CIDR), so the weave bridge route covers 10.244.0.0/16.
 */

export const CLUSTER_CIDR = '10.244.0.0/16';
export const SERVICE_CIDR = '10.96.0.0/12';
export const FLANNEL_VNI = 1;
export const FLANNEL_VXLAN_PORT = 8472;
export const WEAVE_FASTDP_PORT = 6784;
export const WEAVE_DEFAULT_RANGE = '10.32.0.0/12';

// 'none' has no transport between nodes; the view keeps drawing the shape it has ('vxlan').
const TRANSPORT: Record<CniPlugin, NetworkModel['transport']> = { flannel: 'vxlan', calico: 'bgp', weave: 'mesh', none: 'vxlan' };

export function internalIP(node: Node): string {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/** `10.244.1.0/24` → `10.244.1.1` (the bridge / gateway address of the node's range). */
function gatewayOf(podCIDR: string): string {
  const m = /^(\d+\.\d+\.\d+)\.0\/\d+$/.exec(podCIDR);
  return m ? `${m[1]}.1` : '';
}

/** `10.244.2.0/24` → `10.244.2.0`: flannel's VTEP address for a node is its subnet's network address. */
function networkAddressOf(podCIDR: string): string {
  return podCIDR.split('/')[0] ?? '';
}

/** Calico names a pod's host-side veth `cali` + 11 hex characters of a hash of the workload; FNV-1a here. */
export function calicoInterface(namespace: string, name: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${namespace}.${name}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let h2 = h ^ 0x5bd1e995;
  h2 = Math.imul(h2, 0x01000193) >>> 0;
  return `cali${(h.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).slice(0, 11)}`;
}

function hostRoutes(ip: string): NodeRoute[] {
  return [
    { destination: 'default', via: '172.18.0.1', dev: 'eth0', note: "the node's default gateway" },
    { destination: '172.18.0.0/16', dev: 'eth0', options: `proto kernel scope link src ${ip}`, note: 'the network the nodes share' },
  ];
}

function podRoutes(cni: CniPlugin, node: Node, nodes: readonly Node[], pods: NodeNetwork['pods']): NodeRoute[] {
  const own = node.spec?.podCIDR ?? '';
  const others = nodes.filter((n) => n !== node && n.spec?.podCIDR);
  const routes: NodeRoute[] = [];
  // Without a CNI plugin no pod gets an address and no route is written.
  if (cni === 'none') return routes;
  if (cni === 'flannel') {
    if (own) routes.push({ destination: own, dev: 'cni0', options: `proto kernel scope link src ${gatewayOf(own)}`, note: "the cni0 bridge: this node's own pods" });
    for (const n of others) {
      const cidr = n.spec?.podCIDR as string;
      routes.push({
        destination: cidr,
        via: networkAddressOf(cidr),
        dev: 'flannel.1',
        options: 'onlink',
        note: `flannel VXLAN overlay (VNI ${FLANNEL_VNI}, UDP ${FLANNEL_VXLAN_PORT}) to ${n.metadata?.name ?? ''} at ${internalIP(n)}`,
      });
    }
  } else if (cni === 'calico') {
    for (const p of pods)
      routes.push({ destination: p.ip, dev: calicoInterface(p.namespace, p.name), options: 'scope link', note: `the veth of pod ${p.namespace}/${p.name}` });
    if (own) routes.push({ destination: own, type: 'blackhole', dev: '', options: 'proto bird', note: "this node's own block: addresses without a pod are dropped" });
    for (const n of others)
      routes.push({
        destination: n.spec?.podCIDR as string,
        via: internalIP(n),
        dev: 'tunl0',
        options: 'proto bird onlink',
        note: `learned over BGP (full mesh) from ${n.metadata?.name ?? ''}; IP-in-IP to ${internalIP(n)}`,
      });
  } else {
    routes.push({
      destination: CLUSTER_CIDR,
      dev: 'weave',
      options: own ? `proto kernel scope link src ${gatewayOf(own)}` : 'proto kernel scope link',
      note: `the weave bridge reaches every pod over the mesh (IPALLOC_RANGE=${CLUSTER_CIDR}; Weave's default is ${WEAVE_DEFAULT_RANGE})`,
    });
  }
  return routes;
}

/** `ip route` text for one route. */
export function formatRoute(r: NodeRoute): string {
  if (r.type === 'blackhole') return `blackhole ${r.destination}${r.options ? ` ${r.options}` : ''}`;
  return [r.destination, r.via ? `via ${r.via}` : '', `dev ${r.dev}`, r.options ?? ''].filter(Boolean).join(' ');
}

function podsByNode(pods: readonly Pod[]): Map<string, NodeNetwork['pods']> {
  const out = new Map<string, NodeNetwork['pods']>();
  for (const p of pods) {
    const node = p.spec?.nodeName;
    const ip = p.status?.podIP;
    if (!node || !ip || p.spec?.hostNetwork) continue;
    let list = out.get(node);
    if (!list) out.set(node, (list = []));
    list.push({ namespace: p.metadata?.namespace ?? 'default', name: p.metadata?.name ?? '', ip });
  }
  for (const list of out.values()) list.sort((a, b) => (a.namespace + '/' + a.name < b.namespace + '/' + b.name ? -1 : 1));
  return out;
}

/** The Network view's picture for the current CNI plugin. */
export function networkModel(input: NetworkObjects, settings: Readonly<ClusterSettings>): NetworkModel {
  const cni = settings.cni;
  const nodes = [...input.nodes].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
  const byNode = podsByNode(input.pods);
  return {
    cni,
    clusterCIDR: CLUSTER_CIDR,
    serviceCIDR: SERVICE_CIDR,
    transport: TRANSPORT[cni],
    encrypted: cni === 'weave' && settings.weaveEncryption,
    policyEnforced: enforcesNetworkPolicy(cni),
    nodes: nodes.map((n) => {
      const name = n.metadata?.name ?? '';
      const pods = byNode.get(name) ?? [];
      const ip = internalIP(n);
      const nn: NodeNetwork = { node: name, internalIP: ip, pods, routes: [...hostRoutes(ip), ...podRoutes(cni, n, nodes, pods)] };
      if (n.spec?.podCIDR) nn.podCIDR = n.spec.podCIDR;
      return nn;
    }),
  };
}

/**
 * The hop a packet takes between pods on two different nodes: Flannel's VXLAN overlay,
 * Calico's BGP-learned route over IP-in-IP, Weave's mesh (encrypted when switched on).
 * `input` (optional) lets the text name the nodes' addresses and podCIDRs.
 */
export function crossNodeHop(settings: Readonly<ClusterSettings>, fromNode: string, toNode: string, input?: NetworkObjects): TrafficHop {
  const target = input?.nodes.find((n) => n.metadata?.name === toNode);
  const toIP = target ? internalIP(target) : '';
  const toCIDR = target?.spec?.podCIDR ?? '';
  const at = toIP ? ` (${toIP})` : '';
  const params = { from: fromNode, to: toNode, ip: toIP, cidr: toCIDR };
  if (fromNode === toNode)
    return { kind: 'overlay', node: fromNode, text: `both pods are on ${fromNode}: the node's bridge delivers the packet locally`, code: 'network.cni.sameNode', params };
  if (settings.cni === 'flannel')
    return {
      kind: 'overlay',
      node: fromNode,
      text: `flannel.1 on ${fromNode} wraps the packet in VXLAN (VNI ${FLANNEL_VNI}, UDP ${FLANNEL_VXLAN_PORT}) and sends it to ${toNode}${at}, which unwraps it into its cni0 bridge`,
      code: 'network.cni.flannel',
      params,
    };
  if (settings.cni === 'calico')
    return {
      kind: 'overlay',
      node: fromNode,
      text: `${fromNode} routes ${toCIDR || 'the pod range'} via ${toNode}${at} (learned over BGP by BIRD); tunl0 carries it as IP-in-IP`,
      code: 'network.cni.calico',
      params,
    };
  const encrypted = settings.weaveEncryption;
  return {
    kind: 'overlay',
    node: fromNode,
    text: `the Weave router on ${fromNode} sends the packet across the mesh to ${toNode}${at} (fastdp, UDP ${WEAVE_FASTDP_PORT})${encrypted ? ', encrypted with IPsec ESP' : ', unencrypted'}`,
    code: encrypted ? 'network.cni.weaveEncrypted' : 'network.cni.weave',
    params,
  };
}
