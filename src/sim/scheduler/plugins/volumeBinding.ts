import type { FilterPlugin } from '../types';

export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

/**
 * VolumeBinding's PreFilter, as far as the sim has storage: a claim that does not exist, or
 * is not bound yet, keeps the pod off every node. No StorageClass is simulated, so every
 * claim counts as Immediate binding (not WaitForFirstConsumer), and nothing binds claims
 * until the storage issue adds PersistentVolumes: such pods stay Pending, as a cluster
 * without a matching volume keeps them.
 */
export const VolumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  preFilter(pod) {
    const missing = pod.claims.find((c) => !c.found);
    if (missing) return { reasons: [`persistentvolumeclaim "${missing.name}" not found`], unresolvable: true };
    if (pod.claims.some((c) => !c.bound)) return { reasons: [ERR_UNBOUND_IMMEDIATE], unresolvable: true };
    return undefined;
  },
  skip: () => true,
  filter: () => undefined,
};
