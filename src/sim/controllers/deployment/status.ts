import type { Sync } from './state';
import type { DeploymentObject, MutableStatus, ReplicaSetObject } from './util';
import { condition, maxUnavailable, newCondition, replicas, setCondition, sumStatus } from './util';

/** calculateStatus: the Deployment's counts are the sums of its ReplicaSets' statuses. */
export function calculateStatus(s: Sync, newRS: ReplicaSetObject | undefined): MutableStatus {
  const d = s.d;
  const all = s.rsList;
  const availableReplicas = sumStatus(all, 'availableReplicas');
  const status: MutableStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sumStatus(all, 'replicas'),
    updatedReplicas: newRS ? (newRS.status?.replicas ?? 0) : 0,
    readyReplicas: sumStatus(all, 'readyReplicas'),
    availableReplicas,
    unavailableReplicas: Math.max(0, replicas(d) - availableReplicas),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions) status.conditions = d.status.conditions;
  const now = s.ctx.clock.nowRFC3339();
  if (availableReplicas >= replicas(d) - maxUnavailable(d))
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  else setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  return omitZero(status);
}

/** The API omits zero counts (omitempty); `replicas` and friends vanish when 0. */
function omitZero(st: MutableStatus): MutableStatus {
  const out: MutableStatus = { ...st };
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) if (!out[k]) delete out[k];
  return out;
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function isComplete(d: DeploymentObject, st: MutableStatus): boolean {
  const want = replicas(d);
  return (st.updatedReplicas ?? 0) === want && (st.replicas ?? 0) === want && (st.availableReplicas ?? 0) === want && (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 1);
}

function isProgressing(d: DeploymentObject, st: MutableStatus): boolean {
  const old = d.status ?? {};
  return (
    (st.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    (st.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (old.replicas ?? 0) - (old.updatedReplicas ?? 0) > (st.replicas ?? 0) - (st.updatedReplicas ?? 0) ||
    (st.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

function deadlineMillis(d: DeploymentObject, st: MutableStatus): number | undefined {
  const c = condition(st, 'Progressing');
  const pds = d.spec?.progressDeadlineSeconds;
  if (!c || pds === undefined || c.reason === 'NewReplicaSetAvailable' || c.reason === 'ProgressDeadlineExceeded' || !c.lastUpdateTime) return undefined;
  return Date.parse(c.lastUpdateTime) + pds * 1000;
}

function writeStatus(s: Sync, status: MutableStatus): void {
  const st = status;
  const res = s.ctx.client.updateStatus(
    { ...s.d, status },
    {
      reason: `Deployment ${s.name} reports ${st.updatedReplicas ?? 0} updated, ${st.readyReplicas ?? 0} ready and ${st.availableReplicas ?? 0} available of ${replicas(s.d)} replicas`,
      code: 'record.deployment.status',
      params: { deployment: s.name, updated: st.updatedReplicas ?? 0, ready: st.readyReplicas ?? 0, available: st.availableReplicas ?? 0, replicas: replicas(s.d) },
    },
  );
  if (res.ok) s.d = res.object as DeploymentObject;
}

/** syncDeploymentStatus: counts and Available only (scaling, paused). */
export function syncStatusOnly(s: Sync, newRS: ReplicaSetObject | undefined): void {
  writeStatus(s, calculateStatus(s, newRS));
}

/**
 * syncRolloutStatus: counts plus the Progressing condition — NewReplicaSetAvailable once
 * complete, ReplicaSetUpdated while it moves, ProgressDeadlineExceeded when it stopped
 * moving for progressDeadlineSeconds. Returns ticks until the deadline needs checking.
 */
export function syncRolloutStatus(s: Sync, newRS: ReplicaSetObject | undefined): number | undefined {
  const d = s.d;
  const st = calculateStatus(s, newRS);
  const now = s.ctx.clock.nowRFC3339();
  const cur = condition(d.status, 'Progressing');
  const hasDeadline = d.spec?.progressDeadlineSeconds !== undefined;
  const alreadyComplete = (st.replicas ?? 0) === (st.updatedReplicas ?? 0) && cur?.reason === 'NewReplicaSetAvailable';
  if (hasDeadline && !alreadyComplete && newRS) {
    const rsName = newRS.metadata.name;
    if (isComplete(d, st)) setCondition(st, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`, now));
    else if (isProgressing(d, st)) {
      const c = newCondition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`, now);
      if (cur?.status === 'True') (c as { lastTransitionTime?: string }).lastTransitionTime = cur.lastTransitionTime;
      // A progressing rollout moves its deadline: lastUpdateTime is always refreshed.
      st.conditions = [...(st.conditions ?? []).filter((x) => x.type !== 'Progressing'), c];
    } else {
      const due = deadlineMillis(d, st);
      if (due !== undefined && s.ctx.clock.nowMillis() > due)
        setCondition(st, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${rsName}" has timed out progressing.`, now));
    }
  }
  writeStatus(s, st);
  const due = deadlineMillis(s.d, st);
  if (due === undefined) return undefined;
  return Math.max(1, Math.ceil((due - s.ctx.clock.nowMillis()) / s.ctx.clock.tickMillis) + 1);
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
export function syncPausedCondition(s: Sync): void {
  const d = s.d;
  if (d.spec?.progressDeadlineSeconds === undefined) return;
  const cur = condition(d.status, 'Progressing');
  if (cur?.reason === 'ProgressDeadlineExceeded') return;
  const pausedNow = cur?.reason === 'DeploymentPaused';
  let next;
  const now = s.ctx.clock.nowRFC3339();
  if (d.spec?.paused && !pausedNow) next = newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now);
  else if (!d.spec?.paused && pausedNow) next = newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', now);
  if (!next) return;
  const status: MutableStatus = { ...d.status };
  setCondition(status, next);
  const res = s.ctx.client.updateStatus(
    { ...d, status },
    { reason: `Deployment ${s.name} is ${d.spec?.paused ? 'paused' : 'resumed'}`, code: d.spec?.paused ? 'record.deployment.paused' : 'record.deployment.resumed', params: { deployment: s.name } },
  );
  if (res.ok) s.d = res.object as DeploymentObject;
}
