import type { Sync } from './state';
import type { DeploymentObject, ReplicaSetObject } from './util';
import { byCreation, fenceposts, maxUnavailable, replicas, sumSpec } from './util';

/**
 * NewRSNewReplicas: Recreate wants everything at once; RollingUpdate grows the new
 * ReplicaSet only as far as replicas + maxSurge allows across all ReplicaSets.
 */
export function newRSReplicas(d: DeploymentObject, all: ReplicaSetObject[], newRS: ReplicaSetObject | undefined): number {
  const want = replicas(d);
  if (d.spec?.strategy?.type === 'Recreate') return want;
  const current = newRS?.spec?.replicas ?? 0;
  const { maxSurge } = fenceposts(d);
  const total = sumSpec(all);
  const maxTotal = want + maxSurge;
  if (total >= maxTotal) return current;
  return current + Math.min(maxTotal - total, want - current);
}

function reconcileNewRS(s: Sync, newRS: ReplicaSetObject): boolean {
  const want = replicas(s.d);
  const have = newRS.spec?.replicas ?? 0;
  if (have === want) return false;
  if (have > want) {
    s.scale(newRS, want, s.scaleWhy(newRS, want, 'newTooLarge'));
    return true;
  }
  const to = newRSReplicas(s.d, s.rsList, newRS);
  if (to === have) return false;
  s.scale(newRS, to, s.scaleWhy(newRS, to, 'rollingUp', want + fenceposts(s.d).maxSurge));
  return true;
}

/** Counts an old ReplicaSet's available pods no higher than it is meant to have, so a status not yet caught up cannot over-count. */
function available(rs: ReplicaSetObject): number {
  return Math.min(rs.status?.availableReplicas ?? 0, rs.spec?.replicas ?? 0);
}

/** cleanupUnhealthyReplicas: scale down old pods that are not available first; they serve nobody. */
function cleanupUnhealthy(s: Sync, olds: ReplicaSetObject[], maxCleanup: number): number {
  let total = 0;
  for (const rs of [...olds].sort(byCreation)) {
    if (total >= maxCleanup) break;
    const have = rs.spec?.replicas ?? 0;
    if (have === 0 || have === available(rs)) continue;
    const down = Math.min(maxCleanup - total, have - available(rs));
    s.scale(rs, have - down, s.scaleWhy(rs, have - down, 'unhealthyDown'));
    total += down;
  }
  return total;
}

function scaleDownOld(s: Sync, olds: ReplicaSetObject[], minAvailable: number): number {
  const availableNow = s.rsList.reduce((n, rs) => n + available(rs), 0);
  if (availableNow <= minAvailable) return 0;
  const budget = availableNow - minAvailable;
  let total = 0;
  for (const rs of [...olds].sort(byCreation)) {
    if (total >= budget) break;
    const have = rs.spec?.replicas ?? 0;
    if (have === 0) continue;
    const down = Math.min(have, budget - total);
    s.scale(rs, have - down, s.scaleWhy(rs, have - down, 'rollingDown', minAvailable));
    total += down;
  }
  return total;
}

/** reconcileOldReplicaSets: shrink old ReplicaSets while keeping replicas - maxUnavailable available. */
function reconcileOldRSs(s: Sync, newRS: ReplicaSetObject): boolean {
  const olds = s.rsList.filter((rs) => rs.metadata.uid !== newRS.metadata.uid);
  if (sumSpec(olds) === 0) return false;
  const minAvailable = replicas(s.d) - maxUnavailable(s.d);
  const newUnavailable = (newRS.spec?.replicas ?? 0) - Math.min(newRS.status?.availableReplicas ?? 0, newRS.spec?.replicas ?? 0);
  const maxScaledDown = sumSpec(s.rsList) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthy(s, olds, maxScaledDown);
  const current = s.rsList.filter((rs) => rs.metadata.uid !== newRS.metadata.uid);
  const scaledDown = scaleDownOld(s, current, minAvailable);
  return cleaned + scaledDown > 0;
}

/** rolloutRolling's scaling half: grow the new ReplicaSet, else shrink old ones. Returns whether anything was scaled. */
export function rollingStep(s: Sync, newRS: ReplicaSetObject): boolean {
  if (reconcileNewRS(s, newRS)) return true;
  const current = s.rsList.find((rs) => rs.metadata.uid === newRS.metadata.uid) ?? newRS;
  return reconcileOldRSs(s, current);
}
