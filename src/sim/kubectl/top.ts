import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { intValue, milliValue } from '../quantity';
import { sha256, utf8 } from '../network/sha256';
import { SelectorParseError, parseSelector } from '../store/labels';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { KubectlError, usage } from './errors';
import { resolveType } from './resolve';
import { table } from './tabwriter';
import type { KubectlResult } from './types';

/**
 * `kubectl top nodes|pods` from simulated metrics. A kubeadm cluster has no metrics-server
 * until one is installed (kubectl then says `error: Metrics API not available`); Kube
 * Orchestra behaves as if metrics-server were installed, since learners cannot install it
 * here. Usage is a pure function of the pod (its uid and requests) and of the 15-second
 * scrape window, so the same state prints the same numbers.
 */

const MI = 1024 * 1024;
/** metrics-server scrapes every 15 s: usage changes only between windows. */
const WINDOW_TICKS = 15;

type PodObject = Pod & KubeObject;
type NodeObject = Node & KubeObject;

/** A fraction in [lo, hi) from the hash of `key`. */
function factor(key: string, lo: number, hi: number): number {
  const h = sha256(utf8(key));
  const n = (((h[0] as number) << 16) | ((h[1] as number) << 8) | (h[2] as number)) / 0x1000000;
  return lo + (hi - lo) * n;
}

interface Usage {
  milliCpu: number;
  bytes: number;
}

function containerUsage(pod: PodObject, name: string, window: number): Usage {
  const c = (pod.spec?.containers ?? []).find((x) => x.name === name);
  const reqCpu = milliValue(c?.resources?.requests?.cpu ?? c?.resources?.limits?.cpu);
  const reqMem = intValue(c?.resources?.requests?.memory ?? c?.resources?.limits?.memory);
  const key = `${pod.metadata.uid ?? pod.metadata.name}/${name}/${window}`;
  const milliCpu = reqCpu ? Math.max(1, Math.round(reqCpu * factor(key + 'c', 0.05, 0.6))) : Math.max(1, Math.round(factor(key + 'c', 1, 6)));
  const bytes = reqMem ? Math.round(reqMem * factor(key + 'm', 0.2, 0.7)) : Math.round(factor(key + 'm', 3, 30) * MI);
  return { milliCpu, bytes };
}

/** A running pod's usage; pods not Running (or whose containers have not started) have no metrics yet. */
export function podUsage(pod: PodObject, tick: number): Usage | undefined {
  if (pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) return undefined;
  const running = (pod.status.containerStatuses ?? []).filter((s) => s.state?.running);
  if (!running.length) return undefined;
  const window = Math.floor(tick / WINDOW_TICKS);
  return running.map((s) => containerUsage(pod, s.name, window)).reduce((a, b) => ({ milliCpu: a.milliCpu + b.milliCpu, bytes: a.bytes + b.bytes }));
}

const cpuText = (m: number) => `${m}m`;
const memText = (b: number) => `${Math.round(b / MI)}Mi`;

function selectorOf(args: Args): LabelSelector | undefined {
  const text = flag(args, 'selector');
  try {
    return text !== undefined ? parseSelector(text) : undefined;
  } catch (e) {
    if (e instanceof SelectorParseError) throw usage(e.message);
    throw e;
  }
}

