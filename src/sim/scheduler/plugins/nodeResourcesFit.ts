import type { FilterPlugin, ScorePlugin } from '../types';
import { MAX_NODE_SCORE } from '../types';

/** Requests already placed plus this pod's must fit in allocatable: cpu, memory, and the pod count. */
export const NodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, node) {
    const tooMany = node.requested.pods + 1 > node.allocatable.pods;
    const cpu = pod.requests.cpu > 0 && node.requested.cpu + pod.requests.cpu > node.allocatable.cpu;
    const memory = pod.requests.memory > 0 && node.requested.memory + pod.requests.memory > node.allocatable.memory;
    // Most nodes fit: build the reasons only for one that does not.
    if (!tooMany && !cpu && !memory) return undefined;
    const reasons: string[] = [];
    if (tooMany) reasons.push('Too many pods');
    if (cpu) reasons.push('Insufficient cpu');
    if (memory) reasons.push('Insufficient memory');
    return { reasons, unresolvable: false };
  },
};

function leastAllocated(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return ((capacity - requested) * MAX_NODE_SCORE) / capacity;
}

/** LeastAllocated: prefer the emptiest node (cpu and memory weighted equally), so pods spread. */
export const NodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(pod, node) {
    const cpu = leastAllocated(node.nonZeroRequested.cpu + pod.nonZeroRequests.cpu, node.allocatable.cpu);
    const mem = leastAllocated(node.nonZeroRequested.memory + pod.nonZeroRequests.memory, node.allocatable.memory);
    return Math.floor((cpu + mem) / 2);
  },
};

/** BalancedAllocation: prefer nodes whose cpu and memory would be used in equal proportion. */
export const NodeResourcesBalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(pod, node) {
    const cpu = Math.min(1, node.allocatable.cpu ? (node.nonZeroRequested.cpu + pod.nonZeroRequests.cpu) / node.allocatable.cpu : 1);
    const mem = Math.min(1, node.allocatable.memory ? (node.nonZeroRequested.memory + pod.nonZeroRequests.memory) / node.allocatable.memory : 1);
    const std = Math.abs(cpu - mem) / 2;
    return Math.floor((1 - std) * MAX_NODE_SCORE);
  },
};
