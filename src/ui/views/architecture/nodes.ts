import type { KubeObject } from '../../../sim/objects';

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

/** Worker node names in cluster order (the control-plane node is drawn as its own box). */
export function workerNames(nodes: readonly KubeObject[]): string[] {
  return nodes.filter((n) => !CONTROL_PLANE_LABELS.some((l) => l in (n.metadata.labels ?? {}))).map((n) => n.metadata.name);
}

/** The first `worker-N` not taken, for the Add node button. */
export function nextWorkerName(taken: readonly string[]): string {
  const used = new Set(taken);
  let i = 1;
  while (used.has(`worker-${i}`)) i++;
  return `worker-${i}`;
}