function topNodes(cluster: Cluster, args: Args, names: string[]): KubectlResult {
  const t = resolveType('nodes');
  let nodes = cluster.api.list(t, undefined, selectorOf(args)) as NodeObject[];
  if (names.length) {
    nodes = nodes.filter((n) => names.includes(n.metadata.name));
    const missing = names.find((n) => !nodes.some((x) => x.metadata.name === n));
    if (missing) throw new KubectlError(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${missing}" not found`);
  }
  const pods = cluster.api.list(resolveType('pods')) as PodObject[];
  const byNode = new Map<string, Usage>();
  for (const p of pods) {
    const u = p.spec?.nodeName ? podUsage(p, cluster.clock.tick) : undefined;
    if (!u || !p.spec?.nodeName) continue;
    const cur = byNode.get(p.spec.nodeName) ?? { milliCpu: 0, bytes: 0 };
    byNode.set(p.spec.nodeName, { milliCpu: cur.milliCpu + u.milliCpu, bytes: cur.bytes + u.bytes });
  }
  const rows = nodes
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
    .map((n) => {
      const ready = (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      if (!ready) return [n.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>'];
      const pu = byNode.get(n.metadata.name) ?? { milliCpu: 0, bytes: 0 };
      // The kubelet, container runtime and OS use some of the machine too.
      const cpu = pu.milliCpu + Math.round(factor(`${n.metadata.name}/sys/${Math.floor(cluster.clock.tick / WINDOW_TICKS)}`, 20, 60));
      const mem = pu.bytes + Math.round(factor(`${n.metadata.name}/sysmem`, 400, 700) * MI);
      const allocCpu = milliValue(n.status?.allocatable?.cpu) || 1;
      const allocMem = intValue(n.status?.allocatable?.memory) || 1;
      return [n.metadata.name, cpuText(cpu), `${Math.floor((cpu * 100) / allocCpu)}%`, memText(mem), `${Math.floor((mem * 100) / allocMem)}%`];
    });
  sortRows(rows, flag(args, 'sort-by'), 1, 3);
  const header = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'];
  if (!rows.length) return { stdout: '', stderr: 'No resources found\n', exitCode: 0 };
  return { stdout: table(bool(args, 'no-headers') ? rows : [header, ...rows]), stderr: '', exitCode: 0 };
}

function sortRows(rows: string[][], by: string | undefined, cpuCol: number, memCol: number): void {
  if (by === undefined) return;
  if (by !== 'cpu' && by !== 'memory') throw usage('--sort-by accepts only cpu or memory');
  const col = by === 'cpu' ? cpuCol : memCol;
  const num = (s: string | undefined) => Number.parseFloat(s ?? '') || 0;
  rows.sort((a, b) => num(b[col]) - num(a[col]));
}

function topPods(cluster: Cluster, args: Args, names: string[]): KubectlResult {
  const allNs = bool(args, 'all-namespaces');
  const ns = flag(args, 'namespace') ?? 'default';
  const containers = bool(args, 'containers');
  let pods = (cluster.api.list(resolveType('pods'), allNs ? undefined : ns, selectorOf(args)) as PodObject[]).sort((a, b) =>
    `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1,
  );
  if (names.length) {
    pods = pods.filter((p) => names.includes(p.metadata.name));
    const missing = names.find((n) => !pods.some((p) => p.metadata.name === n));
    if (missing) throw new KubectlError(`Error from server (NotFound): pods "${missing}" not found`);
    const noMetrics = pods.find((p) => !podUsage(p, cluster.clock.tick));
    if (noMetrics) throw new KubectlError(`error: Metrics not available for pod ${ns}/${noMetrics.metadata.name}, age: ${Math.max(0, Math.round((cluster.clock.nowMillis() - Date.parse(noMetrics.metadata.creationTimestamp ?? '')) / 1000)) || 0}s`);
  }
  const window = Math.floor(cluster.clock.tick / WINDOW_TICKS);
  const rows: string[][] = [];
  for (const p of pods) {
    const u = podUsage(p, cluster.clock.tick);
    if (!u) continue;
    const pre = allNs ? [p.metadata.namespace ?? ''] : [];
    if (containers) {
      for (const s of (p.status?.containerStatuses ?? []).filter((x) => x.state?.running)) {
        const cu = containerUsage(p, s.name, window);
        rows.push([...pre, p.metadata.name, s.name, cpuText(cu.milliCpu), memText(cu.bytes)]);
      }
    } else rows.push([...pre, p.metadata.name, cpuText(u.milliCpu), memText(u.bytes)]);
  }
  const off = (allNs ? 1 : 0) + (containers ? 1 : 0);
  sortRows(rows, flag(args, 'sort-by'), 1 + off, 2 + off);
  if (!rows.length) return { stdout: '', stderr: allNs ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`, exitCode: 0 };
  const header = [...(allNs ? ['NAMESPACE'] : []), ...(containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)'];
  return { stdout: table(bool(args, 'no-headers') ? rows : [header, ...rows]), stderr: '', exitCode: 0 };
}

export function runTop(cluster: Cluster, args: Args): KubectlResult {
  const [what, ...names] = args.positional;
  if (what === 'node' || what === 'nodes' || what === 'no') return topNodes(cluster, args, names);
  if (what === 'pod' || what === 'pods' || what === 'po') return topPods(cluster, args, names);
  throw usage(what ? `unknown command "${what}" for "kubectl top"` : 'kubectl top needs a subcommand: node or pod');
}
