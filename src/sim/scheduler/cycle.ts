import type { CompactResult, FilterFailure, FilterPlugin, NodeInfo, PodInfo, ScorePlugin, SchedulingResult } from './types';
import { NodeUnschedulable } from './plugins/nodeUnschedulable';
import { NodeName } from './plugins/nodeName';
import { TaintTolerationFilter, TaintTolerationScore } from './plugins/taintToleration';
import { NodeAffinityFilter, NodeAffinityScore } from './plugins/nodeAffinity';
import { NodeResourcesBalancedAllocation, NodeResourcesFitFilter, NodeResourcesFitScore } from './plugins/nodeResourcesFit';
import { VolumeBinding } from './plugins/volumeBinding';
import { PodTopologySpreadFilter, PodTopologySpreadScore } from './plugins/podTopologySpread';
import { InterPodAffinityFilter, InterPodAffinityScore } from './plugins/interPodAffinity';

/** The default profile's filters, in kube-scheduler's order; a node fails at the first that rejects it. */
export const FILTER_PLUGINS: FilterPlugin[] = [
  NodeUnschedulable,
  NodeName,
  TaintTolerationFilter,
  NodeAffinityFilter,
  NodeResourcesFitFilter,
  VolumeBinding,
  PodTopologySpreadFilter,
  InterPodAffinityFilter,
];
export const SCORE_PLUGINS: ScorePlugin[] = [
  TaintTolerationScore,
  NodeAffinityScore,
  NodeResourcesFitScore,
  PodTopologySpreadScore,
  InterPodAffinityScore,
  NodeResourcesBalancedAllocation,
];

/**
 * percentageOfNodesToScore's adaptive default: small clusters check every node; from 100
 * nodes on, the scheduler stops once it has found enough feasible ones (50% minus 1% per 125
 * nodes, at least 5%, at least 100 nodes).
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < 100) return numAllNodes;
  const percentage = Math.max(5, 50 - Math.floor(numAllNodes / 125));
  return Math.max(100, Math.floor((numAllNodes * percentage) / 100));
}

export interface CycleOutcome {
  result: CompactResult;
  failures: FilterFailure[];
  /** Nodes looked at, to advance the next cycle's starting point. */
  processed: number;
  /** A PreFilter rejected the pod for every node; its reason alone makes the message. */
  preFilterMessage?: string;
}

/**
 * One scheduling cycle without the binding: filter nodes from `start` (round-robin, as
 * kube-scheduler's nextStartNodeIndex), score the feasible ones, pick the highest total
 * (ties go to the first name).
 */
export function runCycle(pod: PodInfo, nodes: NodeInfo[], names: string[], tick: number, start: number): CycleOutcome {
  for (const plugin of FILTER_PLUGINS) {
    const rejected = plugin.preFilter?.(pod, nodes);
    if (!rejected) continue;
    const failures = nodes.map(() => rejected);
    const result: CompactResult = { tick, nodes: names, reasons: nodes.map(() => rejected.reasons), scores: {} };
    return { result, failures, processed: 0, preFilterMessage: rejected.reasons.join(', ') };
  }
  const filters = FILTER_PLUGINS.filter((p) => !p.skip?.(pod));
  const want = numFeasibleNodesToFind(nodes.length);
  const all = want >= nodes.length;
  const from = all ? 0 : start % Math.max(1, nodes.length);
  const evaluated: string[] = all ? names : [];
  const reasons: (string[] | null)[] = [];
  const feasible: NodeInfo[] = [];
  const failures: FilterFailure[] = [];
  let processed = 0;
  for (let i = 0; i < nodes.length && feasible.length < want; i++) {
    const node = nodes[(from + i) % nodes.length] as NodeInfo;
    processed++;
    let failure: FilterFailure | undefined;
    for (const plugin of filters) {
      failure = plugin.filter(pod, node);
      if (failure) break;
    }
    if (!all) evaluated.push(node.name);
    if (failure) {
      reasons.push(failure.reasons);
      failures.push(failure);
    } else {
      reasons.push(null);
      feasible.push(node);
    }
  }
  const result: CompactResult = { tick, nodes: evaluated, reasons, scores: {} };
  if (!feasible.length) return { result, failures, processed };
  const totals = new Array<number>(feasible.length).fill(0);
  for (const plugin of SCORE_PLUGINS) plugin.preScore?.(pod, feasible, nodes);
  for (const plugin of SCORE_PLUGINS) {
    const scores = new Array<number>(feasible.length);
    for (let i = 0; i < feasible.length; i++) scores[i] = plugin.score(pod, feasible[i] as NodeInfo);
    plugin.normalize?.(scores);
    for (let i = 0; i < scores.length; i++) {
      scores[i] = (scores[i] as number) * plugin.weight;
      totals[i] = (totals[i] as number) + (scores[i] as number);
    }
    result.scores[plugin.name] = scores;
  }
  let best = 0;
  for (let i = 1; i < feasible.length; i++) {
    const d = (totals[i] as number) - (totals[best] as number);
    if (d > 0 || (d === 0 && (feasible[i] as NodeInfo).name < (feasible[best] as NodeInfo).name)) best = i;
  }
  result.chosen = (feasible[best] as NodeInfo).name;
  return { result, failures, processed };
}

/** The kept table as one row per evaluated node. */
export function expandResult(r: CompactResult): SchedulingResult {
  const plugins = Object.keys(r.scores);
  let f = 0;
  const nodes = r.nodes.map((node, i) => {
    const reasons = r.reasons[i];
    if (reasons) return { node, passed: false, reasons };
    const scores: Record<string, number> = {};
    let total = 0;
    for (const p of plugins) {
      const v = r.scores[p]?.[f] ?? 0;
      scores[p] = v;
      total += v;
    }
    f++;
    return { node, passed: true, reasons: [], scores, total };
  });
  const out: SchedulingResult = { tick: r.tick, nodes };
  if (r.chosen) out.chosen = r.chosen;
  if (r.message) out.message = r.message;
  return out;
}

/** The chosen node's total, and how many nodes passed. */
export function chosenSummary(r: CompactResult): { total: number; feasible: number } {
  let f = 0;
  let total = 0;
  for (let i = 0; i < r.nodes.length; i++) {
    if (r.reasons[i]) continue;
    if (r.nodes[i] === r.chosen) for (const s of Object.values(r.scores)) total += s[f] ?? 0;
    f++;
  }
  return { total, feasible: f };
}
