import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { ObjectRef } from '../objects';
import type { ClusterSettings } from '../settings';
import { isIPv4, KUBE_DNS_SERVICE_IP } from './serviceIPs';
import type { NetworkObjects } from './objects';
import { policyVerdict } from './policy';
import type { PolicyVerdict } from './types';

/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it (kubeadm's Corefile: `kubernetes
 * cluster.local in-addr.arpa ip6.arpa { pods insecure }`, everything else forwarded upstream),
 * and the pod's resolver walking its resolv.conf search path with ndots:5.
 */
export const CLUSTER_DOMAIN = 'cluster.local';
const NDOTS = 5;
/** Top-level domains the upstream resolver would know (the sim has no internet, so these SERVFAIL). */
const INTERNET_TLDS = new Set(['com', 'org', 'net', 'io', 'dev', 'edu', 'gov', 'info', 'app', 'co', 'kr', 'uk', 'de', 'jp', 'us', 'eu', 'cloud', 'ai']);

export interface DnsRecord {
  name: string;
  type: 'A' | 'CNAME';
  value: string;
}

export type DnsAnswerKind = 'service' | 'headless' | 'hostname' | 'pod' | 'external-name' | 'ip' | 'upstream';

export interface DnsAnswer {
  /** The name as asked. */
  query: string;
  /** The names the resolver tried, in order (search path applied). */
  tried: string[];
  /** NOERROR with records; NXDOMAIN when no name matched; SERVFAIL for names CoreDNS forwards upstream (the sim has no internet). */
  status: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  /** The fully qualified name that answered (no trailing dot). */
  fqdn?: string;
  kind?: DnsAnswerKind;
  records: DnsRecord[];
  /** The A addresses (after a CNAME inside the cluster, none for ExternalName). */
  addresses: string[];
  /** ExternalName's target. */
  cname?: string;
  service?: ObjectRef;
  /** Pods behind the addresses (headless Services, hostnames). */
  pods?: ObjectRef[];
  /** English sentence saying how the name was answered. */
  text: string;
}

/** The search list the kubelet writes into a ClusterFirst pod's /etc/resolv.conf. */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** kube-dns's ClusterIP (the Service if it exists, kubeadm's 10.96.0.10 otherwise). */
export function clusterDNSIP(input: NetworkObjects): string {
  const svc = input.services.find((s) => s.metadata?.namespace === 'kube-system' && s.metadata?.name === 'kube-dns');
  const ip = svc?.spec?.clusterIP;
  return ip && ip !== 'None' ? ip : KUBE_DNS_SERVICE_IP;
}

/** /etc/resolv.conf as the kubelet writes it for a pod (dnsPolicy ClusterFirst). */
export function resolvConf(input: NetworkObjects, pod: Pod): string {
  const ns = pod.metadata?.namespace ?? 'default';
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  const cfg = pod.spec?.dnsConfig;
  const hostNet = pod.spec?.hostNetwork === true;
  // hostNetwork pods with ClusterFirst fall back to the node's resolver, as the kubelet does.
  if (policy === 'Default' || (hostNet && policy === 'ClusterFirst')) return 'nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n';
  const servers = policy === 'None' ? [...(cfg?.nameservers ?? [])] : [clusterDNSIP(input), ...(cfg?.nameservers ?? [])];
  const search = policy === 'None' ? [...(cfg?.searches ?? [])] : [...searchPath(ns), ...(cfg?.searches ?? [])];
  const options = new Map<string, string | undefined>(policy === 'None' ? [] : [['ndots', String(NDOTS)]]);
  for (const o of cfg?.options ?? []) if (o.name) options.set(o.name, o.value);
  const lines: string[] = [];
  if (search.length) lines.push(`search ${search.join(' ')}`);
  for (const s of servers) lines.push(`nameserver ${s}`);
  if (options.size) lines.push(`options ${[...options].map(([k, v]) => (v === undefined ? k : `${k}:${v}`)).join(' ')}`);
  return lines.join('\n') + '\n';
}

function svcRef(s: Service): ObjectRef {
  return { kind: 'Service', namespace: s.metadata?.namespace ?? 'default', name: s.metadata?.name ?? '' };
}

/** Ready addresses of a headless Service, with hostnames and pods, from its EndpointSlices. */
function headlessEndpoints(input: NetworkObjects, svc: Service): { ip: string; hostname?: string; pod?: ObjectRef }[] {
  const ns = svc.metadata?.namespace;
  const name = svc.metadata?.name;
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const out: { ip: string; hostname?: string; pod?: ObjectRef }[] = [];
  const seen = new Set<string>();
  for (const sl of input.endpointSlices) {
    if (sl.metadata?.namespace !== ns || sl.metadata?.labels?.['kubernetes.io/service-name'] !== name) continue;
    for (const ep of sl.endpoints ?? []) {
      if (ep.conditions?.ready === false && !publish) continue;
      for (const ip of ep.addresses ?? []) {
        if (seen.has(ip)) continue;
        seen.add(ip);
        const e: { ip: string; hostname?: string; pod?: ObjectRef } = { ip };
        if (ep.hostname) e.hostname = ep.hostname;
        if (ep.targetRef?.kind === 'Pod' && ep.targetRef.name) e.pod = { kind: 'Pod', namespace: ns ?? 'default', name: ep.targetRef.name };
        out.push(e);
      }
    }
  }
  return out;
}

type Lookup = Omit<DnsAnswer, 'query' | 'tried'>;

const nx = (text: string): Lookup => ({ status: 'NXDOMAIN', records: [], addresses: [], text });

/** Answers one fully qualified name (no trailing dot) as CoreDNS would. */
export function lookupFQDN(input: NetworkObjects, fqdn: string): Lookup {
  const name = fqdn.toLowerCase();
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!name.endsWith(suffix)) {
    const tld = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
    // The upstream resolver knows no such top-level domain: a plain NXDOMAIN.
    if (!INTERNET_TLDS.has(tld)) return nx(`${name}: no such name in the cluster, and ${tld ? `.${tld}` : 'a single label'} is no internet domain`);
    return {
      status: 'SERVFAIL',
      kind: 'upstream',
      records: [],
      addresses: [],
      fqdn: name,
      text: `${name} is outside ${CLUSTER_DOMAIN}: CoreDNS forwards it to the node's upstream resolver, and the simulated cluster has no internet`,
    };
  }
  const labels = name.slice(0, -suffix.length).split('.');
  // <a-b-c-d>.<ns>.pod.cluster.local ("pods insecure": the IP is answered from the name).
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = (labels[0] ?? '').replace(/-/g, '.');
    if (!isIPv4(ip)) return nx(`${name}: the first label of a pod name must be its IP with dashes`);
    const pod = input.pods.find((p) => p.status?.podIP === ip && p.metadata?.namespace === labels[1]);
    const out: Lookup = { status: 'NOERROR', kind: 'pod', fqdn: name, records: [{ name, type: 'A', value: ip }], addresses: [ip], text: `${name} is a pod record: CoreDNS answers the IP written in the name (${ip})` };
    if (pod) out.pods = [{ kind: 'Pod', namespace: labels[1] ?? '', name: pod.metadata?.name ?? '' }];
    return out;
  }
  if (labels[labels.length - 1] !== 'svc' || labels.length < 3 || labels.length > 4) return nx(`${name}: no Service or pod has this name`);
  const [first, second, third] = labels;
  const svcName = labels.length === 3 ? first : second;
  const ns = labels.length === 3 ? second : third;
  const svc = input.services.find((s) => s.metadata?.namespace === ns && s.metadata?.name === svcName);
  if (!svc) return nx(`${name}: there is no Service ${svcName} in namespace ${ns}`);
  const ref = svcRef(svc);
  const spec = svc.spec ?? {};
  if (labels.length === 4) {
    // <hostname>.<subdomain>.<ns>.svc: a pod whose hostname/subdomain match a headless Service.
    const hit = headlessEndpoints(input, svc).find((e) => e.hostname === first);
    const pod = hit ? undefined : input.pods.find((p) => p.metadata?.namespace === ns && p.spec?.hostname === first && p.spec?.subdomain === svcName && p.status?.podIP);
    const ip = hit?.ip ?? pod?.status?.podIP;
    if (spec.clusterIP !== 'None' || !ip) return nx(`${name}: no ready pod with hostname ${first} behind headless Service ${ns}/${svcName}`);
    const podRef = hit?.pod ?? { kind: 'Pod', namespace: ns ?? 'default', name: pod?.metadata?.name ?? first ?? '' };
    return { status: 'NOERROR', kind: 'hostname', fqdn: name, service: ref, pods: [podRef], records: [{ name, type: 'A', value: ip }], addresses: [ip], text: `${name} is pod ${podRef.name} (hostname ${first}, subdomain ${svcName}): ${ip}` };
  }
  if (spec.type === 'ExternalName') {
    const target = (spec.externalName ?? '').replace(/\.$/, '');
    return { status: 'NOERROR', kind: 'external-name', fqdn: name, service: ref, cname: target, records: [{ name, type: 'CNAME', value: target }], addresses: [], text: `${name} is an ExternalName Service: CoreDNS answers a CNAME to ${target}, which resolves outside the cluster` };
  }
  if (spec.clusterIP === 'None') {
    const eps = headlessEndpoints(input, svc);
    if (!eps.length) return { ...nx(`${name} is a headless Service with no ready endpoints: CoreDNS has no A records for it`), fqdn: name, service: ref, kind: 'headless' };
    const pods = eps.flatMap((e) => (e.pod ? [e.pod] : []));
    return { status: 'NOERROR', kind: 'headless', fqdn: name, service: ref, pods, records: eps.map((e) => ({ name, type: 'A', value: e.ip })), addresses: eps.map((e) => e.ip), text: `${name} is a headless Service: one A record per ready pod (${eps.map((e) => e.ip).join(', ')})` };
  }
  const ip = spec.clusterIP;
  if (!ip) return nx(`${name}: Service ${ns}/${svcName} has no cluster IP yet`);
  return { status: 'NOERROR', kind: 'service', fqdn: name, service: ref, records: [{ name, type: 'A', value: ip }], addresses: [ip], text: `${name} is Service ${ns}/${svcName}: its ClusterIP ${ip}` };
}

