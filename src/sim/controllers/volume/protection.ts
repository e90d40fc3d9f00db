import type { Pod } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext } from '../types';
import type { WatchEvent } from '../../store/store';
import type { KubeObject } from '../../objects';
import { keyOf, splitKey } from '../../objects';
import type { PVCObject, PVObject } from './storage';
import { PVC_PROTECTION, PV_PROTECTION } from './storage';

type PodObject = Pod & KubeObject;

export const PVC_PROTECTION_CONTROLLER = 'pvc-protection-controller';
export const PV_PROTECTION_CONTROLLER = 'pv-protection-controller';

function claimsOfPod(pod: PodObject): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName;
    if (name) out.push(`${pod.metadata.namespace ?? 'default'}/${name}`);
  }
  return out;
}

function terminated(pod: PodObject | undefined): boolean {
  return !pod || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Pods with claims wake the claims they stop using; pods without claims (the bench) cost one loop over volumes. */
function mapPod(ev: WatchEvent): string[] {
  const pod = ev.object as PodObject;
  if (!pod.spec?.volumes?.length) return [];
  const stopped = ev.type === 'DELETED' || (terminated(pod) && !terminated(ev.oldObject as PodObject | undefined));
  return stopped ? claimsOfPod(pod) : [];
}

/** Non-terminated pods of the claim's namespace that mount it (the controller's podUsesPVC). */
export function podsUsingClaim(store: ReconcileContext['store'], pvc: PVCObject): PodObject[] {
  return store
    .list<PodObject>('pods', { namespace: pvc.metadata.namespace })
    .filter((p) => !terminated(p) && p.spec?.volumes?.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name));
}

function removeFinalizer(ctx: ReconcileContext, obj: KubeObject, finalizer: string, reason: string, code: string, params: Record<string, string>): void {
  const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  const meta = { ...obj.metadata, finalizers };
  if (!finalizers.length) delete (meta as { finalizers?: string[] }).finalizers;
  ctx.client.update({ ...obj, metadata: meta }, { reason, code, params });
}

/**
 * The PVC protection controller: a claim being deleted keeps its kubernetes.io/pvc-protection
 * finalizer (and stays Terminating, still Bound) while any pod that is not finished uses it.
 */
function reconcileClaim(ctx: ReconcileContext): void {
  const { namespace, name } = splitKey(ctx.key);
  const pvc = ctx.store.get<PVCObject>('persistentvolumeclaims', namespace, name);
  if (!pvc?.metadata.deletionTimestamp || !pvc.metadata.finalizers?.includes(PVC_PROTECTION)) return;
  const users = podsUsingClaim(ctx.store, pvc);
  if (users.length) return;
  removeFinalizer(ctx, pvc, PVC_PROTECTION, `Claim ${ctx.key} is being deleted and no pod uses it any more, so its pvc-protection finalizer is removed`, 'record.pvprotection.claimReleased', { claim: ctx.key });
}

export function createPVCProtectionController(): Controller {
  return {
    name: PVC_PROTECTION_CONTROLLER,
    watches: [
      { resource: 'persistentvolumeclaims', map: (ev) => (ev.type !== 'DELETED' && ev.object.metadata.deletionTimestamp ? [keyOf(ev.object)] : []) },
      { resource: 'pods', map: mapPod },
    ],
    reconcile: reconcileClaim,
  };
}

/**
 * The PV protection controller: a volume being deleted keeps kubernetes.io/pv-protection
 * while it is Bound to a claim; once the claim is gone (Released) or it was never bound,
 * the finalizer goes and the volume with it.
 */
function reconcileVolume(ctx: ReconcileContext): void {
  const pv = ctx.store.get<PVObject>('persistentvolumes', undefined, ctx.key);
  if (!pv?.metadata.deletionTimestamp || !pv.metadata.finalizers?.includes(PV_PROTECTION)) return;
  if (pv.status?.phase === 'Bound') return;
  removeFinalizer(ctx, pv, PV_PROTECTION, `PersistentVolume ${ctx.key} is being deleted and no claim is bound to it, so its pv-protection finalizer is removed`, 'record.pvprotection.volumeReleased', { volume: ctx.key });
}

export function createPVProtectionController(): Controller {
  return {
    name: PV_PROTECTION_CONTROLLER,
    watches: [{ resource: 'persistentvolumes', map: (ev) => (ev.type !== 'DELETED' && ev.object.metadata.deletionTimestamp ? [ev.object.metadata.name] : []) }],
    reconcile: reconcileVolume,
  };
}
