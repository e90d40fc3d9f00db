import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../sim/objects';
import type { ClusterSettings } from '../sim/settings';
import { DEFAULT_SETTINGS } from '../sim/settings';
import type { NetworkObjects } from '../sim/network/objects';
import { policyVerdict } from '../sim/network/policy';
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

// ---- Workloads: owners, controllers and their status -------------------------------------

type Owned = KubeObject & { metadata: KubeObject['metadata'] & { ownerReferences?: { kind: string; name: string; controller?: boolean }[] } };

/** Every object of a resource, for goals that count or compare. */
export function objectsOf<T extends KubeObject = KubeObject>(s: ClusterSnapshot, resource: string): readonly T[] {
  return list<T>(s, resource);
}

function inNs(o: KubeObject, ns: string): boolean {
  return (o.metadata.namespace ?? 'default') === ns;
}

export function findObject<T extends KubeObject = KubeObject>(s: ClusterSnapshot, resource: string, ns: string, name: string): T | undefined {
  return list<T>(s, resource).find((o) => o.metadata.name === name && inNs(o, ns));
}

/** The controller owner reference names this kind and name. */
function ownedBy(o: KubeObject, kind: string, name: string): boolean {
  return ((o as Owned).metadata.ownerReferences ?? []).some((r) => r.controller && r.kind === kind && r.name === name);
}

function live(o: KubeObject): boolean {
  return !o.metadata.deletionTimestamp;
}

function isRunningReady(p: PodObject): boolean {
  if (!live(p) || p.status?.phase !== 'Running') return false;
  const statuses = p.status.containerStatuses ?? [];
  return statuses.length === p.spec?.containers.length && statuses.every((c) => c.ready);
}

/** Pods (not Terminating) whose controller is this kind/name. */
export function podsOwnedBy(s: ClusterSnapshot, ns: string, kind: string, name: string): PodObject[] {
  return list<PodObject>(s, 'pods').filter((p) => inNs(p, ns) && live(p) && ownedBy(p, kind, name));
}

/** ReplicaSets (not being deleted) that a Deployment controls. */
export function replicaSetsOf(s: ClusterSnapshot, ns: string, deployment: string): KubeObject[] {
  return list(s, 'replicasets.apps').filter((r) => inNs(r, ns) && live(r) && ownedBy(r, 'Deployment', deployment));
}

/** Pods under a Deployment, through its ReplicaSets. */
export function podsOfDeployment(s: ClusterSnapshot, ns: string, deployment: string): PodObject[] {
  return replicaSetsOf(s, ns, deployment).flatMap((rs) => podsOwnedBy(s, ns, 'ReplicaSet', rs.metadata.name));
}

/** Exactly `n` pods of this owner, all Running and ready. */
export const ownedPodsRunning =
  (ns: string, kind: string, name: string, n: number): Check =>
  (s) => {
    const pods = podsOwnedBy(s, ns, kind, name);
    return pods.length === n && pods.every(isRunningReady);
  };

interface ReplicaStatus {
  spec?: { replicas?: number };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number; updatedReplicas?: number; observedGeneration?: number };
}

/** The ReplicaSet wants `n` and its status reports `n` ready, with `n` running pods to match. */
export const replicaSetReady =
  (ns: string, name: string, n: number): Check =>
  (s) => {
    const rs = findObject<KubeObject & ReplicaStatus>(s, 'replicasets.apps', ns, name);
    return !!rs && rs.spec?.replicas === n && (rs.status?.readyReplicas ?? 0) === n && ownedPodsRunning(ns, 'ReplicaSet', name, n)(s);
  };

interface Condition {
  type: string;
  status: string;
  reason?: string;
}

function condition(o: KubeObject | undefined, type: string): Condition | undefined {
  const conds = (o as { status?: { conditions?: Condition[] } } | undefined)?.status?.conditions;
  return conds?.find((c) => c.type === type);
}

