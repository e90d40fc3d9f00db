import type { Cluster } from '../cluster';
import { KUBERNETES_VERSION } from '../cluster';
import { nodeObject } from '../bootstrap';
import type { KubeObject } from '../objects';
import { usage, KubectlError, formatStatus } from './errors';
import type { KubectlResult } from './types';

const NODE_USAGE = 'usage: node add NAME | node remove NAME (Kube Orchestra: a machine joins or leaves the cluster)';

/** The lowest index no node's podCIDR (10.244.<i>.0/24) uses yet (and no index in `taken`). */
export function freeIndex(cluster: Cluster, taken: Iterable<number> = []): number {
  const used = new Set(
    cluster.store.list('nodes').map((n) => Number(/^10\.244\.(\d+)\.0\/24$/.exec((n.spec as { podCIDR?: string } | undefined)?.podCIDR ?? '')?.[1] ?? -1)),
  );
  for (const t of taken) used.add(t);
  let i = 0;
  while (used.has(i)) i++;
  return i;
}

/**
 * A machine registers as a worker Node through the API, as its kubelet does after `kubeadm join`.
 * Shared by `node add` and the node shell's `kubeadm join`; `adjust` lets the caller post the
 * kubelet's first status (NotReady when the runtime is misconfigured). Returns the API error text.
 */
export function joinNode(cluster: Cluster, name: string, opts: { index?: number; adjust?: (node: KubeObject) => KubeObject } = {}): string | undefined {
  const base = nodeObject(name, opts.index ?? freeIndex(cluster), {
    controlPlane: false,
    cpu: cluster.options.workerCpu ?? '4',
    memory: cluster.options.workerMemory ?? '8Gi',
    version: KUBERNETES_VERSION,
  });
  const node = opts.adjust ? opts.adjust(base) : base;
  const res = cluster
    .userClient()
    .as('kubeadm')
    .create(node, { reason: `kubeadm join registers ${name} as a new worker node`, code: 'record.nodeadmin.join', params: { node: name } });
  return res.ok ? undefined : formatStatus(res.status);
}

function addNode(cluster: Cluster, name: string): KubectlResult {
  const err = joinNode(cluster, name);
  if (err) throw new KubectlError(err);
  return { stdout: `node/${name} joined\n`, stderr: '', exitCode: 0 };
}

/**
 * The machine is gone: its Node object is deleted, and the pods bound to it are force-deleted
 * as kube's pod garbage collector does for pods on a node that no longer exists, so their
 * controllers (ReplicaSet, DaemonSet, StatefulSet) see them go.
 */
function removeNode(cluster: Cluster, name: string): KubectlResult {
  const t = cluster.api.resolve({ apiVersion: 'v1', kind: 'Node' });
  if (!t.ok) throw new KubectlError(formatStatus(t.status));
  const node = cluster.api.get(t.type, undefined, name);
  if (!node.ok) throw new KubectlError(formatStatus(node.status));
  const client = cluster.userClient();
  const res = client.as('kubectl').delete(node.object, { reason: `The machine ${name} leaves the cluster and its Node object is deleted`, code: 'record.nodeadmin.remove', params: { node: name } });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  const gc = client.as('pod-garbage-collector');
  let pods = 0;
  for (const pod of cluster.store.list<KubeObject>('pods')) {
    if ((pod.spec as { nodeName?: string } | undefined)?.nodeName !== name) continue;
    const r = gc.delete(
      pod,
      { reason: `Pod ${pod.metadata.namespace}/${pod.metadata.name} is bound to ${name}, which no longer exists, so it is deleted`, code: 'record.podgc.orphaned', params: { pod: `${pod.metadata.namespace}/${pod.metadata.name}`, node: name } },
      { gracePeriodSeconds: 0 },
    );
    if (r.ok) pods++;
  }
  return { stdout: `node/${name} removed (${pods} ${pods === 1 ? 'pod' : 'pods'} on it deleted)\n`, stderr: '', exitCode: 0 };
}

/** `node add NAME` / `node remove NAME`: Kube Orchestra's own commands, not kubectl's. */
export function runNodeAdmin(cluster: Cluster, words: string[]): KubectlResult {
  const [verb, name, ...rest] = words;
  if (!name || rest.length || (verb !== 'add' && verb !== 'remove')) throw usage(NODE_USAGE);
  return verb === 'add' ? addNode(cluster, name) : removeNode(cluster, name);
}
