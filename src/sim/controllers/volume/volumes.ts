import type { ReconcileContext } from '../types';
import type { PVCObject, PVObject } from './storage';
import { ANN_BOUND_BY_CONTROLLER, ANN_PROVISIONED_BY } from './storage';

const SOURCE = { component: 'persistentvolume-controller' };

function setPhase(ctx: ReconcileContext, pv: PVObject, phase: string, reason: string, code: string, params: Record<string, string>, message?: string): void {
  ctx.client.updateStatus(
    { ...pv, status: { ...pv.status, phase, lastPhaseTransitionTime: ctx.clock.nowRFC3339(), ...(message ? { message } : { message: undefined }) } },
    { reason, code, params },
  );
}

/**
 * syncVolume: a new volume becomes Available; a volume whose claim is gone is Released and
 * then reclaimed by its policy — Retain keeps it (and its data) Released until an
 * administrator clears spec.claimRef, Delete removes it and its backing storage.
 */
export function syncVolume(ctx: ReconcileContext, name: string): void {
  const pv = ctx.store.get<PVObject>('persistentvolumes', undefined, name);
  if (!pv) return;
  const phase = pv.status?.phase;
  const ref = pv.spec?.claimRef;
  const params = { volume: name };
  if (!ref) {
    if (phase !== 'Available' && !pv.metadata.deletionTimestamp && phase !== 'Failed')
      setPhase(
        ctx,
        pv,
        'Available',
        phase === 'Released'
          ? `spec.claimRef of PersistentVolume ${name} was cleared, so it is Available to a new claim`
          : `PersistentVolume ${name} is not bound to any claim, so it is Available`,
        phase === 'Released' ? 'record.pvbinder.volumeReavailable' : 'record.pvbinder.volumeAvailable',
        params,
      );
    return;
  }
  const claimKey = `${ref.namespace ?? 'default'}/${ref.name ?? ''}`;
  const pvc = ctx.store.get<PVCObject>('persistentvolumeclaims', ref.namespace, ref.name ?? '');
  const claimGone = !pvc || (!!ref.uid && pvc.metadata.uid !== ref.uid);
  if (!claimGone) {
    // Pre-bound to a claim that has not bound yet: the claim's sync finishes the binding.
    if (phase === 'Pending') setPhase(ctx, pv, pvc.spec?.volumeName === name ? 'Bound' : 'Available', `PersistentVolume ${name} is reserved for claim ${claimKey}`, 'record.pvbinder.volumeAvailable', params);
    return;
  }
  if (!ref.uid && phase !== 'Released') {
    // Pre-bound by name to a claim that does not exist yet: waits Available for it.
    if (phase !== 'Available') setPhase(ctx, pv, 'Available', `PersistentVolume ${name} is reserved for claim ${claimKey}, which does not exist yet`, 'record.pvbinder.volumeAvailable', params);
    return;
  }
  if (phase !== 'Released' && phase !== 'Failed') {
    setPhase(ctx, pv, 'Released', `Claim ${claimKey} of PersistentVolume ${name} is gone, so the volume is Released`, 'record.pvbinder.volumeReleased', { ...params, claim: claimKey });
    return;
  }
  if (phase === 'Failed' || pv.metadata.deletionTimestamp) return;
  const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
  if (policy === 'Retain') return;
  if (policy === 'Recycle') {
    const spec = { ...pv.spec };
    delete spec.claimRef;
    const annotations = { ...pv.metadata.annotations };
    delete annotations[ANN_BOUND_BY_CONTROLLER];
    ctx.client.update(
      { ...pv, metadata: { ...pv.metadata, annotations }, spec },
      { reason: `PersistentVolume ${name} has reclaim policy Recycle, so its files are scrubbed and it is offered again`, code: 'record.pvbinder.recycle', params },
    );
    ctx.events.record(pv, 'Normal', 'VolumeRecycled', `Volume recycled`, SOURCE);
    return;
  }
  // Delete: only a volume a provisioner made can be deleted by it.
  const provisioner = pv.metadata.annotations?.[ANN_PROVISIONED_BY];
  if (!provisioner) {
    const message = `error getting deleter volume plugin for volume "${name}": no deletable volume plugin matched`;
    setPhase(ctx, pv, 'Failed', `PersistentVolume ${name} has reclaim policy Delete but no provisioner made it, so nothing can delete it: it is Failed`, 'record.pvbinder.deleteFailed', params, message);
    ctx.events.record(pv, 'Warning', 'VolumeFailedDelete', message, SOURCE);
    return;
  }
  ctx.client.delete(pv, {
    reason: `Claim ${claimKey} is gone and PersistentVolume ${name} has reclaim policy Delete, so ${provisioner} deletes the volume and its disk`,
    code: 'record.provisioner.delete',
    params: { ...params, claim: claimKey, provisioner },
  });
}
