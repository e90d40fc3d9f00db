import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import { ownerRefTo, splitKey } from '../../objects';
import { templateHash } from './revision';
import { controllerOwnerKeys } from '../ownerWatch';
import type { ClaimObject, PodObject, StatefulSetObject } from './pods';
import { REVISION_LABEL, claimName, isAvailable, isFailedOrSucceeded, isHealthy, isRunningAndReady, isTerminating, newClaim, newStatefulSetPod, ordinalOf } from './pods';

export const STATEFULSET_CONTROLLER = 'statefulset-controller';
const SOURCE = { component: STATEFULSET_CONTROLLER };

/**
 * Templates by revision name. kube keeps them in ControllerRevision objects, which the sim
 * does not serve yet; the controller keeps them in its own memory (saved with the cluster),
 * so pods below a partition can still be recreated at the current revision.
 */
type Revisions = Map<string, PodTemplateSpec>;

function ownedPods(ctx: ReconcileContext, set: StatefulSetObject): PodObject[] {
  const uid = set.metadata.uid;
  return ctx.store
    .list<PodObject>('pods', { namespace: set.metadata.namespace })
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === uid) && ordinalOf(set.metadata.name, p.metadata.name) >= 0);
}

function revisionOf(pod: PodObject): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

class Sync {
  constructor(
    readonly ctx: ReconcileContext,
    readonly set: StatefulSetObject,
    readonly revisions: Revisions,
    readonly currentRevision: string,
    readonly updateRevision: string,
  ) {}

  get name(): string {
    return this.set.metadata.name;
  }

  private setKey(): string {
    return `${this.set.metadata.namespace}/${this.name}`;
  }

