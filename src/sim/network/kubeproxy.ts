import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { ObjectRef } from '../objects';
import type { NetworkObjects } from './objects';
import { base32, sha256, utf8 } from './sha256';
import { CLUSTER_CIDR } from './cni';

/**
 * What kube-proxy in iptables mode programs on one node, computed from Services and
 * EndpointSlices: per Service port a KUBE-SVC chain that picks one ready endpoint with
 * `-m statistic --mode random --probability 1/(n-i)`, one KUBE-SEP chain per endpoint that
 * DNATs to podIP:port, KUBE-NODEPORTS / KUBE-EXT chains for NodePort and LoadBalancer
 * traffic, and REJECT (no endpoints) / DROP (no local endpoints) rules in the filter table.
 * Pure over NetworkObjects so the UI draws the same rules the sim routes by.
 */

/** kube-proxy --cluster-cidr: traffic from outside it to a cluster IP is masqueraded. */
export { CLUSTER_CIDR };
const MASQ_MARK = '0x4000/0x4000';

export interface KubeProxyEndpoint {
  /** `10.244.1.5:80`, as kube-proxy names endpoints. */
  address: string;
  ip: string;
  port: number;
  /** The pod behind the endpoint (EndpointSlice targetRef), when known. */
  pod?: ObjectRef;
  nodeName?: string;
  /** The endpoint runs on the node these rules are for. */
  local: boolean;
  /** KUBE-SEP-<hash>. */
  sepChain: string;
}

/** One rule jumping from a KUBE-SVC/KUBE-SVL chain to an endpoint's KUBE-SEP chain. */
export interface KubeProxyJump {
  endpoint: KubeProxyEndpoint;
  /** The probability this rule takes the packet, given the earlier rules did not (1 for the last). */
  probability: number;
  /** As iptables-save prints it (`0.33333333349`); undefined for the unconditional last rule. */
  probabilityText?: string;
}

export interface KubeProxyServicePort {
  service: ObjectRef;
  /** `default/web:http`, or `default/web` for an unnamed port (kube-proxy's ServicePortName). */
  servicePortName: string;
  portName: string;
  protocol: string;
  type: string;
  clusterIP?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  loadBalancerIPs: string[];
  externalIPs: string[];
  externalTrafficPolicy: 'Cluster' | 'Local';
  internalTrafficPolicy: 'Cluster' | 'Local';
  /** KUBE-SVC-<hash>: every ready endpoint. */
  svcChain: string;
  /** KUBE-SVL-<hash>: local endpoints only (a Local traffic policy). */
  svlChain: string;
  /** KUBE-EXT-<hash>: NodePort / load-balancer traffic. */
  extChain: string;
  /** Ready endpoints, ordered as kube-proxy orders them (by IP). */
  endpoints: KubeProxyEndpoint[];
  localEndpoints: KubeProxyEndpoint[];
  /** Jumps for traffic to the cluster IP (from KUBE-SVC, or KUBE-SVL for internalTrafficPolicy Local). */
  clusterJumps: KubeProxyJump[];
  /** Jumps for traffic from outside (NodePort, LB): local endpoints only under externalTrafficPolicy Local. */
  externalJumps: KubeProxyJump[];
}

export interface IptablesRule {
  table: 'nat' | 'filter';
  chain: string;
  /** Everything after `-A CHAIN`, as iptables-save prints it. */
  spec: string;
}

export interface KubeProxyRules {
  node: string;
  nodeIP?: string;
  clusterCIDR: string;
  servicePorts: KubeProxyServicePort[];
  rules: IptablesRule[];
}

/** kube-proxy's portProtoHash: base32(sha256(servicePortName + protocol))[:16]. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return base32(sha256(utf8(servicePortName + protocol.toLowerCase()))).slice(0, 16);
}

export function servicePortChainName(servicePortName: string, protocol: string): string {
  return `KUBE-SVC-${portProtoHash(servicePortName, protocol)}`;
}

export function endpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${base32(sha256(utf8(servicePortName + protocol.toLowerCase() + endpoint))).slice(0, 16)}`;
}

/**
 * kube-proxy writes `%0.10f` of 1/n; the kernel's statistic match keeps it as a fraction of
 * 2^31 and iptables-save prints that back with 11 decimals (1/3 → 0.33333333349).
 */
export function probabilityText(p: number): string {
  const written = Number(p.toFixed(10));
  const kernel = Math.round(written * 0x80000000);
  return (kernel / 0x80000000).toFixed(11);
}

function ipKey(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || !parts.every((n) => Number.isInteger(n))) return Number.MAX_SAFE_INTEGER;
  return parts.reduce((acc, n) => acc * 256 + n, 0);
}

