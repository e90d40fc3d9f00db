import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { ObjectRef } from '../objects';
import type { ClusterSettings } from '../settings';
import { crossNodeHop } from './cni';
import { dnsReachability, resolveName } from './dns';
import type { KubeProxyServicePort } from './kubeproxy';
import { kubeProxyServicePorts, pickEndpoint } from './kubeproxy';
import type { NetworkObjects } from './objects';
import { networkObjectsFromStore } from './objects';
import { policyVerdict } from './policy';
import { ingressControllerAddress, routeIngress } from './ingress';
import type { HttpResponse } from './serve';
import { serve } from './serve';
import type { PolicyVerdict, TrafficHop, TrafficOutcome, TrafficTrace } from './types';

/**
 * One simulated request, hop by hop, as a real cluster carries it: the client's resolver asks
 * kube-dns, kube-proxy's rules on the node the packet is on pick one ready endpoint (a uniform
 * random pick: the cluster's seeded Random draws it, so it is an action), the CNI carries the
 * packet to the endpoint's node, NetworkPolicy judges it, and the pod's process answers — or
 * nothing listens, or a policy drops it and the client waits for its timeout.
 */

export interface TrafficEnv {
  input: NetworkObjects;
  settings: Readonly<ClusterSettings>;
  tick: number;
  /** Sim clock millis (Date headers). */
  millis: number;
  /** Uniform in [0, 1): the cluster's Random, one draw per statistic rule tried. */
  draw: () => number;
  /** Nodes whose machine lacks br_netfilter (src/sim/hosts): bridged pod traffic there skips iptables. */
  noBridgeNetfilter?: ReadonlySet<string>;
}

/** Where the request starts: in a pod (kubectl exec), on the learner's machine, or through a port-forward. */
export type TrafficSource =
  | { kind: 'pod'; pod: Pod }
  | { kind: 'outside' }
  | { kind: 'port-forward'; pod: Pod; localPort: number; podPort: number };

export interface RequestOptions {
  method?: 'GET' | 'HEAD';
  /** A `Host:` header that overrides the URL's host (virtual hosts, Ingress rules). */
  hostHeader?: string;
}

export type FailureKind =
  /** DNS said there is no such name. */
  | 'nxdomain'
  /** DNS itself did not answer (CoreDNS down, or egress to it denied). */
  | 'dns-unreachable'
  /** A RST: nothing listens, or kube-proxy REJECTs a Service without endpoints. */
  | 'refused'
  /** Packets dropped (NetworkPolicy, externalTrafficPolicy Local DROP, an unrouted address). */
  | 'timeout'
  /** The TCP connection opened but the server does not speak HTTP (or a port-forward could not dial). */
  | 'empty-reply';

export interface RequestFailure {
  kind: FailureKind;
  /** The host and port as the client was asked (curl names these in its errors). */
  host: string;
  port: number;
  /** The address the client was connecting to, when it had one. */
  ip?: string;
}

export interface TrafficResult {
  trace: TrafficTrace;
  response?: HttpResponse;
  failure?: RequestFailure;
}

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
  /** `http://web:80/` normalised, as the trace's request line shows it. */
  href: string;
}

