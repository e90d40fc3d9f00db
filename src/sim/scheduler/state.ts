import type { Store } from '../store/store';
import { intValue, milliValue } from '../quantity';
import type { CompactResult, NodeInfo, NodeObject, PodInfo, PodObject } from './types';
import { podNonZeroRequests, podRequests } from './podResources';

/** How many pods' filter/score tables are kept (the most recent ones): enough to explain, bounded at scale. */
export const MAX_RESULTS = 200;

export interface SavedSchedulerState {
  results: [string, CompactResult][];
  unschedulable: string[];
  nextStartNodeIndex: number;
}

function finished(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function nodeInfo(node: NodeObject): NodeInfo {
  const a = node.status?.allocatable ?? {};
  return {
    node,
    name: node.metadata.name,
    labels: node.metadata.labels ?? {},
    taints: node.spec?.taints ?? [],
    allocatable: { cpu: milliValue(a.cpu), memory: intValue(a.memory), pods: intValue(a.pods) },
    requested: { cpu: 0, memory: 0, pods: 0 },
    nonZeroRequested: { cpu: 0, memory: 0 },
    pods: [],
    podsWithRequiredAntiAffinity: [],
  };
}

/**
 * What the scheduler remembers: the decision tables it shows the learner, which pods are
 * waiting for the cluster to change, and a snapshot of nodes with what is placed on them.
 * The snapshot is rebuilt from the store whenever anyone else has written since it was
 * taken, and updated in place for the scheduler's own binds (kube-scheduler's "assume"),
 * so a tick that schedules many pods lists the pods once rather than once per pod.
 */
export class SchedulerState {
  readonly results = new Map<string, CompactResult>();
  readonly unschedulable = new Set<string>();
  /** Where the next cycle starts looking in a large cluster (round-robin over nodes). */
  nextStartNodeIndex = 0;
  private cache: { rv: number; nodes: NodeInfo[]; names: string[]; byName: Map<string, NodeInfo> } | undefined;

  snapshot(store: Store): NodeInfo[] {
    if (this.cache && this.cache.rv === store.resourceVersion) return this.cache.nodes;
    const nodes = store
      .list<NodeObject>('nodes')
      .map(nodeInfo)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const byName = new Map(nodes.map((n) => [n.name, n]));
    for (const pod of store.list<PodObject>('pods')) {
      const nodeName = pod.spec?.nodeName;
      if (!nodeName || finished(pod)) continue;
      const info = byName.get(nodeName);
      if (info) this.add(info, podRequests(pod), podNonZeroRequests(pod), pod);
    }
    this.cache = { rv: store.resourceVersion, nodes, names: nodes.map((n) => n.name), byName };
    return nodes;
  }

  private add(info: NodeInfo, req: { cpu: number; memory: number }, nonZero: { cpu: number; memory: number }, pod: PodObject): void {
    info.pods.push(pod);
    if (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length) info.podsWithRequiredAntiAffinity.push(pod);
    info.requested.cpu += req.cpu;
    info.requested.memory += req.memory;
    info.requested.pods += 1;
    info.nonZeroRequested.cpu += nonZero.cpu;
    info.nonZeroRequested.memory += nonZero.memory;
  }

  /** Node names of the current snapshot, in order (shared by every table of this snapshot). */
  nodeNames(): string[] {
    return this.cache?.names ?? [];
  }

  /** Counts a pod the scheduler just bound, without re-reading the store. */
  assume(nodeName: string, pod: PodInfo): void {
    const info = this.cache?.byName.get(nodeName);
    if (info) this.add(info, pod.requests, pod.nonZeroRequests, { ...pod.pod, spec: { ...pod.pod.spec, nodeName } } as PodObject);
  }

  /** Declares the snapshot current with the store after the scheduler's own writes. */
  markCurrent(store: Store): void {
    if (this.cache) this.cache.rv = store.resourceVersion;
  }

  setResult(key: string, result: CompactResult): void {
    this.results.delete(key);
    this.results.set(key, result);
    if (this.results.size > MAX_RESULTS) {
      const oldest = this.results.keys().next().value;
      if (oldest !== undefined) this.results.delete(oldest);
    }
  }

  save(): SavedSchedulerState {
    return { results: [...this.results], unschedulable: [...this.unschedulable], nextStartNodeIndex: this.nextStartNodeIndex };
  }

  load(saved: SavedSchedulerState): void {
    this.results.clear();
    this.unschedulable.clear();
    for (const [k, r] of saved.results) this.results.set(k, r);
    for (const k of saved.unschedulable) this.unschedulable.add(k);
    this.nextStartNodeIndex = saved.nextStartNodeIndex ?? 0;
    this.cache = undefined;
  }
}
