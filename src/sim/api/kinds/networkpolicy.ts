import type { IPBlock, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { KindStrategy } from './strategy';
import type { FieldError } from '../status';
import { GoLiteral } from '../status';
import { validateLabelSelector } from '../validation/selector';
import { portNameErrors, portNumErrors } from '../validation/ports';
import { parseCidr, isStrictSubset } from '../../network/cidr';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

type MPort = Mutable<NetworkPolicyPort>;

/** SetDefaults_NetworkPolicy / SetDefaults_NetworkPolicyPort (networking/v1). */
export function defaultNetworkPolicy(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Mutable<NetworkPolicySpec>;
  spec.podSelector ??= {};
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])])
    for (const p of (rule.ports ?? []) as MPort[]) p.protocol ??= 'TCP';
  if (!spec.policyTypes?.length) spec.policyTypes = spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
}

function validatePort(port: NetworkPolicyPort, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol))
    errs.push({ type: 'NotSupported', field: `${path}.protocol`, value: port.protocol, supported: PROTOCOLS });
  if (port.port === undefined) {
    if (port.endPort !== undefined) errs.push({ type: 'Invalid', field: `${path}.endPort`, value: port.endPort, detail: 'may not be specified when `port` is not specified' });
    return errs;
  }
  if (typeof port.port === 'number') {
    for (const d of portNumErrors(port.port)) errs.push({ type: 'Invalid', field: `${path}.port`, value: port.port, detail: d });
    if (port.endPort !== undefined) {
      if (port.endPort < port.port) errs.push({ type: 'Invalid', field: `${path}.endPort`, value: port.port, detail: 'must be greater than or equal to `port`' });
      for (const d of portNumErrors(port.endPort)) errs.push({ type: 'Invalid', field: `${path}.endPort`, value: port.endPort, detail: d });
    }
    return errs;
  }
  if (port.endPort !== undefined) errs.push({ type: 'Invalid', field: `${path}.endPort`, value: port.endPort, detail: 'may not be specified when `port` is non-numeric' });
  for (const d of portNameErrors(port.port)) errs.push({ type: 'Invalid', field: `${path}.port`, value: port.port, detail: d });
  return errs;
}

/** ValidateIPBlock: a valid cidr; every except a valid CIDR strictly inside it. */
export function validateIPBlock(ipb: IPBlock, path: string): FieldError[] {
  if (!ipb.cidr) return [{ type: 'Required', field: `${path}.cidr`, detail: '' }];
  const errs: FieldError[] = [];
  const cidr = parseCidr(ipb.cidr);
  if (!cidr) return [{ type: 'Invalid', field: `${path}.cidr`, value: ipb.cidr, detail: CIDR_MSG }];
  (ipb.except ?? []).forEach((e, i) => {
    const p = `${path}.except[${i}]`;
    const ex = parseCidr(e);
    if (!ex) errs.push({ type: 'Invalid', field: p, value: e, detail: CIDR_MSG });
    else if (!isStrictSubset(ex, cidr)) errs.push({ type: 'Invalid', field: p, value: e, detail: 'must be a strict subset of `cidr`' });
  });
  return errs;
}

function validatePeer(peer: NetworkPolicyPeer, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (peer.podSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.podSelector, `${path}.podSelector`));
  }
  if (peer.namespaceSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, `${path}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    n++;
    errs.push(...validateIPBlock(peer.ipBlock, `${path}.ipBlock`));
  }
  if (n === 0) errs.push({ type: 'Required', field: path, detail: 'must specify a peer' });
  else if (n > 1 && peer.ipBlock) errs.push({ type: 'Forbidden', field: path, detail: 'may not specify both ipBlock and another peer' });
  return errs;
}

/** ValidateNetworkPolicySpec with kube-apiserver's paths and words. */
export function validateNetworkPolicy(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as NetworkPolicySpec;
  const errs: FieldError[] = [...validateLabelSelector(spec.podSelector, 'spec.podSelector')];
  (spec.ingress ?? []).forEach((rule, i) => {
    const p = `spec.ingress[${i}]`;
    (rule.ports ?? []).forEach((port, j) => errs.push(...validatePort(port, `${p}.ports[${j}]`)));
    (rule.from ?? []).forEach((peer, j) => errs.push(...validatePeer(peer, `${p}.from[${j}]`)));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    const p = `spec.egress[${i}]`;
    (rule.ports ?? []).forEach((port, j) => errs.push(...validatePort(port, `${p}.ports[${j}]`)));
    (rule.to ?? []).forEach((peer, j) => errs.push(...validatePeer(peer, `${p}.to[${j}]`)));
  });
  const types = spec.policyTypes ?? [];
  if (types.length > 2) {
    errs.push({ type: 'Invalid', field: 'spec.policyTypes', value: new GoLiteral(`&[]networking.PolicyType{${types.map((t) => JSON.stringify(t)).join(', ')}}`), detail: 'may not specify more than two policyTypes' });
    return errs;
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push({ type: 'NotSupported', field: `spec.policyTypes[${i}]`, value: t, supported: ['Ingress', 'Egress'] });
  });
  return errs;
}

export const networkPolicyStrategy: KindStrategy = {
  defaults: (obj) => defaultNetworkPolicy(obj),
  validate: (obj) => validateNetworkPolicy(obj),
  validateUpdate: (obj) => validateNetworkPolicy(obj),
};