/** curl/wget URL rules: a scheme-less URL is http, the port defaults by scheme, the path to `/`. */
export function parseUrl(text: string): ParsedUrl | undefined {
  const m = /^(?:(https?):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([/?#].*)?$/i.exec(text.trim());
  if (!m) return undefined;
  const scheme = ((m[1] ?? 'http').toLowerCase() === 'https' ? 'https' : 'http') as 'http' | 'https';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) return undefined;
  const host = (m[2] ?? '').toLowerCase();
  let path = m[4] ?? '/';
  if (!path.startsWith('/')) path = `/${path}`;
  return { scheme, host, port, path, href: `${scheme}://${host}:${port}${path}` };
}

const podRef = (p: Pod): ObjectRef => ({ kind: 'Pod', namespace: p.metadata?.namespace ?? 'default', name: p.metadata?.name ?? '' });
const svcRef = (s: { namespace: string; name: string }): ObjectRef => ({ kind: 'Service', namespace: s.namespace, name: s.name });
const podName = (p: Pod): string => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`;

function internalIP(input: NetworkObjects, nodeName: string): string | undefined {
  return input.nodes.find((n) => n.metadata?.name === nodeName)?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** The learner's machine: kind's docker bridge gateway, on the nodes' network. */
export const OUTSIDE_IP = '172.18.0.1';

class Trip {
  readonly hops: TrafficHop[] = [];
  policy?: PolicyVerdict;
  constructor(
    readonly env: TrafficEnv,
    readonly request: string,
  ) {}

  hop(h: TrafficHop): void {
    this.hops.push(h);
  }

  done(outcome: TrafficOutcome, extra: { response?: HttpResponse; failure?: RequestFailure; servedBy?: Pod } = {}): TrafficResult {
    const trace: TrafficTrace = { tick: this.env.tick, request: this.request, hops: this.hops, outcome };
    if (extra.response) trace.status = extra.response.status;
    if (extra.servedBy) trace.servedBy = podRef(extra.servedBy);
    if (this.policy) trace.policy = this.policy;
    const out: TrafficResult = { trace };
    if (extra.response) out.response = extra.response;
    if (extra.failure) out.failure = extra.failure;
    return out;
  }
}

interface Client {
  pod?: Pod;
  ip: string;
  /** The node whose kube-proxy rules the packet meets first. */
  node?: string;
}

function findPodByIP(input: NetworkObjects, ip: string): Pod | undefined {
  return input.pods.find((p) => p.status?.podIP === ip && !p.spec?.hostNetwork && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

function findPod(input: NetworkObjects, ref: ObjectRef | undefined): Pod | undefined {
  if (!ref) return undefined;
  return input.pods.find((p) => p.metadata?.namespace === ref.namespace && p.metadata?.name === ref.name);
}

/** The pod answers (or not) once the packet has reached its node. */
function deliver(trip: Trip, client: Client, server: Pod, port: number, fail: RequestFailure, req: { method: 'GET' | 'HEAD'; path: string; host: string }, viaNode?: string): TrafficResult {
  const { env } = trip;
  const serverNode = server.spec?.nodeName ?? '';
  const fromNode = viaNode ?? client.node;
  if (fromNode && serverNode) trip.hop(crossNodeHop(env.settings, fromNode, serverNode, env.input));
  const verdict = policyVerdict(env.input, env.settings, client.pod ? { pod: client.pod, ip: client.ip } : { ip: client.ip }, { pod: server, port });
  const isolated = verdict.policies.length > 0;
  if (isolated || !verdict.allowed) trip.policy = verdict;
  if (isolated || !verdict.allowed) {
    const params: Record<string, string | number> = { ...(verdict.params ?? {}), reason: verdict.reason };
    const ref = verdict.policies[0];
    const text = !verdict.enforced
      ? `NetworkPolicy would drop this (${verdict.reason}), but ${env.settings.cni} does not enforce NetworkPolicy: the packet passes`
      : verdict.allowed
        ? `NetworkPolicy allows it: ${verdict.reason}`
        : `NetworkPolicy drops the packet: ${verdict.reason}; the client hears nothing until it times out`;
    const code = !verdict.enforced ? 'network.traffic.policyIgnored' : verdict.allowed ? 'network.traffic.policyAllowed' : 'network.traffic.policyDropped';
    trip.hop({ kind: 'policy', ...(ref ? { ref } : {}), node: serverNode, text, code, params });
    if (!verdict.allowed) return trip.done('timeout', { failure: { ...fail, kind: 'timeout' } });
  }
  const answer = serve(server, port, { method: req.method, path: req.path, host: req.host, millis: env.millis });
  if (answer.kind === 'down') {
    trip.hop({ kind: 'pod', ref: podRef(server), node: serverNode, text: `${answer.reason}: nothing answers at ${server.status?.podIP ?? ''}`, code: 'network.traffic.podDown', params: { pod: podName(server) } });
    return trip.done('timeout', { failure: { ...fail, kind: 'timeout' } });
  }
  if (answer.kind === 'refused') {
    trip.hop({ kind: 'pod', ref: podRef(server), node: serverNode, text: `no process in ${podName(server)} listens on port ${port}: the kernel answers with a TCP reset (connection refused)`, code: 'network.traffic.refused', params: { pod: podName(server), port } });
    return trip.done('refused', { failure: { ...fail, kind: 'refused' }, servedBy: server });
  }
  if (answer.kind === 'not-http') {
    trip.hop({ kind: 'pod', ref: podRef(server), node: serverNode, text: `container ${answer.container} of ${podName(server)} accepts the connection on ${port} but does not speak HTTP: it closes without a reply`, code: 'network.traffic.notHttp', params: { pod: podName(server), port, container: answer.container } });
    return trip.done('ok', { failure: { ...fail, kind: 'empty-reply' }, servedBy: server });
  }
  trip.hop({ kind: 'pod', ref: podRef(server), node: serverNode, text: `container ${answer.container} of ${podName(server)} answers ${answer.response.status} ${answer.response.reason}`, code: 'network.traffic.answered', params: { pod: podName(server), container: answer.container, status: answer.response.status } });
  return trip.done('ok', { response: answer.response, servedBy: server });
}

/** kube-proxy on `node` picks an endpoint for a Service port and the packet goes on to it. */
function throughKubeProxy(trip: Trip, client: Client, sp: KubeProxyServicePort, external: boolean, node: string, fail: RequestFailure, req: { method: 'GET' | 'HEAD'; path: string; host: string }): TrafficResult {
  const jumps = external ? sp.externalJumps : sp.clusterJumps;
  const chain = external ? sp.extChain : sp.internalTrafficPolicy === 'Local' ? sp.svlChain : sp.svcChain;
  if (jumps.length === 0) {
    const noneAtAll = sp.endpoints.length === 0;
    const text = noneAtAll
      ? `kube-proxy on ${node} REJECTs: ${sp.servicePortName} has no endpoints (no ready pod matches the selector)`
      : `kube-proxy on ${node} DROPs: ${sp.servicePortName} has no local endpoints on ${node} (externalTrafficPolicy: Local)`;
    trip.hop({ kind: 'kube-proxy', ref: sp.service, node, text, code: noneAtAll ? 'network.traffic.noEndpoints' : 'network.traffic.noLocalEndpoints', params: { service: sp.servicePortName, node } });
    return noneAtAll ? trip.done('no-endpoints', { failure: { ...fail, kind: 'refused' } }) : trip.done('timeout', { failure: { ...fail, kind: 'timeout' } });
  }
  const jump = pickEndpoint(jumps, trip.env.draw) ?? jumps[jumps.length - 1];
  const ep = jump?.endpoint;
  if (!ep) return trip.done('no-endpoints', { failure: { ...fail, kind: 'refused' } });
  const n = jumps.length;
  trip.hop({
    kind: 'kube-proxy',
    ref: sp.service,
    node,
    text: `kube-proxy's rules on ${node}: ${chain} picks ${ep.address} (one of ${n} ready endpoint${n === 1 ? '' : 's'}, each with probability 1/${n}) and DNATs to it through ${ep.sepChain}`,
    code: 'network.traffic.kubeProxy',
    params: { node, chain, endpoint: ep.address, count: n, sep: ep.sepChain },
  });
  const server = findPod(trip.env.input, ep.pod) ?? findPodByIP(trip.env.input, ep.ip);
  if (!server) {
    trip.hop({ kind: 'pod', node, text: `nothing answers at ${ep.address}: the endpoint has no pod behind it`, code: 'network.traffic.noPod', params: { endpoint: ep.address } });
    return trip.done('timeout', { failure: { ...fail, kind: 'timeout' } });
  }
  // Same node, same bridge: without br_netfilter the reply crosses cni0 at layer 2 and never meets
  // conntrack, so it is not un-DNATed and the client drops it (src/sim/hosts).
  const sameBridge = !external && client.pod && client.node && server.spec?.nodeName === client.node;
  if (sameBridge && trip.env.noBridgeNetfilter?.has(node)) {
    trip.hop({
      kind: 'kube-proxy',
      ref: podRef(server),
      node,
      text: `br_netfilter is not loaded on ${node}: ${ep.address} answers across the bridge cni0 straight to ${client.ip}, skipping iptables, so the reply is never translated back from ${ep.address} to the Service address and ${client.ip} drops it (modprobe br_netfilter; net.bridge.bridge-nf-call-iptables = 1)`,
      code: 'network.traffic.brNetfilter',
      params: { node, endpoint: ep.address, client: client.ip },
    });
    return trip.done('timeout', { failure: { ...fail, kind: 'timeout' } });
  }
  // NodePort/LB traffic with externalTrafficPolicy Cluster is SNATed to the node: the pod sees the node's address.
  const seen: Client = external && sp.externalTrafficPolicy === 'Cluster' ? { ...client, ip: internalIP(trip.env.input, node) ?? client.ip } : client;
  return deliver(trip, seen, server, ep.port, fail, req, node);
}