/** A ClusterIP kube-proxy programs (not headless, not ExternalName). */
export function proxiedClusterIP(svc: Service): string | undefined {
  const ip = svc.spec?.clusterIP;
  if (!ip || ip === 'None' || svc.spec?.type === 'ExternalName') return undefined;
  return ip;
}

export function servicePortNameOf(svc: Service, port: ServicePort): string {
  const base = `${svc.metadata?.namespace ?? 'default'}/${svc.metadata?.name ?? ''}`;
  return port.name ? `${base}:${port.name}` : base;
}

/** The ready endpoints of one Service port, from its EndpointSlices (deduplicated, by IP). */
export function readyEndpoints(input: NetworkObjects, svc: Service, port: ServicePort): Omit<KubeProxyEndpoint, 'local' | 'sepChain'>[] {
  const ns = svc.metadata?.namespace ?? 'default';
  const name = svc.metadata?.name ?? '';
  const portName = port.name ?? '';
  const protocol = port.protocol ?? 'TCP';
  const seen = new Set<string>();
  const out: Omit<KubeProxyEndpoint, 'local' | 'sepChain'>[] = [];
  for (const slice of input.endpointSlices) {
    if (slice.metadata?.namespace !== ns || slice.metadata?.labels?.['kubernetes.io/service-name'] !== name) continue;
    if (slice.addressType && slice.addressType !== 'IPv4') continue;
    const sp = (slice.ports ?? []).find((p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === protocol);
    if (!sp?.port) continue;
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      for (const ip of ep.addresses ?? []) {
        const address = `${ip}:${sp.port}`;
        if (seen.has(address)) continue;
        seen.add(address);
        const e: Omit<KubeProxyEndpoint, 'local' | 'sepChain'> = { address, ip, port: sp.port };
        if (ep.targetRef?.kind === 'Pod' && ep.targetRef.name) e.pod = { kind: 'Pod', namespace: ep.targetRef.namespace ?? ns, name: ep.targetRef.name };
        if (ep.nodeName) e.nodeName = ep.nodeName;
        out.push(e);
      }
    }
  }
  return out.sort((a, b) => ipKey(a.ip) - ipKey(b.ip) || a.port - b.port);
}

function jumps(endpoints: KubeProxyEndpoint[]): KubeProxyJump[] {
  const n = endpoints.length;
  return endpoints.map((endpoint, i) => {
    const probability = 1 / (n - i);
    return i < n - 1 ? { endpoint, probability, probabilityText: probabilityText(probability) } : { endpoint, probability: 1 };
  });
}

