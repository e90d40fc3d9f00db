import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { matchesSelector } from '../../store/labels';
import type { FilterPlugin, NodeInfo, PodInfo, PodObject, ScorePlugin } from '../types';
import { MAX_NODE_SCORE } from '../types';
import { NodeAffinityFilter } from './nodeAffinity';
import { untoleratedTaint } from './taintToleration';
import { bump, topologyPair } from './podTerms';

export const ERR_CONSTRAINTS = "node(s) didn't match pod topology spread constraints";
export const ERR_MISSING_LABEL = `${ERR_CONSTRAINTS} (missing required label)`;

const KEY = 'PodTopologySpread';

interface SpreadState {
  constraints: TopologySpreadConstraint[];
  /** Matching pods per `key=value` domain. */
  counts: Map<string, number>;
  /** Per constraint: the smallest count over its domains (0 when fewer domains than minDomains). */
  minMatch: number[];
  /** Per constraint: 1 when the incoming pod matches its own selector. */
  selfMatch: number[];
}

/**
 * Which nodes count as domains: with the defaults (nodeAffinityPolicy Honor, nodeTaintsPolicy
 * Ignore) a node the pod's nodeSelector/affinity excludes does not count, but a tainted node
 * does — which is why a tainted control-plane node can hold a spread back.
 */
function eligible(pod: PodInfo, node: NodeInfo, c: TopologySpreadConstraint): boolean {
  if ((c.nodeAffinityPolicy ?? 'Honor') === 'Honor' && NodeAffinityFilter.filter(pod, node)) return false;
  if ((c.nodeTaintsPolicy ?? 'Ignore') === 'Honor' && untoleratedTaint(node.taints, pod.tolerations, ['NoSchedule', 'NoExecute'])) return false;
  return true;
}

function matches(c: TopologySpreadConstraint, pod: PodObject, namespace: string): boolean {
  if (!c.labelSelector || (pod.metadata.namespace ?? 'default') !== namespace || pod.metadata.deletionTimestamp) return false;
  return matchesSelector(c.labelSelector, pod.metadata.labels);
}

function prepare(pod: PodInfo, nodes: NodeInfo[], constraints: TopologySpreadConstraint[]): SpreadState {
  const ns = pod.pod.metadata.namespace ?? 'default';
  const counts = new Map<string, number>();
  const domains = constraints.map(() => new Set<string>());
  for (const node of nodes) {
    // A node must carry every constraint's key to be a domain at all.
    if (constraints.some((c) => node.labels[c.topologyKey] === undefined)) continue;
    constraints.forEach((c, i) => {
      if (!eligible(pod, node, c)) return;
      const pair = topologyPair(node, c.topologyKey) as string;
      domains[i]?.add(pair);
      let n = 0;
      for (const p of node.pods) if (matches(c, p, ns)) n++;
      bump(counts, pair, n);
    });
  }
  const minMatch = constraints.map((c, i) => {
    const ds = domains[i] as Set<string>;
    if (c.minDomains !== undefined && ds.size < c.minDomains) return 0;
    let min = Infinity;
    for (const d of ds) min = Math.min(min, counts.get(d) ?? 0);
    return min === Infinity ? 0 : min;
  });
  const selfMatch = constraints.map((c) => (c.labelSelector && matchesSelector(c.labelSelector, pod.pod.metadata.labels) ? 1 : 0));
  return { constraints, counts, minMatch, selfMatch };
}

function constraintsOf(pod: PodInfo, when: 'DoNotSchedule' | 'ScheduleAnyway'): TopologySpreadConstraint[] {
  return (pod.pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === when);
}

/**
 * PodTopologySpread's filter for `whenUnsatisfiable: DoNotSchedule`: placing the pod in a
 * node's domain must not make that domain exceed the least-populated one by more than maxSkew.
 * (Cluster-level default constraints are not applied: only the pod's own.)
 */
export const PodTopologySpreadFilter: FilterPlugin = {
  name: KEY,
  preFilter(pod, nodes) {
    const constraints = constraintsOf(pod, 'DoNotSchedule');
    if (constraints.length) pod.cycle.set(KEY, prepare(pod, nodes, constraints));
    return undefined;
  },
  skip: (pod) => !pod.cycle.has(KEY),
  filter(pod, node) {
    const s = pod.cycle.get(KEY) as SpreadState | undefined;
    if (!s) return undefined;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i] as TopologySpreadConstraint;
      const pair = topologyPair(node, c.topologyKey);
      if (pair === undefined) return { reasons: [ERR_MISSING_LABEL], unresolvable: true };
      const skew = (s.counts.get(pair) ?? 0) + (s.selfMatch[i] as number) - (s.minMatch[i] as number);
      if (skew > c.maxSkew) return { reasons: [ERR_CONSTRAINTS], unresolvable: false };
    }
    return undefined;
  },
};

/**
 * PodTopologySpread's score for `ScheduleAnyway`: fewer matching pods in the node's domains
 * is better, each constraint weighted by log(domains + 2) plus maxSkew - 1; a node missing a
 * key scores 0.
 */
export const PodTopologySpreadScore: ScorePlugin = {
  name: KEY,
  weight: 2,
  preScore(pod, _feasible, all) {
    const constraints = constraintsOf(pod, 'ScheduleAnyway');
    if (!constraints.length) return;
    const s = prepare(pod, all, constraints);
    const weights = constraints.map((c) => {
      const domains = new Set(all.map((n) => n.labels[c.topologyKey]).filter((v) => v !== undefined));
      return Math.log(domains.size + 2);
    });
    pod.cycle.set(`${KEY}/score`, { s, weights });
  },
  score(pod, node) {
    const st = pod.cycle.get(`${KEY}/score`) as { s: SpreadState; weights: number[] } | undefined;
    if (!st) return 0;
    let sum = 0;
    for (let i = 0; i < st.s.constraints.length; i++) {
      const pair = topologyPair(node, (st.s.constraints[i] as TopologySpreadConstraint).topologyKey);
      if (pair === undefined) return -1;
      const c = st.s.constraints[i] as TopologySpreadConstraint;
      sum += (st.s.counts.get(pair) ?? 0) * (st.weights[i] as number) + (c.maxSkew - 1);
    }
    return Math.round(sum);
  },
  normalize(scores) {
    let min = Infinity;
    let max = 0;
    for (const s of scores) {
      if (s < 0) continue;
      if (s < min) min = s;
      if (s > max) max = s;
    }
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i] as number;
      if (s < 0) scores[i] = 0;
      else scores[i] = max === 0 ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - s)) / max);
    }
  },
};
