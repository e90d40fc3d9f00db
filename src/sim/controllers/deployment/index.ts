import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import type { Store, WatchEvent } from '../../store/store';
import { splitKey } from '../../objects';
import { matchesSelector } from '../../store/labels';
import { controllerRefOf } from '../replicapods';
import { Sync } from './state';
import type { DeploymentObject, ReplicaSetObject } from './util';
import { DESIRED_REPLICAS, replicas } from './util';
import { claimReplicaSets, cleanupOldRSs, oldRSs, syncNewRS } from './replicasets';
import { rollingStep } from './rolling';
import { oldPodsRunning, recreateScaleDown } from './recreate';
import { scaleDeployment } from './scale';
import { isComplete, syncPausedCondition, syncRolloutStatus, syncStatusOnly } from './status';

function emptySelector(d: DeploymentObject): boolean {
  const sel = d.spec?.selector;
  return !sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length);
}

/** isScalingEvent: an active ReplicaSet was sized for another replica count than the Deployment's. */
function isScalingEvent(s: Sync, newRS: ReplicaSetObject | undefined, olds: ReplicaSetObject[]): boolean {
  const want = String(replicas(s.d));
  return [...(newRS ? [newRS] : []), ...olds].some((rs) => {
    if ((rs.spec?.replicas ?? 0) === 0) return false;
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
    return desired !== undefined && desired !== want;
  });
}

/**
 * The progress-deadline check is a timer, not unfinished work (kube's requeueStuckDeployment):
 * it fires, but a rollout that is merely waiting does not keep the cluster from settling.
 */
function result(ticks: number | undefined): ReconcileResult | void {
  return ticks === undefined ? undefined : { requeueAfterTicks: ticks, periodic: true };
}

function rolloutRecreate(s: Sync): ReconcileResult | void {
  let newRS = syncNewRS(s, false);
  const olds = oldRSs(s, newRS);
  if (recreateScaleDown(s, olds)) return result(syncRolloutStatus(s, newRS));
  if (oldPodsRunning(s, oldRSs(s, newRS))) return result(syncRolloutStatus(s, newRS));
  newRS ??= syncNewRS(s, true);
  if (!newRS) return;
  if ((newRS.spec?.replicas ?? 0) !== replicas(s.d)) {
    s.scale(newRS, replicas(s.d), s.scaleWhy(newRS, replicas(s.d), 'recreateUp'));
    return result(syncRolloutStatus(s, newRS));
  }
  if (isComplete(s.d, { ...s.d.status })) cleanupOldRSs(s, oldRSs(s, newRS));
  return result(syncRolloutStatus(s, newRS));
}

function rolloutRolling(s: Sync): ReconcileResult | void {
  const newRS = syncNewRS(s, true);
  if (!newRS) return;
  if (rollingStep(s, newRS)) return result(syncRolloutStatus(s, s.rsList.find((x) => x.metadata.uid === newRS.metadata.uid)));
  if (isComplete(s.d, { ...s.d.status })) cleanupOldRSs(s, oldRSs(s, newRS));
  return result(syncRolloutStatus(s, newRS));
}

/** syncDeployment, after kube's deployment controller. */
export function syncDeployment(ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(ctx.key);
  const d = ctx.store.get<DeploymentObject>('deployments.apps', namespace, name);
  if (!d) return;
  const s = new Sync(ctx, d, []);
  if (emptySelector(d)) {
    if (d.metadata.generation !== d.status?.observedGeneration)
      s.event('Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    return;
  }
  claimReplicaSets(s);
  if (d.metadata.deletionTimestamp) {
    syncStatusOnly(s, syncNewRS(s, false));
    return;
  }
  syncPausedCondition(s);
  if (s.d.spec?.paused) {
    const newRS = syncNewRS(s, false);
    const olds = oldRSs(s, newRS);
    scaleDeployment(s, newRS, olds);
    cleanupOldRSs(s, oldRSs(s, newRS));
    syncStatusOnly(s, s.rsList.find((x) => x.metadata.uid === newRS?.metadata.uid));
    return;
  }
  {
    const newRS = syncNewRS(s, false);
    const olds = oldRSs(s, newRS);
    if (isScalingEvent(s, newRS, olds)) {
      scaleDeployment(s, newRS, olds);
      syncStatusOnly(s, s.rsList.find((x) => x.metadata.uid === newRS?.metadata.uid));
      return;
    }
  }
  return s.d.spec?.strategy?.type === 'Recreate' ? rolloutRecreate(s) : rolloutRolling(s);
}

function deploymentsFor(obj: WatchEvent['object'], store: Store): string[] {
  const ns = obj.metadata.namespace;
  return store
    .list<DeploymentObject>('deployments.apps', { namespace: ns })
    .filter((d) => d.spec?.selector && matchesSelector(d.spec.selector, obj.metadata.labels))
    .map((d) => `${ns}/${d.metadata.name}`);
}

function rsKeys(ev: WatchEvent, store: Store): string[] {
  const ref = controllerRefOf(ev.object);
  if (ref) return ref.kind === 'Deployment' ? [`${ev.object.metadata.namespace}/${ref.name}`] : [];
  return ev.type === 'DELETED' ? [] : deploymentsFor(ev.object, store);
}

/** A Recreate rollout waits for old pods to be really gone, so pod deletions wake it. */
function podKeys(ev: WatchEvent, store: Store): string[] {
  if (ev.type !== 'DELETED') return [];
  const ref = controllerRefOf(ev.object);
  if (ref?.kind !== 'ReplicaSet') return [];
  const rs = store.get<ReplicaSetObject>('replicasets.apps', ev.object.metadata.namespace, ref.name);
  const owner = rs && controllerRefOf(rs);
  return owner?.kind === 'Deployment' ? [`${ev.object.metadata.namespace}/${owner.name}`] : [];
}

/** kube-controller-manager's deployment controller. */
export function createDeploymentController(): Controller {
  return {
    name: 'deployment-controller',
    watches: [
      { resource: 'deployments.apps' },
      { resource: 'replicasets.apps', map: rsKeys },
      { resource: 'pods', map: podKeys },
    ],
    reconcile: syncDeployment,
  };
}