function nodesReady(input: NetworkObjects): string[] {
  return input.nodes
    .filter((n) => (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') || !n.status?.conditions)
    .map((n) => n.metadata?.name ?? '')
    .filter((n) => n && !input.nodes.find((x) => x.metadata?.name === n)?.spec?.unschedulable);
}

/** Routes one request; `routeRequest` never throws. */
export function routeRequest(env: TrafficEnv, source: TrafficSource, url: string, options: RequestOptions = {}): TrafficResult {
  const parsed = parseUrl(url);
  const method = options.method ?? 'GET';
  const trip = new Trip(env, `${method} ${parsed?.href ?? url}`);
  if (!parsed) return trip.done('unreachable', { failure: { kind: 'nxdomain', host: url, port: 0 } });
  const req = { method, path: parsed.path, host: options.hostHeader ?? parsed.host };
  const fail: RequestFailure = { kind: 'timeout', host: parsed.host, port: parsed.port };
  const { input } = env;

  // Through a port-forward: kubectl -> API server -> kubelet -> the pod's own localhost. No Service, no policy.
  if (source.kind === 'port-forward') {
    trip.hop({ kind: 'client', text: `curl on your machine connects to 127.0.0.1:${source.localPort}`, code: 'network.traffic.clientLocal', params: { port: source.localPort } });
    trip.hop({ kind: 'port-forward', ref: podRef(source.pod), node: source.pod.spec?.nodeName, text: `kubectl port-forward carries the connection through the API server and the kubelet on ${source.pod.spec?.nodeName ?? '?'} into ${podName(source.pod)}, to localhost:${source.podPort} inside the pod (NetworkPolicy does not apply)`, code: 'network.traffic.portForward', params: { pod: podName(source.pod), port: source.podPort, local: source.localPort } });
    const answer = serve(source.pod, source.podPort, { method, path: parsed.path, host: req.host, millis: env.millis });
    if (answer.kind === 'http') {
      trip.hop({ kind: 'pod', ref: podRef(source.pod), node: source.pod.spec?.nodeName, text: `container ${answer.container} answers ${answer.response.status} ${answer.response.reason}`, code: 'network.traffic.answered', params: { pod: podName(source.pod), container: answer.container, status: answer.response.status } });
      return trip.done('ok', { response: answer.response, servedBy: source.pod });
    }
    trip.hop({ kind: 'pod', ref: podRef(source.pod), node: source.pod.spec?.nodeName, text: answer.kind === 'not-http' ? `the server on ${source.podPort} does not speak HTTP` : `nothing in ${podName(source.pod)} listens on port ${source.podPort}: the kubelet cannot dial it and kubectl closes the connection`, code: 'network.traffic.portForwardRefused', params: { pod: podName(source.pod), port: source.podPort } });
    return trip.done(answer.kind === 'not-http' ? 'ok' : 'refused', { failure: { kind: 'empty-reply', host: parsed.host, port: parsed.port }, servedBy: source.pod });
  }

  const client: Client =
    source.kind === 'pod'
      ? { pod: source.pod, ip: source.pod.status?.podIP ?? '', ...(source.pod.spec?.nodeName ? { node: source.pod.spec.nodeName } : {}) }
      : { ip: OUTSIDE_IP };
  trip.hop(
    source.kind === 'pod'
      ? { kind: 'client', ref: podRef(source.pod), node: client.node, text: `${podName(source.pod)} (${client.ip}) on ${client.node ?? '?'} sends ${method} ${parsed.href}`, code: 'network.traffic.clientPod', params: { pod: podName(source.pod), ip: client.ip, url: parsed.href } }
      : { kind: 'client', text: `your machine (${OUTSIDE_IP}, outside the cluster) sends ${method} ${parsed.href}`, code: 'network.traffic.clientOutside', params: { ip: OUTSIDE_IP, url: parsed.href } },
  );

  // Name -> address.
  let ip = parsed.host;
  let headless = false;
  if (ip === 'localhost' || ip === '127.0.0.1') {
    if (source.kind === 'pod') return deliver(trip, client, source.pod, parsed.port, { ...fail, ip: '127.0.0.1' }, req, client.node);
    trip.hop({ kind: 'client', text: `nothing listens on your machine's port ${parsed.port}: start kubectl port-forward first`, code: 'network.traffic.noLocalListener', params: { port: parsed.port } });
    return trip.done('refused', { failure: { ...fail, kind: 'refused', ip: '127.0.0.1' } });
  }
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) {
    if (source.kind !== 'pod') {
      trip.hop({ kind: 'dns', text: `${parsed.host} is a cluster name: your machine's resolver does not know cluster.local names`, code: 'network.traffic.outsideDns', params: { host: parsed.host } });
      return trip.done('nxdomain', { failure: { ...fail, kind: 'nxdomain' } });
    }
    const reach = dnsReachability(input, env.settings, source.pod);
    if (!reach.ok) {
      if (reach.verdict) trip.policy = reach.verdict;
      trip.hop({ kind: 'dns', ...(reach.verdict?.policies[0] ? { ref: reach.verdict.policies[0] } : {}), node: client.node, text: `${reach.text}; the lookup of ${parsed.host} times out`, code: 'network.traffic.dnsUnreachable', params: { host: parsed.host } });
      return trip.done(reach.verdict ? 'denied' : 'nxdomain', { failure: { ...fail, kind: 'dns-unreachable' } });
    }
    const answer = resolveName(input, parsed.host, source.pod.metadata?.namespace ?? 'default');
    if (answer.kind === 'external-name') {
      trip.hop({ kind: 'dns', ref: answer.service, node: client.node, text: `${answer.text}; ${answer.cname} is outside the simulated cluster, which has no internet`, code: 'network.traffic.externalName', params: { host: parsed.host, cname: answer.cname ?? '' } });
      return trip.done('unreachable', { failure: { ...fail, kind: 'nxdomain' } });
    }
    if (answer.status !== 'NOERROR' || !answer.addresses[0]) {
      trip.hop({ kind: 'dns', node: client.node, text: `kube-dns answers ${answer.status}: ${answer.text}`, code: 'network.traffic.nxdomain', params: { host: parsed.host, tried: answer.tried.join(', ') } });
      return trip.done('nxdomain', { failure: { ...fail, kind: 'nxdomain' } });
    }
    ip = answer.addresses[0];
    headless = answer.kind === 'headless' || answer.kind === 'hostname' || answer.kind === 'pod';
    trip.hop({ kind: 'dns', ...(answer.service ? { ref: answer.service } : {}), node: client.node, text: `kube-dns answers ${parsed.host} → ${answer.addresses.join(', ')} (${answer.text})`, code: 'network.traffic.dns', params: { host: parsed.host, ip, fqdn: answer.fqdn ?? '' } });
  }
  const ipFail: RequestFailure = { ...fail, ip };

  // A Service's ClusterIP: kube-proxy on the client's node.
  if (!headless && source.kind === 'pod' && client.node) {
    const sp = kubeProxyServicePorts(input, client.node).find((p) => p.clusterIP === ip && p.port === parsed.port && p.protocol === 'TCP');
    if (sp) {
      trip.hop({ kind: 'service', ref: sp.service, text: `${ip}:${parsed.port} is the ClusterIP of Service ${sp.service.namespace}/${sp.service.name}: a virtual address no pod owns`, code: 'network.traffic.clusterIP', params: { service: `${sp.service.namespace}/${sp.service.name}`, ip, port: parsed.port } });
      return throughKubeProxy(trip, client, sp, false, client.node, ipFail, req);
    }
    if (input.services.some((s) => s.spec?.clusterIP === ip)) {
      trip.hop({ kind: 'service', text: `${ip} is a ClusterIP, but its Service has no port ${parsed.port}: no kube-proxy rule matches and the packet goes nowhere`, code: 'network.traffic.noServicePort', params: { ip, port: parsed.port } });
      return trip.done('timeout', { failure: { ...ipFail, kind: 'timeout' } });
    }
  }

  // A node's address: a NodePort (kube-proxy on THAT node).
  const node = input.nodes.find((n) => n.status?.addresses?.some((a) => a.type === 'InternalIP' && a.address === ip));
  if (node) {
    const nodeName = node.metadata?.name ?? '';
    if (env.settings.ingressController && (parsed.port === 80 || parsed.port === 443) && ingressControllerAddress(input.nodes) === ip) return throughIngress(trip, client, nodeName, ip, ipFail, req);
    const sp = kubeProxyServicePorts(input, nodeName).find((p) => p.nodePort === parsed.port && p.protocol === 'TCP');
    if (!sp) {
      trip.hop({ kind: 'node-port', node: nodeName, text: `${nodeName} (${ip}) has nothing on port ${parsed.port}: no Service has nodePort ${parsed.port}`, code: 'network.traffic.noNodePort', params: { node: nodeName, port: parsed.port } });
      return trip.done('refused', { failure: { ...ipFail, kind: 'refused' } });
    }
    trip.hop({ kind: 'node-port', ref: sp.service, node: nodeName, text: `${ip}:${parsed.port} is nodePort ${parsed.port} of Service ${sp.service.namespace}/${sp.service.name} on ${nodeName}: KUBE-NODEPORTS jumps to ${sp.extChain}`, code: 'network.traffic.nodePort', params: { node: nodeName, port: parsed.port, service: `${sp.service.namespace}/${sp.service.name}` } });
    return throughKubeProxy(trip, client, sp, true, nodeName, ipFail, req);
  }

  // A load balancer's address: the provider sends it to a node (one with local endpoints under Local).
  const lbSvc = input.services.find((s) => s.spec?.type === 'LoadBalancer' && (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip));
  if (lbSvc) return throughLoadBalancer(trip, client, lbSvc, ip, parsed.port, ipFail, req);

  // A pod IP straight (headless DNS, or typed by hand).
  const target = findPodByIP(input, ip);
  if (target) {
    if (source.kind !== 'pod') {
      trip.hop({ kind: 'client', text: `${ip} is a pod IP: pod addresses are routed only inside the cluster, not from your machine`, code: 'network.traffic.podIPOutside', params: { ip } });
      return trip.done('unreachable', { failure: { ...ipFail, kind: 'timeout' } });
    }
    return deliver(trip, client, target, parsed.port, ipFail, req, client.node);
  }
  trip.hop({ kind: 'client', text: `no Service, node, load balancer or pod has the address ${ip}: the packet is never answered`, code: 'network.traffic.noRoute', params: { ip } });
  return trip.done('unreachable', { failure: { ...ipFail, kind: 'timeout' } });
}

const INGRESS_404 = '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';

/** ingress-nginx on `nodeName` (hostPort 80/443) matches host and path, then balances over the Service's ready endpoints itself. */
function throughIngress(trip: Trip, client: Client, nodeName: string, ip: string, fail: RequestFailure, req: { method: 'GET' | 'HEAD'; path: string; host: string }): TrafficResult {
  const { env } = trip;
  const route = routeIngress(env.input, env.settings, req.host, req.path);
  if ('error' in route) {
    trip.hop({ kind: 'ingress', node: nodeName, text: `ingress-nginx on ${nodeName} (${ip}): ${route.error}`, code: 'network.traffic.ingressNoRoute', params: { host: req.host, path: req.path } });
    const body = INGRESS_404;
    return trip.done('ok', { response: { status: 404, reason: 'Not Found', headers: [['Date', new Date(env.millis).toUTCString()], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body } });
  }
  const svc = env.input.services.find((s) => s.metadata?.namespace === route.service.namespace && s.metadata?.name === route.service.name);
  const sp = kubeProxyServicePorts(env.input, nodeName).find(
    (p) => p.service.namespace === route.service.namespace && p.service.name === route.service.name && (p.port === route.service.port || p.portName === route.service.port),
  );
  const rule = route.rule ? ` rule ${route.rule.host || '*'}${route.rule.path} (${route.rule.pathType})` : ' default backend';
  trip.hop({ kind: 'ingress', ref: route.ingress, node: nodeName, text: `ingress-nginx on ${nodeName} (${ip}) matches Host ${req.host} ${req.path} to Ingress ${route.ingress.namespace}/${route.ingress.name}${rule} → Service ${route.service.namespace}/${route.service.name}:${route.service.port}`, code: 'network.traffic.ingress', params: { ingress: `${route.ingress.namespace}/${route.ingress.name}`, service: `${route.service.namespace}/${route.service.name}`, host: req.host, path: req.path } });
  if (!svc || !sp || sp.endpoints.length === 0) {
    trip.hop({ kind: 'service', ...(svc ? { ref: { kind: 'Service', namespace: route.service.namespace, name: route.service.name } } : {}), node: nodeName, text: `Service ${route.service.namespace}/${route.service.name} ${svc ? 'has no ready endpoints' : 'does not exist'}: ingress-nginx answers 503 Service Temporarily Unavailable`, code: 'network.traffic.ingressNoEndpoints', params: { service: `${route.service.namespace}/${route.service.name}` } });
    const body = '<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';
    return trip.done('ok', { response: { status: 503, reason: 'Service Temporarily Unavailable', headers: [['Date', new Date(env.millis).toUTCString()], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)]], body } });
  }
  const jump = pickEndpoint(sp.clusterJumps.length ? sp.clusterJumps : sp.externalJumps, env.draw);
  const server = jump ? (findPod(env.input, jump.endpoint.pod) ?? findPodByIP(env.input, jump.endpoint.ip)) : undefined;
  if (!jump || !server) return trip.done('no-endpoints', { failure: { ...fail, kind: 'refused' } });
  trip.hop({ kind: 'service', ref: sp.service, node: nodeName, text: `ingress-nginx sends it straight to endpoint ${jump.endpoint.address} of ${sp.servicePortName} (it balances over the EndpointSlice itself, not through kube-proxy)`, code: 'network.traffic.ingressEndpoint', params: { endpoint: jump.endpoint.address } });
  // The controller proxies: the pod sees the controller's address as the client.
  return deliver(trip, { ip }, server, jump.endpoint.port, fail, req, nodeName);
}

