import type { Container, Namespace, Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import type { ObjectRef } from '../objects';
import type { ClusterSettings } from '../settings';
import { enforcesNetworkPolicy } from '../settings';
import { matchesSelector } from '../store/labels';
import { cidrContainsIP, parseCidr } from './cidr';
import type { NetworkObjects } from './objects';
import type { PolicyVerdict } from './types';

/**
 * NetworkPolicy (networking.k8s.io/v1) evaluation as a policy-enforcing CNI (Calico, Weave)
 * programs it: a pod is isolated in a direction when any policy of its namespace selects it
 * with that policyType; an isolated pod accepts (or sends) a connection only when some rule of
 * some selecting policy allows it. Policies are additive allow-lists; there is no deny rule.
 */

export interface PolicyClient {
  /** The client pod; absent for traffic from outside the cluster (a node port, a load balancer). */
  pod?: Pod;
  ip: string;
}

export interface PolicyServer {
  pod: Pod;
  port: number;
  /** TCP unless said otherwise. */
  protocol?: string;
}

type Direction = 'ingress' | 'egress';

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** spec.policyTypes as the API server defaults it (Ingress always; Egress when egress rules exist). */
export function effectivePolicyTypes(np: NetworkPolicy): ('Ingress' | 'Egress')[] {
  const declared = np.spec?.policyTypes;
  if (declared?.length) return declared.filter((t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress');
  return np.spec?.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
}

function policyRef(np: NetworkPolicy): ObjectRef {
  return { kind: 'NetworkPolicy', namespace: np.metadata?.namespace ?? 'default', name: np.metadata?.name ?? '' };
}

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}

/** The policies of the pod's namespace that select it for `direction`. */
export function isolatingPolicies(policies: readonly NetworkPolicy[], pod: Pod, direction: Direction): NetworkPolicy[] {
  const ns = pod.metadata?.namespace ?? 'default';
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  return policies.filter(
    (np) =>
      (np.metadata?.namespace ?? 'default') === ns &&
      matchesSelector(np.spec?.podSelector ?? {}, pod.metadata?.labels as Record<string, string> | undefined) &&
      effectivePolicyTypes(np).includes(type),
  );
}

function namespaceLabels(namespaces: readonly Namespace[], name: string): Record<string, string> {
  const ns = namespaces.find((n) => n.metadata?.name === name);
  // The NamespaceDefaultLabelName label is always there, even on a namespace the list lacks.
  return { ...(ns?.metadata?.labels as Record<string, string> | undefined), [NAMESPACE_NAME_LABEL]: name };
}

/** Whether `peer` (a rule's from/to entry, in policy namespace `policyNs`) covers the other end. */
function peerMatches(peer: NetworkPolicyPeer, policyNs: string, other: PolicyClient, namespaces: readonly Namespace[]): boolean {
  if (peer.ipBlock) {
    // Pod IPs are subject to ipBlock here, as on most CNIs; the docs warn that this is
    // implementation-defined (ipBlock is meant for cluster-external addresses).
    const cidr = parseCidr(peer.ipBlock.cidr);
    if (!cidr || !cidrContainsIP(cidr, other.ip)) return false;
    return !(peer.ipBlock.except ?? []).some((e) => {
      const ex = parseCidr(e);
      return ex !== undefined && cidrContainsIP(ex, other.ip);
    });
  }
  const pod = other.pod;
  if (!pod) return false; // pod and namespace selectors only ever select pods
  const podNs = pod.metadata?.namespace ?? 'default';
  const labels = pod.metadata?.labels as Record<string, string> | undefined;
  if (peer.namespaceSelector) {
    if (!matchesSelector(peer.namespaceSelector, namespaceLabels(namespaces, podNs))) return false;
  } else if (podNs !== policyNs) return false;
  return peer.podSelector ? matchesSelector(peer.podSelector, labels) : true;
}

function containerPortByName(pod: Pod, name: string, protocol: string): number | undefined {
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers)
    for (const p of c.ports ?? []) if (p.name === name && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  return undefined;
}

/** Whether a rule's port entry covers the connection; named ports resolve on the server pod's containers. */
function portMatches(rule: NetworkPolicyPort, server: PolicyServer): boolean {
  const protocol = server.protocol ?? 'TCP';
  if ((rule.protocol ?? 'TCP') !== protocol) return false;
  if (rule.port === undefined) return true;
  if (typeof rule.port === 'string') {
    if (/^\d+$/.test(rule.port)) return Number(rule.port) === server.port;
    return containerPortByName(server.pod, rule.port, protocol) === server.port;
  }
  const end = rule.endPort ?? rule.port;
  return server.port >= rule.port && server.port <= end;
}

interface DirectionResult {
  isolating: NetworkPolicy[];
  allowedBy: NetworkPolicy[];
}

function judge(input: NetworkObjects, pod: Pod, direction: Direction, other: PolicyClient, server: PolicyServer): DirectionResult {
  const isolating = isolatingPolicies(input.networkPolicies, pod, direction);
  const allowedBy = isolating.filter((np) => {
    const ns = np.metadata?.namespace ?? 'default';
    const rules = direction === 'ingress' ? (np.spec?.ingress ?? []) : (np.spec?.egress ?? []);
    return rules.some((rule) => {
      const peers = direction === 'ingress' ? (rule as { from?: NetworkPolicyPeer[] }).from : (rule as { to?: NetworkPolicyPeer[] }).to;
      const peerOk = !peers?.length || peers.some((p) => peerMatches(p, ns, other, input.namespaces));
      const portOk = !rule.ports?.length || rule.ports.some((p) => portMatches(p, server));
      return peerOk && portOk;
    });
  });
  return { isolating, allowedBy };
}

const names = (list: NetworkPolicy[]) => list.map((np) => np.metadata?.name ?? '').join(', ');

/**
 * What NetworkPolicy says about a connection from `from` to `to.pod` on `to.port`: egress of the
 * client pod first (when the client is a pod), then ingress of the server pod. Under a CNI that
 * ignores NetworkPolicy (Flannel) `allowed` is true, `enforced` false, and `reason`/`policies`
 * still tell what an enforcing plugin would have done.
 */
export function policyVerdict(input: NetworkObjects, settings: Readonly<ClusterSettings>, from: PolicyClient, to: PolicyServer): PolicyVerdict {
  const enforced = enforcesNetworkPolicy(settings.cni);
  const protocol = to.protocol ?? 'TCP';
  const portText = `${to.port}/${protocol}`;
  const server = podKey(to.pod);
  const client = from.pod ? podKey(from.pod) : from.ip;
  const serverIP = to.pod.status?.podIP ?? '';
  const params = { client, server, port: portText, cni: settings.cni };

  let denied: { direction: Direction; isolating: NetworkPolicy[]; reason: string; code: string } | undefined;
  const allowedBy: NetworkPolicy[] = [];
  if (from.pod) {
    const egress = judge(input, from.pod, 'egress', { pod: to.pod, ip: serverIP }, to);
    if (egress.isolating.length && !egress.allowedBy.length)
      denied = {
        direction: 'egress',
        isolating: egress.isolating,
        reason: `egress from ${client} is isolated by ${names(egress.isolating)}; no rule allows ${server} (${serverIP}) on port ${portText}`,
        code: 'network.policy.deniedEgress',
      };
    allowedBy.push(...egress.allowedBy);
  }
  if (!denied) {
    const ingress = judge(input, to.pod, 'ingress', from, to);
    if (ingress.isolating.length && !ingress.allowedBy.length)
      denied = {
        direction: 'ingress',
        isolating: ingress.isolating,
        reason: `ingress to ${server} is isolated by ${names(ingress.isolating)}; no rule allows ${client}${from.pod ? ` (${from.ip})` : ''} on port ${portText}`,
        code: 'network.policy.deniedIngress',
      };
    allowedBy.push(...ingress.allowedBy);
  }

  if (denied) {
    const policies = denied.isolating.map(policyRef);
    const p = { ...params, policies: names(denied.isolating), why: denied.reason };
    if (enforced) return { allowed: false, enforced, direction: denied.direction, policies, reason: denied.reason, code: denied.code, params: p };
    return {
      allowed: true,
      enforced,
      direction: denied.direction,
      policies,
      reason: `${settings.cni} does not enforce NetworkPolicy, so the connection goes through; Calico or Weave would deny it: ${denied.reason}`,
      code: 'network.policy.ignored',
      params: p,
    };
  }
  if (allowedBy.length) {
    const unique = [...new Set(allowedBy)];
    return {
      allowed: true,
      enforced,
      policies: unique.map(policyRef),
      reason: `allowed by NetworkPolicy ${names(unique)}`,
      code: 'network.policy.allowed',
      params: { ...params, policies: names(unique) },
    };
  }
  return {
    allowed: true,
    enforced,
    policies: [],
    reason: `no NetworkPolicy isolates ${server}${from.pod ? ` or ${client}` : ''}, so all traffic is allowed`,
    code: 'network.policy.open',
    params,
  };
}
