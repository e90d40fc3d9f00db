import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../sim/objects';
import type { ClusterSnapshot } from './types';

/**
 * Goal predicates: pure functions of a snapshot, so the UI can evaluate them live against
 * its mirror and the lesson test against a headless cluster.
 */
export type Check = (s: ClusterSnapshot) => boolean;

type PodObject = Pod & KubeObject;

function list<T extends KubeObject>(s: ClusterSnapshot, resource: string): readonly T[] {
  return (s.objects[resource] ?? []) as readonly T[];
}

export function findPod(s: ClusterSnapshot, ns: string, name: string): PodObject | undefined {
  return list<PodObject>(s, 'pods').find((p) => p.metadata.name === name && (p.metadata.namespace ?? 'default') === ns);
}

function findNode(s: ClusterSnapshot, name: string | undefined): (Node & KubeObject) | undefined {
  return name ? list<Node & KubeObject>(s, 'nodes').find((n) => n.metadata.name === name) : undefined;
}

export const namespaceExists =
  (name: string): Check =>
  (s) =>
    list(s, 'namespaces').some((n) => n.metadata.name === name && !n.metadata.deletionTimestamp);

export const podExists =
  (ns: string, name: string): Check =>
  (s) =>
    !!findPod(s, ns, name);

/** Gone from the store: not merely Terminating. */
export const podGone =
  (ns: string, name: string): Check =>
  (s) =>
    !findPod(s, ns, name);

export const podPhase =
  (ns: string, name: string, phase: string): Check =>
  (s) =>
    findPod(s, ns, name)?.status?.phase === phase;

/** Running and every container ready: what `kubectl get pods` shows as `n/n Running`. */
export const podRunning =
  (ns: string, name: string): Check =>
  (s) => {
    const pod = findPod(s, ns, name);
    if (!pod || pod.metadata.deletionTimestamp || pod.status?.phase !== 'Running') return false;
    const statuses = pod.status.containerStatuses ?? [];
    return statuses.length === pod.spec?.containers.length && statuses.every((c) => c.ready);
  };

export const podUnscheduled =
  (ns: string, name: string): Check =>
  (s) => {
    const pod = findPod(s, ns, name);
    return !!pod && !pod.spec?.nodeName;
  };

/** Bound to a node that is not the (tainted) control-plane node. */
export const podOnWorker =
  (ns: string, name: string): Check =>
  (s) => {
    const node = findNode(s, findPod(s, ns, name)?.spec?.nodeName);
    return !!node && !(node.metadata.labels && 'node-role.kubernetes.io/control-plane' in node.metadata.labels);
  };

export const podHasContainers =
  (ns: string, name: string, n: number): Check =>
  (s) =>
    findPod(s, ns, name)?.spec?.containers.length === n;

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const a = ipv4ToInt(ip);
  const b = ipv4ToInt(base ?? '');
  const bits = Number(bitsText);
  if (a === undefined || b === undefined || !Number.isInteger(bits)) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}

/** The pod has an IP, taken from the podCIDR of the node it runs on. */
export const podIpFromNodeCidr =
  (ns: string, name: string): Check =>
  (s) => {
    const pod = findPod(s, ns, name);
    const node = findNode(s, pod?.spec?.nodeName);
    const ip = pod?.status?.podIP;
    const cidr = node?.spec?.podCIDR;
    return !!ip && !!cidr && inCidr(ip, cidr);
  };

/** An Event with this reason about the named object (any namespace when `ns` is omitted). */
export const eventExists =
  (reason: string, name: string, ns?: string): Check =>
  (s) =>
    list<Event & KubeObject>(s, 'events').some(
      (e) => e.reason === reason && e.involvedObject.name === name && (ns === undefined || e.involvedObject.namespace === ns),
    );

/** The learner's last command succeeded and printed this text. */
export const lastOutputContains =
  (text: string): Check =>
  (s) =>
    s.lastResult?.exitCode === 0 && s.lastResult.stdout.includes(text);

/** The learner's last command failed with this text in the error. */
export const lastErrorContains =
  (text: string): Check =>
  (s) =>
    s.lastResult?.exitCode === 1 && s.lastResult.stderr.includes(text);

export const allOf =
  (...checks: Check[]): Check =>
  (s) =>
    checks.every((c) => c(s));

export const not =
  (check: Check): Check =>
  (s) =>
    !check(s);

/** The learner's last command line matches, e.g. that it used `-n dev`. */
export const lastCommandMatches =
  (re: RegExp): Check =>
  (s) =>
    !!s.lastResult && re.test(s.lastResult.command);