/** The Service ports kube-proxy on `nodeName` handles, with their chains and endpoints. */
export function kubeProxyServicePorts(input: NetworkObjects, nodeName: string): KubeProxyServicePort[] {
  const out: KubeProxyServicePort[] = [];
  const services = [...input.services].sort((a, b) =>
    `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(`${b.metadata?.namespace}/${b.metadata?.name}`),
  );
  for (const svc of services) {
    const clusterIP = proxiedClusterIP(svc);
    if (!clusterIP) continue;
    const spec = svc.spec ?? {};
    for (const port of spec.ports ?? []) {
      const spn = servicePortNameOf(svc, port);
      const protocol = port.protocol ?? 'TCP';
      const hash = portProtoHash(spn, protocol);
      const endpoints: KubeProxyEndpoint[] = readyEndpoints(input, svc, port).map((e) => ({
        ...e,
        local: e.nodeName === nodeName,
        sepChain: endpointChainName(spn, protocol, e.address),
      }));
      const localEndpoints = endpoints.filter((e) => e.local);
      const etp = spec.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster';
      const itp = spec.internalTrafficPolicy === 'Local' ? 'Local' : 'Cluster';
      const type = spec.type ?? 'ClusterIP';
      const sp: KubeProxyServicePort = {
        service: { kind: 'Service', namespace: svc.metadata?.namespace ?? 'default', name: svc.metadata?.name ?? '' },
        servicePortName: spn,
        portName: port.name ?? '',
        protocol,
        type,
        clusterIP,
        port: port.port,
        loadBalancerIPs: type === 'LoadBalancer' ? (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '').filter(Boolean) : [],
        externalIPs: [...(spec.externalIPs ?? [])],
        externalTrafficPolicy: etp,
        internalTrafficPolicy: itp,
        svcChain: `KUBE-SVC-${hash}`,
        svlChain: `KUBE-SVL-${hash}`,
        extChain: `KUBE-EXT-${hash}`,
        endpoints,
        localEndpoints,
        clusterJumps: jumps(itp === 'Local' ? localEndpoints : endpoints),
        externalJumps: jumps(etp === 'Local' ? localEndpoints : endpoints),
      };
      if (port.targetPort !== undefined) sp.targetPort = port.targetPort;
      if ((type === 'NodePort' || type === 'LoadBalancer') && port.nodePort) sp.nodePort = port.nodePort;
      out.push(sp);
    }
  }
  return out;
}

/** The rules kube-proxy in iptables mode keeps on `nodeName`. */
export function kubeProxyRules(input: NetworkObjects, nodeName: string): KubeProxyRules {
  const node = input.nodes.find((n) => n.metadata?.name === nodeName);
  const nodeIP = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  const servicePorts = kubeProxyServicePorts(input, nodeName);
  const rules: IptablesRule[] = [];
  const nat = (chain: string, spec: string): void => void rules.push({ table: 'nat', chain, spec });
  const filter = (chain: string, spec: string): void => void rules.push({ table: 'filter', chain, spec });

  nat('PREROUTING', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
  nat('OUTPUT', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
  nat('POSTROUTING', '-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING');
  nat('KUBE-MARK-MASQ', `-j MARK --set-xmark ${MASQ_MARK}`);
  nat('KUBE-POSTROUTING', `-m mark ! --mark ${MASQ_MARK} -j RETURN`);
  nat('KUBE-POSTROUTING', '-j MARK --set-xmark 0x4000/0x0');
  nat('KUBE-POSTROUTING', '-m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully');
  filter('INPUT', '-m comment --comment "kubernetes externally-visible service portals" -m conntrack --ctstate NEW -j KUBE-EXTERNAL-SERVICES');
  filter('FORWARD', '-m comment --comment "kubernetes service portals" -m conntrack --ctstate NEW -j KUBE-SERVICES');
  filter('OUTPUT', '-m comment --comment "kubernetes service portals" -m conntrack --ctstate NEW -j KUBE-SERVICES');

  const sepDone = new Set<string>();
  const endpointRules = (sp: KubeProxyServicePort, chain: string, js: KubeProxyJump[]): void => {
    const proto = sp.protocol.toLowerCase();
    for (const j of js) {
      const prob = j.probabilityText ? ` -m statistic --mode random --probability ${j.probabilityText}` : '';
      nat(chain, `-m comment --comment "${sp.servicePortName} -> ${j.endpoint.address}"${prob} -j ${j.endpoint.sepChain}`);
      if (sepDone.has(j.endpoint.sepChain)) continue;
      sepDone.add(j.endpoint.sepChain);
      nat(j.endpoint.sepChain, `-s ${j.endpoint.ip}/32 -m comment --comment "${sp.servicePortName}" -j KUBE-MARK-MASQ`);
      nat(j.endpoint.sepChain, `-p ${proto} -m comment --comment "${sp.servicePortName}" -m ${proto} -j DNAT --to-destination ${j.endpoint.address}`);
    }
  };

  for (const sp of servicePorts) {
    const proto = sp.protocol.toLowerCase();
    const c = sp.servicePortName;
    const match = `-p ${proto} -m comment --comment`;
    // Traffic to the cluster IP.
    if (sp.clusterJumps.length > 0) {
      const target = sp.internalTrafficPolicy === 'Local' ? sp.svlChain : sp.svcChain;
      nat('KUBE-SERVICES', `-d ${sp.clusterIP}/32 ${match} "${c} cluster IP" -m ${proto} --dport ${sp.port} -j ${target}`);
    } else {
      filter('KUBE-SERVICES', `-d ${sp.clusterIP}/32 ${match} "${c} has no endpoints" -m ${proto} --dport ${sp.port} -j REJECT --reject-with icmp-port-unreachable`);
    }
    const external = sp.nodePort !== undefined || sp.loadBalancerIPs.length > 0 || sp.externalIPs.length > 0;
    if (sp.endpoints.length > 0) {
      nat(sp.svcChain, `! -s ${CLUSTER_CIDR} -d ${sp.clusterIP}/32 ${match} "${c} cluster IP" -m ${proto} --dport ${sp.port} -j KUBE-MARK-MASQ`);
      endpointRules(sp, sp.svcChain, jumps(sp.endpoints));
    }
    const needsSvl = (sp.internalTrafficPolicy === 'Local' || (external && sp.externalTrafficPolicy === 'Local')) && sp.localEndpoints.length > 0;
    if (needsSvl) endpointRules(sp, sp.svlChain, jumps(sp.localEndpoints));
    if (!external) continue;
    // Traffic from outside: external IPs, load-balancer IPs, node ports.
    const extOk = sp.externalJumps.length > 0;
    const none = sp.endpoints.length === 0 ? 'has no endpoints' : 'has no local endpoints';
    const verdict = sp.endpoints.length === 0 ? 'REJECT --reject-with icmp-port-unreachable' : 'DROP';
    for (const ip of sp.externalIPs) {
      if (extOk) nat('KUBE-SERVICES', `-d ${ip}/32 ${match} "${c} external IP" -m ${proto} --dport ${sp.port} -j ${sp.extChain}`);
      else filter('KUBE-EXTERNAL-SERVICES', `-d ${ip}/32 ${match} "${c} ${none}" -m ${proto} --dport ${sp.port} -j ${verdict}`);
    }
    for (const ip of sp.loadBalancerIPs) {
      if (extOk) nat('KUBE-SERVICES', `-d ${ip}/32 ${match} "${c} loadbalancer IP" -m ${proto} --dport ${sp.port} -j ${sp.extChain}`);
      else filter('KUBE-EXTERNAL-SERVICES', `-d ${ip}/32 ${match} "${c} ${none}" -m ${proto} --dport ${sp.port} -j ${verdict}`);
    }
    if (sp.nodePort !== undefined) {
      if (extOk) nat('KUBE-NODEPORTS', `${match} "${c}" -m ${proto} --dport ${sp.nodePort} -j ${sp.extChain}`);
      else filter('KUBE-EXTERNAL-SERVICES', `${match} "${c} ${none}" -m addrtype --dst-type LOCAL -m ${proto} --dport ${sp.nodePort} -j ${verdict}`);
    }
    if (!extOk) continue;
    if (sp.externalTrafficPolicy === 'Cluster') {
      nat(sp.extChain, `-m comment --comment "masquerade traffic for ${c} external destinations" -j KUBE-MARK-MASQ`);
      nat(sp.extChain, `-j ${sp.svcChain}`);
    } else {
      nat(sp.extChain, `-s ${CLUSTER_CIDR} -m comment --comment "pod traffic for ${c} external destinations" -j ${sp.svcChain}`);
      nat(sp.extChain, `-m comment --comment "masquerade LOCAL traffic for ${c} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`);
      nat(sp.extChain, `-m comment --comment "route LOCAL traffic for ${c} external destinations" -m addrtype --src-type LOCAL -j ${sp.svcChain}`);
      nat(sp.extChain, `-j ${sp.svlChain}`);
    }
  }
  nat('KUBE-SERVICES', '-m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS');

  const out: KubeProxyRules = { node: nodeName, clusterCIDR: CLUSTER_CIDR, servicePorts, rules };
  if (nodeIP) out.nodeIP = nodeIP;
  return out;
}