  /** Claims first, then the pod, as kube's StatefulPodControl.CreateStatefulPod does. */
  create(ordinal: number): void {
    const { ctx, set } = this;
    const spec = (set.spec ?? {}) as Partial<NonNullable<StatefulSetObject['spec']>>;
    const partition = spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    const useCurrent =
      spec.updateStrategy?.type !== 'OnDelete' && ordinal < partition && this.currentRevision !== this.updateRevision && this.revisions.has(this.currentRevision);
    const revision = useCurrent ? this.currentRevision : this.updateRevision;
    const template = (useCurrent ? this.revisions.get(this.currentRevision) : spec.template) as PodTemplateSpec;
    const pod = newStatefulSetPod(set, template, revision, ordinal);
    for (const t of spec.volumeClaimTemplates ?? []) {
      const claim = newClaim(set, t, ordinal);
      // persistentVolumeClaimRetentionPolicy.whenDeleted: Delete — the set owns its claims, so the garbage collector takes them with it.
      if (spec.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete') claim.metadata.ownerReferences = [ownerRefTo(set, false)];
      if (ctx.store.get<ClaimObject>('persistentvolumeclaims', claim.metadata.namespace, claim.metadata.name)) continue;
      const res = ctx.client.create(claim, {
        reason: `StatefulSet ${this.setKey()} needs claim ${claim.metadata.name} (volumeClaimTemplate ${t.metadata?.name}) before it creates pod ${pod.metadata.name}`,
        code: 'record.statefulset.createClaim',
        params: { statefulset: this.setKey(), claim: claim.metadata.name, pod: pod.metadata.name },
      });
      if (res.ok) ctx.events.record(set, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${this.name} success`, SOURCE);
      else ctx.events.record(set, 'Warning', 'FailedCreate', `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${this.name} failed error: ${res.status.message}`, SOURCE);
    }
    const res = ctx.client.create(pod, {
      reason: `StatefulSet ${this.setKey()} wants ${spec.replicas ?? 1} replicas and ordinal ${ordinal} has no pod, so it creates ${pod.metadata.name} at revision ${revision}`,
      code: 'record.statefulset.createPod',
      params: { statefulset: this.setKey(), pod: pod.metadata.name, ordinal, revision },
    });
    if (res.ok) ctx.events.record(set, 'Normal', 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${this.name} successful`, SOURCE);
    else ctx.events.record(set, 'Warning', 'FailedCreate', `create Pod ${pod.metadata.name} in StatefulSet ${this.name} failed error: ${res.status.message}`, SOURCE);
  }

  claimsFollow(pod: PodObject): void {
    claimsFollowPod(this, pod);
  }

  delete(pod: PodObject, why: 'failed' | 'condemned' | 'update'): void {
    if (why === 'condemned' && this.set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete') this.claimsFollow(pod);
    const reasons = {
      failed: `Pod ${pod.metadata.name} of StatefulSet ${this.setKey()} has ${pod.status?.phase ?? 'failed'}, so it is deleted to be created again`,
      condemned: `StatefulSet ${this.setKey()} wants ${this.set.spec?.replicas ?? 1} replicas, so it removes the highest ordinal, ${pod.metadata.name}`,
      update: `StatefulSet ${this.setKey()} rolls ${pod.metadata.name} from revision ${revisionOf(pod)} to ${this.updateRevision} (highest ordinal first), so it deletes it to be created again`,
    };
    const res = this.ctx.client.delete(pod, {
      reason: reasons[why],
      code: `record.statefulset.delete${why === 'failed' ? 'Failed' : why === 'condemned' ? 'Condemned' : 'ForUpdate'}`,
      params: { statefulset: this.setKey(), pod: pod.metadata.name, revision: this.updateRevision },
    });
    if (res.ok) this.ctx.events.record(this.set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${this.name} successful`, SOURCE);
  }
}

/** whenScaled: Delete — a condemned pod's claims get the pod as their only owner, so they go once the pod is gone. */
function claimsFollowPod(s: Sync, pod: PodObject): void {
  for (const t of s.set.spec?.volumeClaimTemplates ?? []) {
    const name = claimName(t.metadata?.name ?? '', s.name, ordinalOf(s.name, pod.metadata.name));
    const claim = s.ctx.store.get<ClaimObject>('persistentvolumeclaims', pod.metadata.namespace, name);
    if (!claim || claim.metadata.ownerReferences?.some((r) => r.uid === pod.metadata.uid)) continue;
    s.ctx.client.update(
      { ...claim, metadata: { ...claim.metadata, ownerReferences: [...(claim.metadata.ownerReferences ?? []).filter((r) => r.uid !== s.set.metadata.uid), ownerRefTo(pod, false)] } },
      {
        reason: `StatefulSet ${pod.metadata.namespace}/${s.name} has persistentVolumeClaimRetentionPolicy whenScaled: Delete, so claim ${name} goes with its pod ${pod.metadata.name}`,
        code: 'record.statefulset.deleteClaim',
        params: { statefulset: `${pod.metadata.namespace}/${s.name}`, claim: name, policy: 'whenScaled', pod: pod.metadata.name },
      },
    );
  }
}

/**
 * One pass of kube's StatefulSetControl: replace failed pods and create missing ordinals
 * (OrderedReady: one at a time, each waiting for the one before to be Running and Ready),
 * remove ordinals above `replicas` from the highest down, then roll pods that are not at the
 * update revision from the highest ordinal down to `partition`, one at a time.
 */
function syncPods(s: Sync, pods: PodObject[]): void {
  const set = s.set;
  const replicas = set.spec?.replicas ?? 1;
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  const byOrdinal = new Map<number, PodObject>();
  for (const p of pods) byOrdinal.set(ordinalOf(s.name, p.metadata.name), p);

  for (let i = 0; i < replicas; i++) {
    const pod = byOrdinal.get(i);
    if (pod && isFailedOrSucceeded(pod) && !isTerminating(pod)) {
      s.delete(pod, 'failed');
      if (monotonic) return;
      continue;
    }
    if (!pod) {
      s.create(i);
      if (monotonic) return;
      continue;
    }
    if (monotonic && !isHealthy(pod)) return;
  }

  const condemned = [...byOrdinal.keys()].filter((o) => o >= replicas).sort((a, b) => b - a);
  for (const o of condemned) {
    const pod = byOrdinal.get(o) as PodObject;
    if (isTerminating(pod)) {
      if (monotonic) return;
      continue;
    }
    if (monotonic && [...byOrdinal.values()].some((p) => p !== pod && !isHealthy(p))) return;
    s.delete(pod, 'condemned');
    if (monotonic) return;
  }
  if (condemned.length && monotonic) return;

  if (set.spec?.updateStrategy?.type === 'OnDelete') return;
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let i = replicas - 1; i >= partition; i--) {
    const pod = byOrdinal.get(i);
    if (!pod) return;
    if (revisionOf(pod) !== s.updateRevision && !isTerminating(pod)) {
      s.delete(pod, 'update');
      return;
    }
    if (!isHealthy(pod)) return;
  }
}

function computeStatus(set: StatefulSetObject, pods: PodObject[], currentRevision: string, updateRevision: string, nowMillis: number): StatefulSetStatus {
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  const minReady = set.spec?.minReadySeconds ?? 0;
  for (const p of pods) {
    replicas++;
    if (isRunningAndReady(p)) {
      ready++;
      if (isAvailable(p, minReady, nowMillis)) available++;
    }
    if (!isTerminating(p)) {
      if (revisionOf(p) === currentRevision) current++;
      if (revisionOf(p) === updateRevision) updated++;
    }
  }
  let currentRev = currentRevision;
  // completeRollingUpdate: every pod updated and ready makes the update revision current.
  if (set.spec?.updateStrategy?.type !== 'OnDelete' && updated === replicas && ready === replicas) {
    current = updated;
    currentRev = updateRevision;
  }
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation ?? 1,
    replicas,
    ...(ready ? { readyReplicas: ready } : {}),
    ...(current ? { currentReplicas: current } : {}),
    ...(updated ? { updatedReplicas: updated } : {}),
    currentRevision: currentRev,
    updateRevision,
    collisionCount: 0,
    availableReplicas: available,
  };
  return status;
}

function reconcile(revisions: Revisions, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(ctx.key);
  const set = ctx.store.get<StatefulSetObject>('statefulsets.apps', namespace, name);
  // A StatefulSet being deleted leaves its pods to the garbage collector.
  if (!set || set.metadata.deletionTimestamp) return;
  const updateRevision = `${name}-${templateHash(set.spec?.template)}`;
  revisions.set(updateRevision, set.spec?.template ?? {});
  const status = set.status as StatefulSetStatus | undefined;
  const currentRevision = status?.currentRevision || updateRevision;
  const sync = new Sync(ctx, set, revisions, currentRevision, updateRevision);
  syncPods(sync, ownedPods(ctx, set));

  const pods = ownedPods(ctx, set);
  const next = computeStatus(set, pods, currentRevision, updateRevision, ctx.clock.nowMillis());
  // Forget templates no pod runs any more (kube prunes ControllerRevisions past revisionHistoryLimit).
  const inUse = new Set([next.currentRevision, next.updateRevision, ...pods.map(revisionOf)]);
  for (const r of [...revisions.keys()]) if (r.startsWith(`${name}-`) && !inUse.has(r)) revisions.delete(r);
  const fresh = ctx.store.get<StatefulSetObject>('statefulsets.apps', namespace, name) ?? set;
  ctx.client.updateStatus(
    { ...fresh, status: next },
    {
      reason: `StatefulSet ${ctx.key} has ${next.readyReplicas ?? 0}/${set.spec?.replicas ?? 1} pods ready (${next.updatedReplicas ?? 0} at revision ${updateRevision})`,
      code: 'record.statefulset.status',
      params: { statefulset: ctx.key, ready: next.readyReplicas ?? 0, replicas: set.spec?.replicas ?? 1, updated: next.updatedReplicas ?? 0, revision: updateRevision },
    },
  );
  // Pods Ready but not yet for minReadySeconds become available on a timer, not on an event.
  const minReady = set.spec?.minReadySeconds ?? 0;
  if (minReady > 0 && (next.readyReplicas ?? 0) > (next.availableReplicas ?? 0)) return { requeueAfterTicks: ctx.clock.ticksFor(minReady) };
}

/** kube-controller-manager's StatefulSet controller. */
export function createStatefulSetController(): Controller {
  const revisions: Revisions = new Map();
  return {
    name: STATEFULSET_CONTROLLER,
    watches: [{ resource: 'statefulsets.apps' }, { resource: 'pods', map: controllerOwnerKeys('StatefulSet', 'apps') }],
    reconcile: (ctx) => reconcile(revisions, ctx),
    saveState: () => [...revisions],
    loadState: (saved) => {
      revisions.clear();
      for (const [k, v] of saved as [string, PodTemplateSpec][]) revisions.set(k, v);
    },
  };
}
