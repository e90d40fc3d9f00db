import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { FilterPlugin, ScorePlugin } from '../types';
import { MAX_NODE_SCORE, maxOf } from '../types';

/** v1.Toleration.ToleratesTaint: empty key + Exists tolerates everything; empty effect matches all. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The first taint with one of `effects` that no toleration covers. */
export function untoleratedTaint(taints: Taint[], tolerations: Toleration[], effects: string[]): Taint | undefined {
  return taints.find((taint) => effects.includes(taint.effect) && !tolerations.some((t) => tolerates(t, taint)));
}

export const TaintTolerationFilter: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, node) {
    if (!node.taints.length) return undefined;
    const taint = untoleratedTaint(node.taints, pod.tolerations, ['NoSchedule', 'NoExecute']);
    if (!taint) return undefined;
    return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true };
  },
};

/** Fewer untolerated PreferNoSchedule taints is better; normalized so the cleanest node gets 100. */
export const TaintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(pod, node) {
    let n = 0;
    for (const taint of node.taints) if (taint.effect === 'PreferNoSchedule' && !pod.tolerations.some((t) => tolerates(t, taint))) n++;
    return n;
  },
  normalize(scores) {
    const max = maxOf(scores);
    for (let i = 0; i < scores.length; i++) scores[i] = max === 0 ? MAX_NODE_SCORE : Math.floor(MAX_NODE_SCORE - (MAX_NODE_SCORE * (scores[i] as number)) / max);
  },
};
