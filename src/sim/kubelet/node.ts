import type { NodeObject } from '../scheduler/types';

/**
 * Marks a node whose kubelet the learner stopped (`node stop worker-1`, a sim command, not
 * kubectl). Visibly ours: a real node just goes silent; the sim has no heartbeats to stop, so
 * this annotation stands for the silence, and its value is when it began.
 */
export const KUBELET_STOPPED_ANNOTATION = 'sim.kube-orchestra.io/kubelet-stopped';

export function kubeletStopped(node: NodeObject | undefined): boolean {
  return !!node?.metadata.annotations?.[KUBELET_STOPPED_ANNOTATION];
}

export function nodeReady(node: NodeObject): string | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}
