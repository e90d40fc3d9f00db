import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../objects';
import { formatLabelSelector } from '../printers/workloads';
import { effectivePolicyTypes } from '../../network/policy';
import { DescribeWriter, writeAnnotations, writeLabels } from './common';

type NetworkPolicyObject = NetworkPolicy & KubeObject;

/** metav1.Time's String(): `2024-05-01 10:00:00 +0000 UTC`. */
export function goTime(rfc3339: string | undefined): string {
  if (!rfc3339) return '0001-01-01 00:00:00 +0000 UTC';
  return rfc3339.replace('T', ' ').replace(/(\.\d+)?Z$/, ' +0000 UTC');
}

const sel = (s: LabelSelector) => formatLabelSelector(s);

function portLine(p: NetworkPolicyPort): string {
  const proto = p.protocol ?? 'TCP';
  const port = p.port === undefined ? '<nil>' : String(p.port);
  return p.endPort !== undefined ? `${port}-${p.endPort}/${proto}` : `${port}/${proto}`;
}

function writePeers(w: DescribeWriter, word: 'From' | 'To', peers: NetworkPolicyPeer[] | undefined, indent: string): void {
  if (!peers?.length) {
    w.write(0, `${indent}${word}: <any> (traffic not restricted by ${word === 'From' ? 'source' : 'destination'})\n`);
    return;
  }
  for (const p of peers) {
    w.write(0, `${indent}${word}:\n`);
    if (p.podSelector && p.namespaceSelector) {
      w.write(1, `${indent}NamespaceSelector: ${sel(p.namespaceSelector)}\n`);
      w.write(1, `${indent}PodSelector: ${sel(p.podSelector)}\n`);
    } else if (p.podSelector) w.write(1, `${indent}PodSelector: ${sel(p.podSelector)}\n`);
    else if (p.namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${sel(p.namespaceSelector)}\n`);
    else if (p.ipBlock) {
      w.write(1, `${indent}IPBlock:\n`);
      w.write(2, `${indent}CIDR: ${p.ipBlock.cidr}\n`);
      w.write(2, `${indent}Except: ${(p.ipBlock.except ?? []).join(', ')}\n`);
    }
  }
}

function writeRules(w: DescribeWriter, direction: 'ingress' | 'egress', rules: { ports?: NetworkPolicyPort[]; from?: NetworkPolicyPeer[]; to?: NetworkPolicyPeer[] }[]): void {
  const indent = '    ';
  if (!rules.length) {
    w.write(0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  rules.forEach((r, i) => {
    if (!r.ports?.length) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    else for (const p of r.ports) w.write(0, `${indent}To Port: ${portLine(p)}\n`);
    writePeers(w, direction === 'ingress' ? 'From' : 'To', direction === 'ingress' ? r.from : r.to, indent);
    if (i !== rules.length - 1) w.write(0, `${indent}----------\n`);
  });
}

/** `kubectl describe networkpolicy` (kubectl's NetworkPolicyDescriber prose). */
export function describeNetworkPolicy(np: NetworkPolicyObject): string {
  const w = new DescribeWriter();
  const spec: Partial<NonNullable<NetworkPolicy['spec']>> = np.spec ?? {};
  w.write(0, `Name:\t${np.metadata.name}\n`);
  w.write(0, `Namespace:\t${np.metadata.namespace ?? ''}\n`);
  w.write(0, `Created on:\t${goTime(np.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', np.metadata.labels);
  writeAnnotations(w, np.metadata.annotations);
  w.write(0, 'Spec:\n');
  w.write(1, 'PodSelector: ');
  const ps = spec.podSelector ?? {};
  if (!Object.keys(ps.matchLabels ?? {}).length && !(ps.matchExpressions ?? []).length)
    w.write(2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  else w.write(2, `${sel(ps)}\n`);
  const types = effectivePolicyTypes(np);
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    writeRules(w, 'ingress', spec.ingress ?? []);
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    writeRules(w, 'egress', spec.egress ?? []);
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${(spec.policyTypes ?? types).join(', ')}\n`);
  return w.text;
}
