import type { PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import type { FilterPlugin, NodeInfo, PodInfo, ScorePlugin } from '../types';
import { MAX_NODE_SCORE } from '../types';
import { bump, termMatchesPod, topologyPair } from './podTerms';

export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

interface FilterState {
  affinity: PodAffinityTerm[];
  antiAffinity: PodAffinityTerm[];
  /** Domains where a placed pod's required anti-affinity rejects the incoming pod. */
  existingAnti: Map<string, number>;
  /** Domains (per affinity term) holding pods that match every affinity term. */
  affinityCounts: Map<string, number>;
  /** Domains (per anti-affinity term) holding pods that match that term. */
  antiCounts: Map<string, number>;
  /** No pod anywhere matches the affinity terms, but the pod matches them itself: the first of its group may go anywhere. */
  firstOfGroup: boolean;
}

const KEY = 'InterPodAffinity';

function namespaceOf(p: { metadata: { namespace?: string } }): string {
  return p.metadata.namespace ?? 'default';
}

function prepare(pod: PodInfo, nodes: NodeInfo[]): FilterState {
  const aff = pod.pod.spec?.affinity;
  const affinity = aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  const antiAffinity = aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  const ns = namespaceOf(pod.pod);
  const s: FilterState = { affinity, antiAffinity, existingAnti: new Map(), affinityCounts: new Map(), antiCounts: new Map(), firstOfGroup: false };
  for (const node of nodes) {
    // Symmetry: a placed pod's required anti-affinity keeps matching pods out of its domain.
    for (const existing of node.podsWithRequiredAntiAffinity) {
      for (const term of existing.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
        if (termMatchesPod(term, namespaceOf(existing), pod.pod)) bump(s.existingAnti, topologyPair(node, term.topologyKey));
    }
    if (!affinity.length && !antiAffinity.length) continue;
    for (const existing of node.pods) {
      if (affinity.length && affinity.every((t) => termMatchesPod(t, ns, existing)))
        for (const t of affinity) bump(s.affinityCounts, topologyPair(node, t.topologyKey));
      for (const t of antiAffinity) if (termMatchesPod(t, ns, existing)) bump(s.antiCounts, topologyPair(node, t.topologyKey));
    }
  }
  s.firstOfGroup = affinity.length > 0 && s.affinityCounts.size === 0 && affinity.every((t) => termMatchesPod(t, ns, pod.pod));
  return s;
}

/**
 * InterPodAffinity's filter: required podAffinity (the node's domain must already hold a
 * matching pod), required podAntiAffinity (it must hold none), and placed pods' required
 * anti-affinity against this pod. Domains are node label values of each term's topologyKey.
 */
export const InterPodAffinityFilter: FilterPlugin = {
  name: KEY,
  preFilter(pod, nodes) {
    pod.cycle.set(KEY, prepare(pod, nodes));
    return undefined;
  },
  skip(pod) {
    const s = pod.cycle.get(KEY) as FilterState | undefined;
    return !s || (!s.affinity.length && !s.antiAffinity.length && !s.existingAnti.size);
  },
  filter(pod, node) {
    const s = pod.cycle.get(KEY) as FilterState | undefined;
    if (!s) return undefined;
    // kube's order: the pod's affinity, its anti-affinity, then placed pods' anti-affinity.
    if (s.affinity.length) {
      const ok = s.affinity.every((t) => {
        const pair = topologyPair(node, t.topologyKey);
        return pair !== undefined && (s.firstOfGroup || (s.affinityCounts.get(pair) ?? 0) > 0);
      });
      if (!ok) return { reasons: [ERR_AFFINITY], unresolvable: true };
    }
    for (const t of s.antiAffinity) {
      const pair = topologyPair(node, t.topologyKey);
      if (pair !== undefined && (s.antiCounts.get(pair) ?? 0) > 0) return { reasons: [ERR_ANTI_AFFINITY], unresolvable: false };
    }
    if (s.existingAnti.size) {
      for (const [k, v] of Object.entries(node.labels))
        if ((s.existingAnti.get(`${k}=${v}`) ?? 0) > 0) return { reasons: [ERR_EXISTING_ANTI_AFFINITY], unresolvable: false };
    }
    return undefined;
  },
};

function addPreferred(scores: Map<string, number>, terms: WeightedPodAffinityTerm[], sign: number, ns: string, node: NodeInfo): void {
  for (const existing of node.pods)
    for (const w of terms) if (termMatchesPod(w.podAffinityTerm, ns, existing)) bump(scores, topologyPair(node, w.podAffinityTerm.topologyKey), sign * w.weight);
}

/**
 * InterPodAffinity's score: each placed pod matching a preferred (anti-)affinity term adds
 * (subtracts) the term's weight to its whole domain; scores are rescaled min..max to 0..100.
 */
export const InterPodAffinityScore: ScorePlugin = {
  name: KEY,
  weight: 2,
  preScore(pod, _feasible, all) {
    const aff = pod.pod.spec?.affinity;
    const preferred = aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const antiPreferred = aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    if (!preferred.length && !antiPreferred.length) return;
    const ns = namespaceOf(pod.pod);
    const scores = new Map<string, number>();
    for (const node of all) {
      addPreferred(scores, preferred, 1, ns, node);
      addPreferred(scores, antiPreferred, -1, ns, node);
    }
    pod.cycle.set(`${KEY}/score`, scores);
  },
  score(pod, node) {
    const scores = pod.cycle.get(`${KEY}/score`) as Map<string, number> | undefined;
    if (!scores?.size) return 0;
    let sum = 0;
    for (const [k, v] of Object.entries(node.labels)) sum += scores.get(`${k}=${v}`) ?? 0;
    return sum;
  },
  normalize(scores) {
    if (!scores.length) return;
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      if (s < min) min = s;
      if (s > max) max = s;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.floor((MAX_NODE_SCORE * ((scores[i] as number) - min)) / diff) : 0;
  },
};
