import type { FilterPlugin } from '../types';

const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';

/** Cordoned nodes (`kubectl cordon`) take no new pods unless the pod tolerates the cordon taint. */
export const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, node) {
    if (!node.node.spec?.unschedulable) return undefined;
    const tolerated = pod.tolerations.some(
      (t) => (t.key === UNSCHEDULABLE_TAINT || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoSchedule'),
    );
    return tolerated ? undefined : { reasons: ['node(s) were unschedulable'], unresolvable: true };
  },
};