/**
 * What a pod in `fromNamespace` gets for `name`: the glibc/musl resolver appends the search
 * domains first when the name has fewer than ndots (5) dots, and stops at the first answer.
 */
export function resolveName(input: NetworkObjects, name: string, fromNamespace: string): DnsAnswer {
  const query = name;
  const bare = name.trim().toLowerCase();
  if (isIPv4(bare)) return { query, tried: [], status: 'NOERROR', kind: 'ip', fqdn: bare, records: [], addresses: [bare], text: `${bare} is an IP address: no lookup` };
  if (!bare || bare.length > 253 || !/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/.test(bare)) {
    return { query, tried: [], ...nx(`${name} is not a valid DNS name`) };
  }
  const absolute = bare.endsWith('.');
  const plain = absolute ? bare.slice(0, -1) : bare;
  const dots = plain.split('.').length - 1;
  const withSearch = searchPath(fromNamespace).map((d) => `${plain}.${d}`);
  const order = absolute ? [plain] : dots >= NDOTS ? [plain, ...withSearch] : [...withSearch, plain];
  const tried: string[] = [];
  let last: Lookup | undefined;
  for (const candidate of order) {
    tried.push(candidate);
    const r = lookupFQDN(input, candidate);
    if (r.status === 'NOERROR') return { query, tried, ...r };
    last = r;
  }
  const text = last?.status === 'SERVFAIL' ? last.text : `${plain}: no such name in the cluster (tried ${tried.join(', ')})`;
  return { query, tried, ...(last ?? nx(text)), text };
}

