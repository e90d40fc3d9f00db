import type { Service, ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { FieldError } from '../status';
import { GoLiteral } from '../status';
import type { KindStrategy, StrategyContext } from './strategy';
import { validateLabels } from '../validation/labels';
import { dns1123Label, dns1123Subdomain } from '../validation/names';
import { allocateClusterIP, checkRequestedClusterIP, clusterIPsInUse, isIPv4 } from '../../network/serviceIPs';
import { allocateNodePort, checkRequestedNodePort, nodePortsInUse } from '../../network/nodePorts';

export type ServiceObject = Service & KubeObject;
type Spec = Mutable<ServiceSpec>;
type Port = Mutable<ServicePort>;

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PORT_RANGE_MSG = 'must be between 1 and 65535, inclusive';

function specOf(obj: KubeObject): Spec {
  return (obj.spec ??= {}) as Spec;
}

function isHeadless(spec: ServiceSpec): boolean {
  return spec.clusterIP === 'None';
}

function needsNodePorts(spec: ServiceSpec): boolean {
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
}

function goStrings(xs: readonly string[] | undefined): GoLiteral {
  return new GoLiteral(xs ? `[]string{${xs.map((x) => JSON.stringify(x)).join(', ')}}` : '[]string(nil)');
}

/** SetDefaults_Service plus what the service REST storage fills before allocation. */
export function defaultService(obj: KubeObject): void {
  const spec = specOf(obj);
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig ??= { clientIP: { timeoutSeconds: 10800 } };
  for (const p of (spec.ports ?? []) as Port[]) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.type === 'ExternalName') return;
  // clusterIP and clusterIPs say the same thing; either one fills the other.
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
  spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

function validatePort(p: ServicePort, i: number, requireName: boolean, names: Set<string>): FieldError[] {
  const path = `spec.ports[${i}]`;
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push({ type: 'Required', field: `${path}.name` });
  else if (p.name) {
    errs.push(...dns1123Label(`${path}.name`, p.name));
    if (names.has(p.name)) errs.push({ type: 'Duplicate', field: `${path}.name`, value: p.name });
    names.add(p.name);
  }
  if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) errs.push({ type: 'Invalid', field: `${path}.port`, value: p.port ?? 0, detail: PORT_RANGE_MSG });
  if (!PROTOCOLS.includes(p.protocol ?? '')) errs.push({ type: 'NotSupported', field: `${path}.protocol`, value: p.protocol ?? '', supported: PROTOCOLS });
  const tp = p.targetPort;
  if (typeof tp === 'number') {
    if (tp < 1 || tp > 65535) errs.push({ type: 'Invalid', field: `${path}.targetPort`, value: tp, detail: PORT_RANGE_MSG });
  } else if (typeof tp === 'string') {
    for (const d of portNameErrors(tp)) errs.push({ type: 'Invalid', field: `${path}.targetPort`, value: tp, detail: d });
  }
  if (p.nodePort !== undefined && (p.nodePort < 0 || p.nodePort > 65535)) errs.push({ type: 'Invalid', field: `${path}.nodePort`, value: p.nodePort, detail: PORT_RANGE_MSG });
  return errs;
}

