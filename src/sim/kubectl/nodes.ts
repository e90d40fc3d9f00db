import type { Cluster } from '../cluster';
import type { NodeObject, PodObject } from '../scheduler/types';
import { KUBELET_STOPPED_ANNOTATION, kubeletStopped } from '../kubelet/node';
import { findByKind } from '../api/resources';
import type { ResourceType } from '../api/resources';
import type { Args } from './flags';
import { bool } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import type { KubectlResult } from './types';

/** cordon, uncordon, drain — and the sim's own `node stop|start`, which kubectl does not have. */

const NODES = findByKind('v1', 'Node') as ResourceType;

function getNode(cluster: Cluster, name: string | undefined, verb: string): NodeObject {
  if (!name) throw usage(`USAGE: ${verb} NODE [flags]`);
  const r = cluster.api.get(NODES, undefined, name);
  if (!r.ok) throw new KubectlError(formatStatus(r.status));
  return r.object as NodeObject;
}

function setUnschedulable(cluster: Cluster, node: NodeObject, on: boolean): string {
  const name = node.metadata.name;
  const word = on ? 'cordoned' : 'uncordoned';
  if (!!node.spec?.unschedulable === on) return `node/${name} already ${word}\n`;
  const spec = { ...node.spec };
  if (on) spec.unschedulable = true;
  else delete spec.unschedulable;
  const res = cluster.userClient().update(
    { ...node, spec },
    on
      ? { reason: `kubectl cordon marked ${name} unschedulable`, code: 'record.kubectl.cordon', params: { node: name } }
      : { reason: `kubectl uncordon made ${name} schedulable again`, code: 'record.kubectl.uncordon', params: { node: name } },
  );
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  return `node/${name} ${word}\n`;
}

export function runCordon(cluster: Cluster, args: Args, on: boolean): KubectlResult {
  const node = getNode(cluster, args.positional[0], on ? 'cordon' : 'uncordon');
  return { stdout: setUnschedulable(cluster, node, on), stderr: '', exitCode: 0 };
}

const controllerOf = (p: PodObject) => p.metadata.ownerReferences?.find((o) => o.controller);
const podRef = (p: PodObject) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;

/**
 * `kubectl drain`: cordon, then evict every pod on the node except DaemonSet-managed and
 * mirror pods, refusing (like kubectl's filters) pods nobody would recreate unless --force,
 * DaemonSet pods unless --ignore-daemonsets, and emptyDir data unless --delete-emptydir-data.
 * kubectl waits for the evicted pods to be gone; the sim's kubectl cannot wait on the clock,
 * so it reports each eviction once the API server has accepted it.
 */
export function runDrain(cluster: Cluster, args: Args): KubectlResult {
  const node = getNode(cluster, args.positional[0], 'drain');
  const name = node.metadata.name;
  let stdout = setUnschedulable(cluster, node, true);
  const force = bool(args, 'force');
  const ignoreDs = bool(args, 'ignore-daemonsets');
  const emptyDir = bool(args, 'delete-emptydir-data');
  const pods = cluster.store
    .list<PodObject>('pods')
    .filter((p) => p.spec?.nodeName === name && !p.metadata.deletionTimestamp)
    .sort((a, b) => podRef(a).localeCompare(podRef(b)));
  const unmanaged: string[] = [];
  const daemon: string[] = [];
  const local: string[] = [];
  const evict: PodObject[] = [];
  for (const p of pods) {
    if (p.metadata.annotations?.['kubernetes.io/config.mirror']) continue;
    const terminal = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    const owner = controllerOf(p);
    if (owner?.kind === 'DaemonSet') {
      daemon.push(podRef(p));
      continue;
    }
    if (!owner && !terminal) unmanaged.push(podRef(p));
    if (!terminal && (p.spec?.volumes ?? []).some((v) => v.emptyDir)) local.push(podRef(p));
    evict.push(p);
  }
  const fatal: string[] = [];
  const warnings: string[] = [];
  if (daemon.length) (ignoreDs ? warnings : fatal).push(ignoreDs ? `ignoring DaemonSet-managed Pods: ${daemon.join(', ')}` : `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemon.join(', ')}`);
  if (unmanaged.length) (force ? warnings : fatal).push(force ? `deleting Pods that declare no controller: ${unmanaged.join(', ')}` : `cannot delete Pods that declare no controller (use --force to override): ${unmanaged.join(', ')}`);
  if (local.length) (emptyDir ? warnings : fatal).push(emptyDir ? `deleting Pods with local storage: ${local.join(', ')}` : `cannot delete Pods with local storage (use --delete-emptydir-data to override): ${local.join(', ')}`);
  if (fatal.length) {
    const joined = fatal.length === 1 ? fatal[0] : `[${fatal.join(', ')}]`;
    return {
      stdout,
      stderr: `error: unable to drain node "${name}" due to error: ${joined}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${fatal.join('\n')}\n`,
      exitCode: 1,
    };
  }
  const stderr = warnings.map((w) => `Warning: ${w}\n`).join('');
  const evicted: string[] = [];
  for (const p of evict) {
    stdout += `evicting pod ${podRef(p)}\n`;
    const r = cluster.userClient().delete(p, { reason: `kubectl drain evicted ${podRef(p)} from ${name}`, code: 'record.kubectl.evict', params: { pod: podRef(p), node: name } });
    if (!r.ok) throw new KubectlError(formatStatus(r.status));
    evicted.push(`pod/${p.metadata.name} evicted\n`);
  }
  return { stdout: stdout + evicted.join('') + `node/${name} drained\n`, stderr, exitCode: 0 };
}

/**
 * `node stop NAME` / `node start NAME`: Kube Orchestra's switch for a node's kubelet. Stopped,
 * the kubelet posts nothing and starts nothing; the node lifecycle controller notices.
 */
export function runNodeCommand(cluster: Cluster, argv: string[]): KubectlResult {
  const [verb, nodeName] = argv;
  if ((verb !== 'stop' && verb !== 'start') || !nodeName)
    throw usage('usage: node stop NODE | node start NODE | node add NAME | node remove NAME (Kube Orchestra: stop or start a node\'s kubelet; a machine joins or leaves)');
  const node = getNode(cluster, nodeName, `node ${verb}`);
  const stopped = kubeletStopped(node);
  if (verb === 'stop' && stopped) return { stdout: `node/${nodeName} already stopped\n`, stderr: '', exitCode: 0 };
  if (verb === 'start' && !stopped) return { stdout: `node/${nodeName} already running\n`, stderr: '', exitCode: 0 };
  const annotations = { ...node.metadata.annotations };
  if (verb === 'stop') annotations[KUBELET_STOPPED_ANNOTATION] = cluster.clock.nowRFC3339();
  else delete annotations[KUBELET_STOPPED_ANNOTATION];
  const res = cluster.userClient().update(
    { ...node, metadata: { ...node.metadata, annotations } },
    verb === 'stop'
      ? { reason: `The learner stopped the kubelet of ${nodeName}: it no longer posts status or runs pods`, code: 'record.sim.nodeStop', params: { node: nodeName } }
      : { reason: `The learner started the kubelet of ${nodeName} again`, code: 'record.sim.nodeStart', params: { node: nodeName } },
  );
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  return { stdout: `node/${nodeName} ${verb === 'stop' ? 'stopped' : 'started'}\n`, stderr: '', exitCode: 0 };
}
