import type { PodStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../objects';
import { refOf } from '../objects';
import type { Store } from '../store/store';
import type { SimClock } from '../clock';
import { Random } from '../random';
import { ApiServer } from '../api/server';
import type { ClusterSettings } from '../settings';
import type { ReconcileRecord } from '../controllers/types';
import type { NodeObject, PodObject } from '../scheduler/types';
import { imageID as imageIDOf, normalizeImage } from '../kubelet/images';
import { podConditions, qosClass } from '../kubelet/status';
import { templateHash } from '../controllers/statefulset/revision';
import { newDaemonPod } from '../controllers/daemonset/pods';
import type { DaemonSetObject } from '../controllers/daemonset/pods';
import { STATIC_COMPONENTS } from './staticPods';
import { configHash, mirrorPod } from './mirror';
import type { CniInstall } from './daemonsets';
import { cniInstall, kubeProxyConfigMap, kubeProxyDaemonSet } from './daemonsets';
import { nodeLease } from './leases';
import { withNetwork } from './network';
import { CONTROL_PLANE_NODE } from './status';

const IMAGE_IDS = new Map<string, string>();

/** A version-4-shaped UID derived from the object's name: bootstrap objects past the first need no PRNG draw. */
function uidFor(name: string): string {
  const h = configHash(name);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16] ?? '0', 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Container IDs derived from the pod and container: no PRNG draw for 1,000 bootstrap pods. */
function containerID(pod: PodObject, name: string): string {
  return `containerd://${configHash(`${pod.metadata.uid ?? ''}/${name}`)}${configHash(`${name}/${pod.metadata.name}`)}`;
}

type Write = (obj: KubeObject, why: { reason: string; code: string }, status?: unknown) => KubeObject;

/** A pod the kubelet already runs: every init container done, every container running and ready. */
export function runningStatus(pod: PodObject, node: NodeObject, now: string): PodStatus {
  const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const id = (name: string) => containerID(pod, name);
  const imageID = (image: string) => {
    let v = IMAGE_IDS.get(image);
    if (v === undefined) IMAGE_IDS.set(image, (v = imageIDOf(image)));
    return v;
  };
  const inits = pod.spec?.initContainers ?? [];
  return {
    phase: 'Running',
    conditions: podConditions(pod, now, { initialized: true, ready: true }),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    // Every component pod here runs in the host's network namespace.
    podIP: hostIP,
    podIPs: [{ ip: hostIP }],
    startTime: now,
    ...(inits.length
      ? {
          initContainerStatuses: inits.map((c) => ({
            name: c.name,
            image: normalizeImage(c.image ?? ''),
            imageID: imageID(c.image ?? ''),
            containerID: id(c.name),
            ready: true,
            restartCount: 0,
            started: false,
            state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now, containerID: '' } },
          })),
        }
      : {}),
    containerStatuses: (pod.spec?.containers ?? []).map((c) => ({
      name: c.name,
      image: normalizeImage(c.image ?? ''),
      imageID: imageID(c.image ?? ''),
      containerID: id(c.name),
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: now } },
    })),
    qosClass: qosClass(pod),
  };
}

/**
 * A DaemonSet with one Running pod per eligible node, and the status its controller would write.
 * The first pod goes through the API server (defaulting, validation); the others are that pod
 * for their node, put straight into the store: 500 nodes must not cost 1,000 API round trips.
 */
function daemonSetRunning(write: Write, store: Store, ds: DaemonSetObject, nodes: NodeObject[], now: string, random: Random, what: string, record: (pod: KubeObject) => void): void {
  const made = write(ds, { reason: `${what}: the ${ds.metadata.name} DaemonSet runs one pod on every node`, code: 'record.components.daemonSet' }) as DaemonSetObject;
  const hash = templateHash(made.spec?.template);
  let first: PodObject | undefined;
  for (const node of nodes) {
    const nodeName = node.metadata.name;
    const name = `${made.metadata.name}-${random.nameSuffix()}`;
    if (!first) {
      const draft = newDaemonPod(made, nodeName, hash, '1');
      draft.metadata.name = name;
      draft.spec = { ...draft.spec, containers: draft.spec?.containers ?? [], nodeName };
      const pod = write(draft, { reason: `The DaemonSet controller placed ${made.metadata.name}'s pod on ${nodeName}`, code: 'record.components.daemonPod' }) as PodObject;
      first = write(pod, { reason: '', code: '' }, runningStatus(pod, node, now)) as PodObject;
      continue;
    }
    // Only the node differs; the rest of the spec is shared, as stored objects are never mutated in place.
    const base = first.spec as NonNullable<PodObject['spec']>;
    const spec = {
      ...base,
      nodeName,
      affinity: { ...base.affinity, nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } },
    };
    const draft = { ...first, metadata: { ...first.metadata, name, uid: uidFor(name), resourceVersion: undefined }, spec } as PodObject;
    // The first pod's status with this node's address and container IDs (conditions, QoS and images are the same).
    const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    const st = first.status as PodStatus;
    const ids = (list: PodStatus['containerStatuses']) => list?.map((x) => ({ ...x, containerID: containerID(draft, x.name) }));
    draft.status = { ...st, hostIP: ip, hostIPs: [{ ip }], podIP: ip, podIPs: [{ ip }], ...(st.initContainerStatuses ? { initContainerStatuses: ids(st.initContainerStatuses) } : {}), containerStatuses: ids(st.containerStatuses) };
    record(store.create('pods', draft));
  }
  const n = nodes.length;
  const cur = store.get<DaemonSetObject>('daemonsets.apps', made.metadata.namespace, made.metadata.name) as DaemonSetObject;
  write(cur, { reason: '', code: '' }, {
    currentNumberScheduled: n,
    numberMisscheduled: 0,
    desiredNumberScheduled: n,
    numberReady: n,
    observedGeneration: made.metadata.generation ?? 1,
    updatedNumberScheduled: n,
    numberAvailable: n,
  });
}

