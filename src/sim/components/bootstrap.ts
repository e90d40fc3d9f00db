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
import { imageID, normalizeImage } from '../kubelet/images';
import { podConditions, qosClass } from '../kubelet/status';
import { templateHash } from '../controllers/statefulset/revision';
import { newDaemonPod } from '../controllers/daemonset/pods';
import type { DaemonSetObject } from '../controllers/daemonset/pods';
import { STATIC_COMPONENTS } from './staticPods';
import { mirrorPod } from './mirror';
import type { CniInstall } from './daemonsets';
import { cniInstall, kubeProxyConfigMap, kubeProxyDaemonSet } from './daemonsets';
import { nodeLease } from './leases';
import { withNetwork } from './network';
import { CONTROL_PLANE_NODE } from './status';

type Write = (obj: KubeObject, why: { reason: string; code: string }, status?: unknown) => KubeObject;

/** A pod the kubelet already runs: every init container done, every container running and ready. */
export function runningStatus(pod: PodObject, node: NodeObject, now: string, random: Random): PodStatus {
  const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const id = () => `containerd://${random.hex(64)}`;
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
            containerID: id(),
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
      containerID: id(),
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: now } },
    })),
    qosClass: qosClass(pod),
  };
}

/** A DaemonSet with one Running pod per eligible node, and the status its controller would write. */
function daemonSetRunning(write: Write, store: Store, ds: DaemonSetObject, nodes: NodeObject[], now: string, random: Random, what: string): void {
  const made = write(ds, { reason: `${what}: the ${ds.metadata.name} DaemonSet runs one pod on every node`, code: 'record.components.daemonSet' }) as DaemonSetObject;
  const hash = templateHash(made.spec?.template);
  for (const node of nodes) {
    const draft = newDaemonPod(made, node.metadata.name, hash, '1');
    draft.metadata.name = `${made.metadata.name}-${random.nameSuffix()}`;
    draft.spec = { ...draft.spec, containers: draft.spec?.containers ?? [], nodeName: node.metadata.name };
    const pod = write(draft, { reason: `The DaemonSet controller placed ${made.metadata.name}'s pod on ${node.metadata.name}`, code: 'record.components.daemonPod' }) as PodObject;
    const status = runningStatus(pod, node, now, random);
    const cur = store.get<PodObject>('pods', pod.metadata.namespace, pod.metadata.name) as PodObject;
    write({ ...cur, status } as KubeObject, { reason: '', code: '' }, status);
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
  const nodes = opts.store.list<NodeObject>('nodes').sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const cp = nodes.find((n) => n.metadata.name === CONTROL_PLANE_NODE);

  // Static pods: the kubelet on the control plane started them from /etc/kubernetes/manifests.
  if (cp)
    for (const component of STATIC_COMPONENTS) {
      const pod = write(mirrorPod(component, cp, now), { reason: `kubeadm init wrote /etc/kubernetes/manifests/${component}.yaml; the kubelet runs it as a static pod and posts its mirror pod`, code: 'record.components.staticPod' }) as PodObject;
      write(pod, { reason: '', code: '' }, runningStatus(pod, cp, now, random));
    }

  const cpIP = cp?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  write(kubeProxyConfigMap(cpIP), { reason: 'kubeadm init installs kube-proxy: its configuration', code: 'record.components.kubeProxy' });
  daemonSetRunning(write, opts.store, kubeProxyDaemonSet(), nodes, now, random, 'kubeadm init installs kube-proxy');

  const cni = opts.settings().cni;
  const install = cniInstall(cni);
  if (install) {
    for (const obj of cniSupport(install)) write(obj, { reason: `The admin installs the ${cni} CNI plugin: ${obj.kind} ${obj.metadata.name}`, code: 'record.components.cni' });
    daemonSetRunning(write, opts.store, install.daemonSet, nodes, now, random, `The admin installs the ${cni} CNI plugin`);
  }

  for (const node of nodes) {
    // The network conditions of a node whose CNI agent runs (or, with none, NotReady and tainted).
    const next = withNetwork(node, install ? cni : undefined, now);
    if (!install) {
      const r = api.update({ ...node, spec: next.spec }, { trusted: true });
      if (r.ok) next.metadata = r.object.metadata;
    }
    api.update({ ...next, status: next.status }, { subresource: 'status', trusted: true });
    write(nodeLease(node, opts.clock.nowMicroTime()), { reason: `The kubelet on ${node.metadata.name} holds its heartbeat Lease in kube-node-lease`, code: 'record.components.lease' });
  }
}
