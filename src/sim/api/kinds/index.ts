import type { KindStrategy } from './strategy';
import { podStrategy } from './pod';
import { namespaceStrategy } from './namespace';
import { nodeStrategy } from './node';
import { eventStrategy } from './event';
import { statefulSetStrategy } from './statefulset';
import { daemonSetStrategy } from './daemonset';
import { persistentVolumeClaimStrategy } from './persistentvolumeclaim';

/** Strategies by store key (`pods`, `deployments.apps`); a kind without one is only meta-validated. */
export const STRATEGIES: Record<string, KindStrategy> = {
  pods: podStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  events: eventStrategy,
  'events.events.k8s.io': eventStrategy,
  'statefulsets.apps': statefulSetStrategy,
  'daemonsets.apps': daemonSetStrategy,
  persistentvolumeclaims: persistentVolumeClaimStrategy,
};