/** What `kubectl rollout status` waits for: every replica updated and available, Available=True. */
export const deploymentAvailable =
  (ns: string, name: string, n: number): Check =>
  (s) => {
    const d = findObject<KubeObject & ReplicaStatus>(s, 'deployments.apps', ns, name);
    if (!d || d.spec?.replicas !== n) return false;
    const st = d.status ?? {};
    return (
      (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
      st.replicas === n &&
      st.updatedReplicas === n &&
      st.availableReplicas === n &&
      condition(d, 'Available')?.status === 'True'
    );
  };

export const replicaSetCount =
  (ns: string, deployment: string, n: number): Check =>
  (s) =>
    replicaSetsOf(s, ns, deployment).length === n;

/** Every ReplicaSet of the Deployment carries the `pod-template-hash` label, and so do its pods. */
export const podTemplateHashLabels =
  (ns: string, deployment: string): Check =>
  (s) => {
    const sets = replicaSetsOf(s, ns, deployment);
    return (
      sets.length > 0 &&
      sets.every((rs) => {
        const hash = rs.metadata.labels?.['pod-template-hash'];
        return !!hash && rs.metadata.name.endsWith(`-${hash}`) && podsOwnedBy(s, ns, 'ReplicaSet', rs.metadata.name).every((p) => p.metadata.labels?.['pod-template-hash'] === hash);
      })
    );
  };

/** Exactly `n` running, ready pods under the Deployment, every container on `image`. */
export const deploymentPodsOnImage =
  (ns: string, deployment: string, image: string, n: number): Check =>
  (s) => {
    const pods = podsOfDeployment(s, ns, deployment);
    return pods.length === n && pods.every((p) => isRunningReady(p) && (p.spec?.containers ?? []).every((c) => c.image === image));
  };

/** At least `n` running, ready pods under the Deployment run `image`. */
export const deploymentServingImage =
  (ns: string, deployment: string, image: string, n: number): Check =>
  (s) =>
    podsOfDeployment(s, ns, deployment).filter((p) => isRunningReady(p) && (p.spec?.containers ?? []).every((c) => c.image === image)).length >= n;

/** Some pod under the Deployment waits on its image: `ErrImagePull` or `ImagePullBackOff`. */
export const deploymentImagePullFailing =
  (ns: string, deployment: string): Check =>
  (s) =>
    podsOfDeployment(s, ns, deployment).some((p) =>
      (p.status?.containerStatuses ?? []).some((c) => ['ErrImagePull', 'ImagePullBackOff'].includes(c.state?.waiting?.reason ?? '')),
    );

interface JobStatus {
  spec?: { completions?: number };
  status?: { succeeded?: number; failed?: number; active?: number };
}

/** The Job has the `Complete` condition, with `succeeded` pods (when given). */
export const jobComplete =
  (ns: string, name: string, succeeded?: number): Check =>
  (s) => {
    const job = findObject<KubeObject & JobStatus>(s, 'jobs.batch', ns, name);
    return condition(job, 'Complete')?.status === 'True' && (succeeded === undefined || job?.status?.succeeded === succeeded);
  };

/** The Job has the `Failed` condition, with this reason (e.g. `BackoffLimitExceeded`) when given. */
export const jobFailed =
  (ns: string, name: string, reason?: string): Check =>
  (s) => {
    const c = condition(findObject(s, 'jobs.batch', ns, name), 'Failed');
    return c?.status === 'True' && (reason === undefined || c.reason === reason);
  };

/** Pods of the Job (by owner, Terminating ones included: finished pods stay) in this phase. */
export const jobPodsInPhase =
  (ns: string, job: string, phase: string, atLeast: number): Check =>
  (s) =>
    list<PodObject>(s, 'pods').filter((p) => inNs(p, ns) && ownedBy(p, 'Job', job) && p.status?.phase === phase).length >= atLeast;

/** A CronJob has created at least `n` Jobs. */
export const cronJobRuns =
  (ns: string, cronJob: string, n: number): Check =>
  (s) =>
    list(s, 'jobs.batch').filter((j) => inNs(j, ns) && ownedBy(j, 'CronJob', cronJob)).length >= n;

/** The StatefulSet wants `n`, reports `n` ready, and its pods are exactly `<name>-0 … <name>-(n-1)`, all running. */
export const statefulSetReady =
  (ns: string, name: string, n: number): Check =>
  (s) => {
    const sts = findObject<KubeObject & ReplicaStatus>(s, 'statefulsets.apps', ns, name);
    if (!sts || sts.spec?.replicas !== n || (sts.status?.readyReplicas ?? 0) !== n) return false;
    return podsNamed(ns, 'StatefulSet', name, Array.from({ length: n }, (_, i) => `${name}-${i}`))(s) && ownedPodsRunning(ns, 'StatefulSet', name, n)(s);
  };

/** The owner's live pods have exactly these names. */
export const podsNamed =
  (ns: string, kind: string, owner: string, names: readonly string[]): Check =>
  (s) => {
    const have = podsOwnedBy(s, ns, kind, owner)
      .map((p) => p.metadata.name)
      .sort();
    return have.length === names.length && [...names].sort().every((n, i) => have[i] === n);
  };

/** Events with this reason about the named object, repeats folded into `count` included. */
export function eventTotal(s: ClusterSnapshot, reason: string, name: string, messageIncludes?: string): number {
  return list<Event & KubeObject>(s, 'events')
    .filter((e) => e.reason === reason && e.involvedObject.name === name && (messageIncludes === undefined || (e.message ?? '').includes(messageIncludes)))
    .reduce((sum, e) => sum + (e.count ?? 1), 0);
}

export const eventCountAtLeast =
  (reason: string, name: string, n: number, messageIncludes?: string): Check =>
  (s) =>
    eventTotal(s, reason, name, messageIncludes) >= n;

/** The node's Ready condition is not True (stopped, or its kubelet stopped posting status). */
export const nodeNotReady =
  (name: string): Check =>
  (s) => {
    const node = findNode(s, name);
    const ready = node?.status?.conditions?.find((c) => c.type === 'Ready');
    return !!node && ready?.status !== 'True';
  };

/** Running, ready pods carrying this label spread over at least `nodes` distinct nodes. */
export const podsSpreadOver =
  (ns: string, label: string, value: string, count: number, nodes: number): Check =>
  (s) => {
    const pods = list<PodObject>(s, 'pods').filter((p) => inNs(p, ns) && p.metadata.labels?.[label] === value && isRunningReady(p));
    return pods.length === count && new Set(pods.map((p) => p.spec?.nodeName)).size >= nodes;
  };

/** Running, ready pods carrying this label number exactly `n`. */
export const podsRunningWithLabel =
  (ns: string, label: string, value: string, n: number): Check =>
  (s) =>
    list<PodObject>(s, 'pods').filter((p) => inNs(p, ns) && p.metadata.labels?.[label] === value && isRunningReady(p)).length === n;

/** A PersistentVolumeClaim exists in this phase (`Pending` until the storage lesson binds it). */
export const pvcPhase =
  (ns: string, name: string, phase: string): Check =>
  (s) =>
    (findObject<KubeObject & { status?: { phase?: string } }>(s, 'persistentvolumeclaims', ns, name)?.status?.phase ?? 'Pending') === phase &&
    !!findObject(s, 'persistentvolumeclaims', ns, name);

/** A resource exists (not being deleted). */
export const objectExists =
  (resource: string, ns: string | undefined, name: string): Check =>
  (s) =>
    list(s, resource).some((o) => o.metadata.name === name && (ns === undefined || inNs(o, ns)) && live(o));

// ---- Labels and selectors (lesson 8) -----------------------------------------------------

/** The pod carries `key=value`; with `value` undefined, the pod exists and has no `key` label at all. */
export const podLabel =
  (ns: string, name: string, key: string, value?: string): Check =>
  (s) => {
    const pod = findPod(s, ns, name);
    if (!pod) return false;
    const v = pod.metadata.labels?.[key];
    return value === undefined ? v === undefined : v === value;
  };

/** No controller owns the pod: a controller released it (or it never had one). */
export const podWithoutController =
  (ns: string, name: string): Check =>
  (s) => {
    const pod = findPod(s, ns, name);
    return !!pod && !((pod as Owned).metadata.ownerReferences ?? []).some((r) => r.controller);
  };

/**
 * The NAME column of the last `kubectl get` table (header skipped, `kind/` prefixes kept),
 * or undefined when the last command was not a successful get.
 */
export function listedNames(s: ClusterSnapshot): string[] | undefined {
  const r = s.lastResult;
  if (!r || r.exitCode !== 0 || !/(^|\s)get\s/.test(r.command)) return undefined;
  const column = /\s(-A|--all-namespaces)\b/.test(r.command) ? 1 : 0;
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^(NAMESPACE|NAME)\s/.test(l))
    .map((l) => l.trim().split(/\s+/)[column] ?? '');
}