/** IsValidPortName (IANA service names). */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length < 1 || name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** ValidateService: what is wrong with the object itself, before anything is allocated. */
export function validateService(obj: KubeObject): FieldError[] {
  const spec = specOf(obj);
  const errs: FieldError[] = [];
  const type = spec.type ?? 'ClusterIP';
  if (!TYPES.includes(type)) errs.push({ type: 'NotSupported', field: 'spec.type', value: type, supported: TYPES });
  const ports = spec.ports ?? [];
  if (!ports.length && !isHeadless(spec) && type !== 'ExternalName') errs.push({ type: 'Required', field: 'spec.ports' });
  const names = new Set<string>();
  const seen = new Set<string>();
  const nodePorts = new Map<number, string>();
  ports.forEach((p, i) => {
    errs.push(...validatePort(p, i, ports.length > 1, names));
    const key = `${p.port}/${p.protocol}`;
    if (seen.has(key))
      errs.push({ type: 'Duplicate', field: `spec.ports[${i}]`, value: new GoLiteral(`core.ServicePort{Name:"", Protocol:"${p.protocol}", AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`) });
    seen.add(key);
    if (p.nodePort) {
      if (type === 'ClusterIP') errs.push({ type: 'Forbidden', field: `spec.ports[${i}].nodePort`, detail: "may not be used when `type` is 'ClusterIP'" });
      const prev = nodePorts.get(p.nodePort);
      if (prev !== undefined && prev === p.protocol) errs.push({ type: 'Duplicate', field: `spec.ports[${i}].nodePort`, value: p.nodePort });
      nodePorts.set(p.nodePort, p.protocol ?? 'TCP');
    }
  });
  if (type === 'ExternalName') {
    if (!spec.externalName) errs.push({ type: 'Required', field: 'spec.externalName' });
    else errs.push(...dns1123Subdomain('spec.externalName', spec.externalName.replace(/\.$/, '')));
    if (spec.clusterIPs?.length || spec.clusterIP) errs.push({ type: 'Forbidden', field: 'spec.clusterIPs', detail: 'may not be set for ExternalName services' });
  } else {
    if (spec.clusterIP && spec.clusterIPs?.length && spec.clusterIPs[0] !== spec.clusterIP)
      errs.push({ type: 'Invalid', field: 'spec.clusterIPs', value: goStrings(spec.clusterIPs), detail: 'first value must match `clusterIP`' });
    (spec.clusterIPs ?? []).forEach((ip, i) => {
      if (ip === 'None' && i === 0) return;
      if (!isIPv4(ip)) errs.push({ type: 'Invalid', field: `spec.clusterIPs[${i}]`, value: ip, detail: 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' });
    });
    if (isHeadless(spec) && (type === 'NodePort' || type === 'LoadBalancer'))
      errs.push({ type: 'Invalid', field: 'spec.clusterIPs[0]', value: 'None', detail: `may not be set to 'None' for ${type} services` });
  }
  if (!['None', 'ClientIP'].includes(spec.sessionAffinity ?? 'None'))
    errs.push({ type: 'NotSupported', field: 'spec.sessionAffinity', value: spec.sessionAffinity, supported: ['ClientIP', 'None'] });
  for (const [field, value] of [
    ['spec.externalTrafficPolicy', spec.externalTrafficPolicy],
    ['spec.internalTrafficPolicy', spec.internalTrafficPolicy],
  ] as const)
    if (value !== undefined && value !== 'Cluster' && value !== 'Local') errs.push({ type: 'NotSupported', field, value, supported: ['Cluster', 'Local'] });
  if (spec.externalTrafficPolicy && type !== 'NodePort' && type !== 'LoadBalancer')
    errs.push({ type: 'Invalid', field: 'spec.externalTrafficPolicy', value: spec.externalTrafficPolicy, detail: 'may only be set for externally-accessible services' });
  errs.push(...validateLabels(spec.selector as Record<string, string> | undefined, 'spec.selector'));
  return errs;
}

/**
 * The registry's allocation step (BeginCreate / BeginUpdate): checks the IP and ports a user
 * asked for, then fills in the ones left empty. Runs only on an object that validated.
 */
function allocate(obj: KubeObject, ctx: StrategyContext, old?: KubeObject): FieldError[] {
  const spec = specOf(obj);
  const errs: FieldError[] = [];
  const self = old ? `${old.metadata.namespace}/${old.metadata.name}` : undefined;
  const oldSpec = (old?.spec ?? {}) as ServiceSpec;
  if (spec.type !== 'ExternalName' && !isHeadless(spec)) {
    const wanted = spec.clusterIP;
    if (wanted && wanted !== oldSpec.clusterIP) {
      const problem = checkRequestedClusterIP(wanted, clusterIPsInUse(ctx.store, self));
      if (problem) errs.push({ type: 'Invalid', field: 'spec.clusterIPs', value: goStrings([wanted]), detail: problem });
    }
  }
  const ports = (spec.ports ?? []) as Port[];
  let usedPorts: Set<number> | undefined;
  const ownOld = new Set(((oldSpec.ports ?? []) as ServicePort[]).map((p) => p.nodePort).filter((n): n is number => !!n));
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    usedPorts = nodePortsInUse(ctx.store, self);
    ports.forEach((p, i) => {
      if (!p.nodePort || ownOld.has(p.nodePort)) return;
      const problem = checkRequestedNodePort(p.nodePort, usedPorts as Set<number>);
      if (problem) errs.push({ type: 'Invalid', field: `spec.ports[${i}].nodePort`, value: p.nodePort, detail: problem });
    });
  }
  if (errs.length) return errs;
  if (spec.type !== 'ExternalName' && !spec.clusterIP) {
    const ip = allocateClusterIP(clusterIPsInUse(ctx.store, self), ctx.random);
    if (!ip) return [{ type: 'Invalid', field: 'spec.clusterIPs', value: goStrings([]), detail: 'failed to allocate a serviceIP: range is full' }];
    spec.clusterIP = ip;
  }
  if (spec.type !== 'ExternalName' && spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
  if (usedPorts && needsNodePorts(spec)) {
    for (const p of ports) if (p.nodePort) usedPorts.add(p.nodePort);
    const byPort = new Map<number, number>();
    for (const p of ports) {
      if (p.nodePort) continue;
      // Two protocols on one port number share a node port, as the allocator does.
      const shared = byPort.get(p.port);
      const np = shared ?? allocateNodePort(usedPorts, ctx.random);
      if (np === undefined) return [{ type: 'Invalid', field: 'spec.ports', value: p.port, detail: 'failed to allocate a nodePort: range is full' }];
      p.nodePort = np;
      usedPorts.add(np);
      byPort.set(p.port, np);
    }
  }
  return [];
}

/** ValidateServiceUpdate: what may not change once a Service exists. */
function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = specOf(obj);
  const prev = (old.spec ?? {}) as ServiceSpec;
  const errs: FieldError[] = [];
  const bothUseIP = prev.type !== 'ExternalName' && spec.type !== 'ExternalName';
  if (bothUseIP && prev.clusterIP && spec.clusterIP !== prev.clusterIP)
    errs.push({ type: 'Invalid', field: 'spec.clusterIPs[0]', value: goStrings(spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])), detail: 'may not change once set' });
  return errs;
}

