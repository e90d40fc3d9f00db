import type { Sync } from './state';
import type { ReplicaSetObject } from './util';
import { DESIRED_REPLICAS, MAX_REPLICAS, byCreation, maxSurge, replicas, sumSpec } from './util';

function active(list: ReplicaSetObject[]): ReplicaSetObject[] {
  return list.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
}

/** FindActiveOrLatest: the one ReplicaSet with pods, or the newest when none has any; none when several have. */
function activeOrLatest(newRS: ReplicaSetObject | undefined, olds: ReplicaSetObject[]): ReplicaSetObject | undefined {
  const sorted = [...olds].sort(byCreation);
  const act = active(newRS ? [newRS, ...sorted] : sorted);
  if (act.length === 0) return newRS ?? sorted[sorted.length - 1];
  return act.length === 1 ? act[0] : undefined;
}

function saturated(s: Sync, newRS: ReplicaSetObject | undefined): boolean {
  if (!newRS) return false;
  const want = replicas(s.d);
  return (newRS.spec?.replicas ?? 0) === want && newRS.metadata.annotations?.[DESIRED_REPLICAS] === String(want) && (newRS.status?.availableReplicas ?? 0) === want;
}

/** getReplicaSetFraction: this ReplicaSet's share of the new size, from the size it was scaled for. */
function fraction(s: Sync, rs: ReplicaSetObject): number {
  const have = rs.spec?.replicas ?? 0;
  if (replicas(s.d) === 0) return -have;
  const total = replicas(s.d) + maxSurge(s.d);
  const annotated = parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? '', 10);
  const base = Number.isFinite(annotated) && annotated > 0 ? annotated : (s.d.status?.replicas ?? total);
  return Math.round((have * total) / (base || 1)) - have;
}

/**
 * scale: a replicas change mid-rollout. One active ReplicaSet takes it all; several share
 * it in proportion to their size (larger first; leftovers to the first), as kube does.
 */
export function scaleDeployment(s: Sync, newRS: ReplicaSetObject | undefined, olds: ReplicaSetObject[]): void {
  const want = replicas(s.d);
  const only = activeOrLatest(newRS, olds);
  if (only) {
    if ((only.spec?.replicas ?? 0) !== want) s.scale(only, want, s.scaleWhy(only, want, 'replicas'));
    return;
  }
  if (saturated(s, newRS)) {
    for (const rs of active(olds)) s.scale(rs, 0, s.scaleWhy(rs, 0, 'saturated'));
    return;
  }
  if (s.d.spec?.strategy?.type !== 'RollingUpdate') return;
  const all = active(newRS ? [...olds, newRS] : olds);
  const allowed = want > 0 ? want + maxSurge(s.d) : 0;
  const toAdd = allowed - sumSpec(all);
  if (toAdd === 0) return;
  const newer = (a: ReplicaSetObject, b: ReplicaSetObject) => (b.spec?.replicas ?? 0) - (a.spec?.replicas ?? 0) || (toAdd > 0 ? byCreation(b, a) : byCreation(a, b));
  all.sort(newer);
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of all) {
    const f = fraction(s, rs);
    const allowedLeft = toAdd - added;
    const p = added === toAdd ? 0 : toAdd > 0 ? Math.min(f, allowedLeft) : Math.max(f, allowedLeft);
    sizes.set(rs.metadata.name, (rs.spec?.replicas ?? 0) + p);
    added += p;
  }
  const first = all[0];
  if (first && added !== toAdd) sizes.set(first.metadata.name, Math.max(0, (sizes.get(first.metadata.name) ?? 0) + toAdd - added));
  for (const rs of all) {
    const to = sizes.get(rs.metadata.name) ?? 0;
    s.scale(rs, to, s.scaleWhy(rs, to, 'proportional'));
  }
}