const BUILTIN: Record<IptablesRule['table'], string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};
const TABLE_CHAINS: Record<IptablesRule['table'], string[]> = {
  filter: ['KUBE-EXTERNAL-SERVICES', 'KUBE-SERVICES'],
  nat: ['KUBE-MARK-MASQ', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-SERVICES'],
};

/**
 * `iptables-save` text for the given tables (default: filter then nat, the kube-proxy part
 * of each): builtin chains with their policy, user chains sorted by name as legacy
 * iptables-save lists them, then every chain's `-A` rules in that order, and COMMIT.
 */
export function iptablesSave(rules: KubeProxyRules, tables: readonly IptablesRule['table'][] = ['filter', 'nat']): string {
  const lines: string[] = [];
  for (const table of tables) {
    const mine = rules.rules.filter((r) => r.table === table);
    const user = new Set(TABLE_CHAINS[table]);
    for (const r of mine) if (!BUILTIN[table].includes(r.chain)) user.add(r.chain);
    const chains = [...BUILTIN[table], ...[...user].sort()];
    lines.push(`# Generated by iptables-save v1.8.9 on node ${rules.node}`, `*${table}`);
    for (const ch of BUILTIN[table]) lines.push(`:${ch} ACCEPT [0:0]`);
    for (const ch of [...user].sort()) lines.push(`:${ch} - [0:0]`);
    for (const ch of chains) for (const r of mine) if (r.chain === ch) lines.push(`-A ${ch} ${r.spec}`);
    lines.push('COMMIT', `# Completed on node ${rules.node}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The endpoint kube-proxy's statistic rules pick for one connection: rule i matches with
 * probability 1/(n-i) given the earlier ones did not, which is a uniform pick. `draw` is a
 * uniform number in [0, 1) (the cluster's seeded Random), one per rule tried.
 */
export function pickEndpoint(js: readonly KubeProxyJump[], draw: () => number): KubeProxyJump | undefined {
  for (const j of js) {
    if (j.probabilityText === undefined || draw() < j.probability) return j;
  }
  return undefined;
}