/**
 * What the registry carries over before validating an update, so that re-applying a manifest
 * without clusterIP or nodePort (kubectl apply, kubectl edit) keeps what was allocated; and
 * what it drops when the type no longer uses it (NodePort → ClusterIP frees the node ports).
 */
function patchAllocated(obj: KubeObject, old: KubeObject): void {
  const spec = specOf(obj);
  const prev = (old.spec ?? {}) as ServiceSpec;
  if (spec.type !== 'ExternalName' && prev.type !== 'ExternalName' && !spec.clusterIP && !spec.clusterIPs?.length && prev.clusterIP) {
    spec.clusterIP = prev.clusterIP;
    spec.clusterIPs = prev.clusterIPs ? [...prev.clusterIPs] : [prev.clusterIP];
  }
  if (spec.type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
    delete spec.internalTrafficPolicy;
  }
  const ports = (spec.ports ?? []) as Port[];
  if (needsNodePorts(spec)) {
    for (const p of ports) {
      if (p.nodePort) continue;
      const same = (prev.ports ?? []).find((q) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP') && q.nodePort);
      if (same?.nodePort) p.nodePort = same.nodePort;
    }
  } else if (prev.type === 'NodePort' || prev.type === 'LoadBalancer') {
    for (const p of ports) {
      const same = (prev.ports ?? []).find((q) => q.nodePort === p.nodePort);
      if (same) delete p.nodePort;
    }
  }
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer' && (prev.type === 'NodePort' || prev.type === 'LoadBalancer')) delete spec.externalTrafficPolicy;
  if (spec.type !== 'LoadBalancer') delete spec.allocateLoadBalancerNodePorts;
}

export const serviceStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    obj.status = { loadBalancer: {} };
  },
  defaults: (obj) => defaultService(obj),
  validate: (obj, ctx) => {
    const errs = validateService(obj);
    return errs.length ? errs : allocate(obj, ctx);
  },
  validateUpdate: (obj, old, ctx) => {
    patchAllocated(obj, old);
    defaultService(obj);
    const errs = [...validateService(obj), ...validateUpdate(obj, old)];
    return errs.length ? errs : allocate(obj, ctx, old);
  },
  hasStatusSubresource: true,
};