function throughLoadBalancer(trip: Trip, client: Client, svc: Service, ip: string, port: number, fail: RequestFailure, req: { method: 'GET' | 'HEAD'; path: string; host: string }): TrafficResult {
  const { input } = trip.env;
  const ref = svcRef({ namespace: svc.metadata?.namespace ?? 'default', name: svc.metadata?.name ?? '' });
  const candidates = nodesReady(input).filter((n) => !input.nodes.find((x) => x.metadata?.name === n)?.metadata?.labels?.['node.kubernetes.io/exclude-from-external-load-balancers'] && n);
  const per = new Map(candidates.map((n) => [n, kubeProxyServicePorts(input, n).find((p) => p.service.name === ref.name && p.service.namespace === ref.namespace && p.port === port && p.protocol === 'TCP')]));
  const first = [...per.values()].find((sp) => sp);
  if (!first) {
    trip.hop({ kind: 'load-balancer', ref, text: `the load balancer ${ip} has no listener on port ${port}`, code: 'network.traffic.noLbPort', params: { ip, port } });
    return trip.done('refused', { failure: { ...fail, kind: 'refused' } });
  }
  // With externalTrafficPolicy Local the provider's health checks (healthCheckNodePort) leave out nodes without a local endpoint.
  const healthy = candidates.filter((n) => first.externalTrafficPolicy === 'Cluster' || (per.get(n)?.localEndpoints.length ?? 0) > 0);
  const pool = healthy.length ? healthy : candidates;
  const nodeName = pool[Math.min(pool.length - 1, Math.floor(trip.env.draw() * pool.length))] ?? '';
  const sp = per.get(nodeName) ?? first;
  trip.hop({
    kind: 'load-balancer',
    ref,
    node: nodeName,
    text: `the load balancer ${ip}:${port} of Service ${ref.namespace}/${ref.name} forwards to node ${nodeName}${sp.nodePort ? ` (nodePort ${sp.nodePort})` : ''}, one of ${pool.length} healthy node${pool.length === 1 ? '' : 's'}`,
    code: 'network.traffic.loadBalancer',
    params: { ip, port, node: nodeName, service: `${ref.namespace}/${ref.name}` },
  });
  return throughKubeProxy(trip, client, sp, true, nodeName, fail, req);
}

/** The request environment of a live cluster: its objects now, its settings, clock and Random. */
export function trafficEnvOf(cluster: { store: Parameters<typeof networkObjectsFromStore>[0]; settings: Readonly<ClusterSettings>; tick: number; clock: { nowMillis(): number }; random: { next(): number }; hosts?: { withoutBridgeNetfilter(): Set<string> } }): TrafficEnv {
  const noBridgeNetfilter = cluster.hosts?.withoutBridgeNetfilter();
  return { input: networkObjectsFromStore(cluster.store), settings: cluster.settings, tick: cluster.tick, millis: cluster.clock.nowMillis(), draw: () => cluster.random.next(), ...(noBridgeNetfilter?.size ? { noBridgeNetfilter } : {}) };
}
