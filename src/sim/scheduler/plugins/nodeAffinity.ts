import type { NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1';
import type { FilterPlugin, NodeInfo, ScorePlugin } from '../types';
import { MAX_NODE_SCORE, maxOf } from '../types';

function matchesRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // Gt/Lt compare integers; a label that is not an integer never matches.
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0] as string)) return false;
      const a = Number(value);
      const b = Number(values[0]);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** A term matches when all its expressions and fields do; an empty term matches nothing. */
export function matchesTerm(term: NodeSelectorTerm, node: NodeInfo): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  return (
    exprs.every((r) => matchesRequirement(r, node.labels[r.key])) &&
    fields.every((r) => matchesRequirement(r, r.key === 'metadata.name' ? node.name : undefined))
  );
}

export const NodeAffinityFilter: FilterPlugin = {
  name: 'NodeAffinity',
  skip: (pod) => !pod.nodeSelectorEntries.length && !pod.requiredTerms,
  filter(pod, node) {
    const selectorOk = pod.nodeSelectorEntries.every(([k, v]) => node.labels[k] === v);
    // nodeSelectorTerms are ORed.
    const affinityOk = !pod.requiredTerms || pod.requiredTerms.some((t) => matchesTerm(t, node));
    if (selectorOk && affinityOk) return undefined;
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  },
};

/** Sum of the weights of matching preferred terms, scaled so the best node gets 100. */
export const NodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  score(pod, node) {
    if (!pod.preferredTerms.length) return 0;
    let sum = 0;
    for (const p of pod.preferredTerms) if (matchesTerm(p.preference, node)) sum += p.weight;
    return sum;
  },
  normalize(scores) {
    const max = maxOf(scores);
    if (max === 0) return;
    for (let i = 0; i < scores.length; i++) scores[i] = Math.floor((MAX_NODE_SCORE * (scores[i] as number)) / max);
  },
};