/** The objects of a CNI install besides its DaemonSet (namespace, ServiceAccount, ConfigMaps). */
export function cniSupport(install: CniInstall): KubeObject[] {
  const out: KubeObject[] = [];
  if (install.ownNamespace)
    out.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: install.namespace, labels: { 'kubernetes.io/metadata.name': install.namespace, 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' } },
    });
  out.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: install.serviceAccount, namespace: install.namespace } });
  if (install.ownNamespace) out.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: install.namespace } });
  out.push(...install.configMaps);
  return out;
}

/**
 * What `kubeadm init`/`join` and the admin's CNI install leave running in kube-system (and
 * kube-flannel): the control plane's static pods as mirror pods, kube-proxy and the CNI agent on
 * every node, each node's heartbeat Lease, and the nodes' network conditions. Written through a
 * trusted API server with its own PRNG (so the seed's names for the learner's objects do not
 * change); the caller drops their watch events, so the cluster is settled at tick 0.
 */
export function bootstrapComponents(opts: {
  store: Store;
  clock: SimClock;
  seed: number;
  settings: () => Readonly<ClusterSettings>;
  record: (r: ReconcileRecord) => void;
}): void {
  const api = new ApiServer(opts.store, opts.clock, new Random((opts.seed ^ 0x636f6d70) >>> 0), {}, opts.settings);
  const random = new Random((opts.seed ^ 0x6e6f6465) >>> 0);
  const now = opts.clock.nowRFC3339();
  const write: Write = (obj, why, status) => {
    const res = status === undefined ? api.create(obj, { trusted: true }) : api.update({ ...obj, status } as KubeObject, { subresource: 'status', trusted: true });
    if (!res.ok) throw new Error(`bootstrap ${obj.kind} ${obj.metadata.name}: ${res.status.message}`);
    if (why.code) opts.record({ tick: 0, controller: 'kubeadm', key: '', action: 'create', target: refOf(res.object), reason: why.reason, code: why.code, params: { name: res.object.metadata.name } });
    return res.object;
  };
  const recordPod = (pod: KubeObject) =>
    opts.record({ tick: 0, controller: 'kubeadm', key: '', action: 'create', target: refOf(pod), reason: `The DaemonSet controller placed ${pod.metadata.name} on ${(pod.spec as { nodeName?: string }).nodeName ?? ''}`, code: 'record.components.daemonPod', params: { name: pod.metadata.name } });
  const nodes = opts.store.list<NodeObject>('nodes').sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const cp = nodes.find((n) => n.metadata.name === CONTROL_PLANE_NODE);

  // Static pods: the kubelet on the control plane started them from /etc/kubernetes/manifests.
  if (cp)
    for (const component of STATIC_COMPONENTS) {
      const pod = write(mirrorPod(component, cp, now), { reason: `kubeadm init wrote /etc/kubernetes/manifests/${component}.yaml; the kubelet runs it as a static pod and posts its mirror pod`, code: 'record.components.staticPod' }) as PodObject;
      write(pod, { reason: '', code: '' }, runningStatus(pod, cp, now));
    }

  const cpIP = cp?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  write(kubeProxyConfigMap(cpIP), { reason: 'kubeadm init installs kube-proxy: its configuration', code: 'record.components.kubeProxy' });
  daemonSetRunning(write, opts.store, kubeProxyDaemonSet(), nodes, now, random, 'kubeadm init installs kube-proxy', recordPod);

  const cni = opts.settings().cni;
  const install = cniInstall(cni);
  if (install) {
    for (const obj of cniSupport(install)) write(obj, { reason: `The admin installs the ${cni} CNI plugin: ${obj.kind} ${obj.metadata.name}`, code: 'record.components.cni' });
    daemonSetRunning(write, opts.store, install.daemonSet, nodes, now, random, `The admin installs the ${cni} CNI plugin`, recordPod);
  }

  // Node conditions and Leases, straight into the store after the first Lease's API round trip.
  let lease: KubeObject | undefined;
  const renewTime = opts.clock.nowMicroTime();
  for (const node of nodes) {
    // The network conditions of a node whose CNI agent runs (or, with none, NotReady and tainted).
    const next = withNetwork(node, install ? cni : undefined, now);
    opts.store.update('nodes', { ...next, metadata: { ...next.metadata, resourceVersion: undefined } });
    const why = { reason: `The kubelet on ${node.metadata.name} holds its heartbeat Lease in kube-node-lease`, code: 'record.components.lease' };
    const fresh = nodeLease(node, renewTime);
    if (!lease) {
      lease = write(fresh, why);
      continue;
    }
    const made = opts.store.create('leases.coordination.k8s.io', { ...lease, metadata: { ...lease.metadata, ...fresh.metadata, uid: uidFor(`lease/${node.metadata.name}`), resourceVersion: undefined }, spec: fresh.spec } as KubeObject);
    opts.record({ tick: 0, controller: 'kubeadm', key: '', action: 'create', target: refOf(made), ...why, params: { name: made.metadata.name } });
  }
}
