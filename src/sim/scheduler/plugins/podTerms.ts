import type { PodAffinityTerm } from 'kubernetes-types/core/v1';
import { matchesSelector } from '../../store/labels';
import type { NodeInfo, PodObject } from '../types';

/**
 * Whether `pod` is selected by an affinity term written on a pod in `ownerNamespace`: no
 * namespaces and no namespaceSelector mean the owner's own namespace; an empty
 * namespaceSelector means every namespace. (A namespaceSelector with labels is not
 * evaluated: the scheduler's node snapshot holds no namespaces, so only the listed
 * `namespaces` count then.)
 */
export function termMatchesPod(term: PodAffinityTerm, ownerNamespace: string, pod: PodObject): boolean {
  if (!term.labelSelector) return false;
  const ns = pod.metadata.namespace ?? 'default';
  const sel = term.namespaceSelector;
  const allNamespaces = !!sel && !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
  if (!allNamespaces) {
    const list = term.namespaces?.length ? term.namespaces : sel ? [] : [ownerNamespace];
    if (!list.includes(ns)) return false;
  }
  return matchesSelector(term.labelSelector, pod.metadata.labels);
}

/** `key=value` of a node's topology domain for `key`, or undefined when the node lacks the label. */
export function topologyPair(node: NodeInfo, key: string): string | undefined {
  const v = node.labels[key];
  return v === undefined ? undefined : `${key}=${v}`;
}

export function bump(map: Map<string, number>, pair: string | undefined, by = 1): void {
  if (pair !== undefined) map.set(pair, (map.get(pair) ?? 0) + by);
}
