import type { Cluster } from '../sim/cluster';
import type { KubeObject } from '../sim/objects';
import type { ClusterSnapshot, LastResult } from './types';

/** A read-only view of a headless cluster, the same shape the UI builds from its mirror. */
export function snapshotOf(cluster: Cluster, lastResult?: LastResult): ClusterSnapshot {
  const objects: Record<string, readonly KubeObject[]> = {};
  for (const resource of cluster.store.resources()) objects[resource] = cluster.store.list(resource);
  const snap: ClusterSnapshot = { tick: cluster.tick, objects, settings: cluster.settings };
  if (lastResult) snap.lastResult = lastResult;
  return snap;
}
