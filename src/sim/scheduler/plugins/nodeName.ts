import type { FilterPlugin } from '../types';

/**
 * Only matters for pods that ask for a node by name but still reach the scheduler; a pod
 * created with spec.nodeName already set never does (it is bound at creation).
 */
export const NodeName: FilterPlugin = {
  name: 'NodeName',
  skip: (pod) => !pod.pod.spec?.nodeName,
  filter(pod, node) {
    const wanted = pod.pod.spec?.nodeName;
    if (!wanted || wanted === node.name) return undefined;
    return { reasons: ["node(s) didn't match the requested node name"], unresolvable: true };
  },
};