/** Whether the pod can reach cluster DNS at all: a ready CoreDNS pod, and NetworkPolicy allowing UDP 53 to it. */
export interface DnsReachability {
  ok: boolean;
  /** The CoreDNS pod that would answer. */
  server?: Pod;
  verdict?: PolicyVerdict;
  text: string;
}

export function dnsReachability(input: NetworkObjects, settings: Readonly<ClusterSettings>, from: Pod | undefined): DnsReachability {
  const svc = input.services.find((s) => s.metadata?.namespace === 'kube-system' && s.metadata?.name === 'kube-dns');
  // A cluster saved before kube-dns was modelled: treat DNS as always reachable.
  if (!svc) return { ok: true, text: 'cluster DNS answers' };
  const ready = headlessEndpoints(input, svc).flatMap((e) => (e.pod ? [e.pod] : []));
  const pods = ready
    .map((r) => input.pods.find((p) => p.metadata?.namespace === r.namespace && p.metadata?.name === r.name))
    .filter((p): p is Pod => !!p);
  if (!pods.length) return { ok: false, text: `kube-dns (${clusterDNSIP(input)}) has no ready CoreDNS endpoints: nobody answers on port 53` };
  if (!from) return { ok: true, server: pods[0], text: 'cluster DNS answers' };
  const clientIP = from.status?.podIP ?? '';
  let firstDenied: PolicyVerdict | undefined;
  for (const server of pods) {
    const verdict = policyVerdict(input, settings, { pod: from, ip: clientIP }, { pod: server, port: 53, protocol: 'UDP' });
    if (verdict.allowed) return { ok: true, server, verdict, text: 'cluster DNS answers' };
    firstDenied ??= verdict;
  }
  return { ok: false, verdict: firstDenied, text: `DNS to kube-dns (${clusterDNSIP(input)}:53/UDP) is blocked by NetworkPolicy: ${firstDenied?.reason ?? ''}` };
}
