import type { Cluster } from '../cluster';
import type { PodObject } from '../scheduler/types';
import { findByKind } from '../api/resources';
import type { ResourceType } from '../api/resources';
import type { LabelSelectorLike } from '../store/labels';
import { containerLogs } from '../kubelet/logs';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { resolveType } from './resolve';
import type { KubectlResult } from './types';

const PODS = findByKind('v1', 'Pod') as ResourceType;

/** `logs deployment/web` and friends: the first pod (by name) the workload's selector picks. */
function podFor(cluster: Cluster, ns: string, ref: string): PodObject {
  const slash = ref.indexOf('/');
  if (slash < 0 || ['pod', 'pods', 'po'].includes(ref.slice(0, slash))) {
    const name = slash < 0 ? ref : ref.slice(slash + 1);
    const r = cluster.api.get(PODS, ns, name);
    if (!r.ok) throw new KubectlError(formatStatus(r.status));
    return r.object as PodObject;
  }
  const t = resolveType(ref.slice(0, slash));
  const r = cluster.api.get(t, ns, ref.slice(slash + 1));
  if (!r.ok) throw new KubectlError(formatStatus(r.status));
  const sel = (r.object.spec as { selector?: LabelSelectorLike } | undefined)?.selector;
  if (!sel) throw usage(`cannot get the logs from ${t.kind.toLowerCase()}: selector for ${ref} is not supported`);
  const pods = cluster.store
    .list<PodObject>('pods', { namespace: ns, labelSelector: sel })
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const pod = pods.find((p) => p.status?.phase === 'Running') ?? pods[0];
  if (!pod) throw usage(`timed out waiting for the condition`);
  return pod;
}

/** `kubectl logs POD [-c CONTAINER] [--previous] [--tail N]`, with kube-apiserver's errors. */
export function runLogs(cluster: Cluster, args: Args): KubectlResult {
  const [ref, second] = args.positional;
  if (!ref) throw usage('expected POD or TYPE/NAME is a required argument for the logs command');
  const ns = flag(args, 'namespace') ?? 'default';
  const pod = podFor(cluster, ns, ref);
  let container = flag(args, 'container') ?? second;
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  let stderr = '';
  if (!container) {
    container = names[0];
    if (names.length > 1)
      stderr = `Defaulted container "${container}" out of: ${[...names, ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ')}\n`;
  }
  const tailRaw = flag(args, 'tail');
  const tail = tailRaw === undefined ? undefined : Number(tailRaw);
  if (tail !== undefined && Number.isNaN(tail)) throw usage(`invalid argument "${tailRaw}" for "--tail" flag: strconv.ParseInt: parsing "${tailRaw}": invalid syntax`);
  const r = containerLogs(pod, { ...(container ? { container } : {}), previous: bool(args, 'previous'), ...(tail !== undefined ? { tail } : {}) }, cluster.clock.nowMillis());
  if (!r.ok) return { stdout: '', stderr: `${stderr}Error from server (BadRequest): ${r.message}\n`, exitCode: 1 };
  return { stdout: r.lines.map((l) => l + '\n').join(''), stderr, exitCode: 0 };
}
