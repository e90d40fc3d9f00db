import type { Sync } from './state';
import type { PodObject } from '../replicapods';
import { controllerRefOf } from '../replicapods';
import type { ReplicaSetObject } from './util';

/** scaleDownOldReplicaSetsForRecreate: every old ReplicaSet to zero at once. */
export function recreateScaleDown(s: Sync, olds: ReplicaSetObject[]): boolean {
  let scaled = false;
  for (const rs of olds) {
    if ((rs.spec?.replicas ?? 0) === 0) continue;
    s.scale(rs, 0, s.scaleWhy(rs, 0, 'recreateDown'));
    scaled = true;
  }
  return scaled;
}

/** oldPodsRunning: any pod of an old ReplicaSet not yet finished, terminating ones included. */
export function oldPodsRunning(s: Sync, olds: ReplicaSetObject[]): boolean {
  if (olds.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
  const uids = new Set(olds.map((rs) => rs.metadata.uid));
  return s.ctx.store
    .list<PodObject>('pods', { namespace: s.d.metadata.namespace })
    .some((p) => uids.has(controllerRefOf(p)?.uid) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}