/** The last `kubectl get` listed exactly these names, in any order (an empty list: it found nothing). */
export const lastListingIs =
  (names: readonly string[]): Check =>
  (s) => {
    const got = listedNames(s)?.sort();
    const want = [...names].sort();
    return !!got && got.length === want.length && got.every((n, i) => n === want[i]);
  };

/** A cluster setting has this value (the CNI plugin, the load-balancer provider ...). */
export const clusterSetting =
  <K extends keyof ClusterSettings>(key: K, value: ClusterSettings[K]): Check =>
  (s) =>
    (s.settings ?? DEFAULT_SETTINGS)[key] === value;

// ---- Services and networking (lessons 9-11) ----------------------------------------------

interface ServiceShape {
  spec?: { type?: string; clusterIP?: string; selector?: Record<string, string>; ports?: { port: number; nodePort?: number; targetPort?: number | string }[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}
type ServiceObject = KubeObject & ServiceShape;

interface EndpointSliceShape {
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean; serving?: boolean }; targetRef?: { kind?: string; name?: string; namespace?: string } }[];
}

export function findService(s: ClusterSnapshot, ns: string, name: string): ServiceObject | undefined {
  return findObject<ServiceObject>(s, 'services', ns, name);
}

/** The Service exists with this `spec.type` (ClusterIP when unset, as the API server defaults it). */
export const serviceType =
  (ns: string, name: string, type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'): Check =>
  (s) => {
    const svc = findService(s, ns, name);
    return !!svc && live(svc) && (svc.spec?.type ?? 'ClusterIP') === type;
  };

/** The Service has a ClusterIP inside this CIDR (the Service CIDR, 10.96.0.0/12 by default). */
export const serviceClusterIPIn =
  (ns: string, name: string, cidr: string): Check =>
  (s) => {
    const ip = findService(s, ns, name)?.spec?.clusterIP;
    return !!ip && ip !== 'None' && inCidr(ip, cidr);
  };

/** Pod names behind the Service's ready endpoints, from its EndpointSlices (`kubernetes.io/service-name`). */
export function readyEndpointPods(s: ClusterSnapshot, ns: string, service: string): string[] {
  return list<KubeObject & EndpointSliceShape>(s, 'endpointslices.discovery.k8s.io')
    .filter((es) => inNs(es, ns) && live(es) && es.metadata.labels?.['kubernetes.io/service-name'] === service)
    .flatMap((es) => es.endpoints ?? [])
    .filter((e) => e.conditions?.ready !== false)
    .map((e) => e.targetRef?.name ?? e.addresses[0] ?? '')
    .sort();
}

/** Exactly `n` ready endpoints, each one a running, ready pod carrying this label. */
export const serviceReadyEndpoints =
  (ns: string, name: string, n: number, label?: [string, string]): Check =>
  (s) => {
    if (!findService(s, ns, name)) return false;
    const names = readyEndpointPods(s, ns, name);
    if (names.length !== n) return false;
    return names.every((pn) => {
      const p = findPod(s, ns, pn);
      return !!p && isRunningReady(p) && (!label || p.metadata.labels?.[label[0]] === label[1]);
    });
  };

/** The Service's first port has this node port (any allocated one when `port` is omitted). */
export const serviceNodePort =
  (ns: string, name: string, port?: number): Check =>
  (s) => {
    const np = findService(s, ns, name)?.spec?.ports?.[0]?.nodePort;
    return np !== undefined && (port === undefined || np === port);
  };

/** A load-balancer provider has given the Service an external address (`status.loadBalancer.ingress`). */
export function loadBalancerAddress(s: ClusterSnapshot, ns: string, name: string): string | undefined {
  const ing = findService(s, ns, name)?.status?.loadBalancer?.ingress?.[0];
  return ing?.ip ?? ing?.hostname;
}

export const loadBalancerAssigned =
  (ns: string, name: string): Check =>
  (s) =>
    !!loadBalancerAddress(s, ns, name);

/** The last command's output, trimmed, is the name of a running pod carrying this label: a server that answers with its hostname. */
export const lastAnsweredByPod =
  (ns: string, label: string, value: string): Check =>
  (s) => {
    const r = s.lastResult;
    if (!r || r.exitCode !== 0) return false;
    const pod = findPod(s, ns, r.stdout.trim());
    return !!pod && pod.metadata.labels?.[label] === value && isRunningReady(pod);
  };

/** The snapshot's networking objects, in the shape the networking functions read. */
export function networkObjectsOf(s: ClusterSnapshot): NetworkObjects {
  const l = <T>(resource: string): T[] => list(s, resource) as unknown as T[];
  return {
    nodes: l('nodes'),
    pods: l('pods'),
    services: l('services'),
    endpointSlices: l('endpointslices.discovery.k8s.io'),
    networkPolicies: l('networkpolicies.networking.k8s.io'),
    ingresses: l('ingresses.networking.k8s.io'),
    ingressClasses: l('ingressclasses.networking.k8s.io'),
    namespaces: l('namespaces'),
  };
}

/**
 * What NetworkPolicy says about a connection from pod `from` to pod `to` on `port`, under the
 * snapshot's CNI plugin: `allowed` (the connection goes through) and `enforced` (the plugin
 * applies NetworkPolicy at all; Flannel does not).
 */
export const policyVerdictIs =
  (ns: string, from: string, to: string, port: number, want: { allowed: boolean; enforced: boolean }): Check =>
  (s) => {
    const client = findPod(s, ns, from);
    const server = findPod(s, ns, to);
    if (!client?.status?.podIP || !server?.status?.podIP) return false;
    const v = policyVerdict(networkObjectsOf(s), s.settings ?? DEFAULT_SETTINGS, { pod: client, ip: client.status.podIP }, { pod: server, port });
    return v.allowed === want.allowed && v.enforced === want.enforced;
  };

/** Some NetworkPolicy isolates pod `to` for connections from `from` (whether or not the CNI enforces it). */
export const policyWouldDeny =
  (ns: string, from: string, to: string, port: number): Check =>
  (s) => {
    const client = findPod(s, ns, from);
    const server = findPod(s, ns, to);
    if (!client?.status?.podIP || !server?.status?.podIP) return false;
    const v = policyVerdict(networkObjectsOf(s), { ...(s.settings ?? DEFAULT_SETTINGS), cni: 'calico' }, { pod: client, ip: client.status.podIP }, { pod: server, port });
    return !v.allowed;
  };
