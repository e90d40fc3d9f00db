import type { PersistentVolumeClaimStatus } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext, Watch } from '../types';
import type { WatchEvent } from '../../store/store';
import { keyOf, splitKey } from '../../objects';
import type { NodeObject } from '../../scheduler/types';
import type { PVCObject, PVObject, StorageClassObject } from './storage';
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  ANN_BETA_STORAGE_PROVISIONER,
  capacityBytes,
  claimClass,
  defaultClass,
  requestedBytes,
} from './storage';
import { findMatchingVolume, isBoundTo } from './matching';
import { syncVolume } from './volumes';

export const PV_CONTROLLER = 'persistentvolume-binder-controller';
/** The component name its events carry, as kube-controller-manager's. */
export const PV_SOURCE = { component: 'persistentvolume-controller' };
export const SC_RESOURCE = 'storageclasses.storage.k8s.io';

export const MSG_NO_CLASS = 'no persistent volumes available for this claim and no storage class is set';
export const MSG_WAIT_CONSUMER = 'waiting for first consumer to be created before binding';

export function externalProvisioningMessage(provisioner: string): string {
  return `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
}

const CLAIM = 'pvc|';
const VOLUME = 'pv|';

function claimKey(ns: string | undefined, name: string): string {
  return `${CLAIM}${ns ?? 'default'}/${name}`;
}

export function isWaitForFirstConsumer(sc: StorageClassObject | undefined): boolean {
  return sc?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** Claims that may now bind: every unbound claim (a volume or class appeared), cheap because claims are few. */
function pendingClaims(store: ReconcileContext['store']): string[] {
  return store
    .list<PVCObject>('persistentvolumeclaims')
    .filter((c) => c.status?.phase !== 'Bound' && !c.metadata.deletionTimestamp)
    .map((c) => claimKey(c.metadata.namespace, c.metadata.name));
}

function mapVolume(ev: WatchEvent, store: ReconcileContext['store']): string[] {
  const pv = ev.object as PVObject;
  const out = [VOLUME + pv.metadata.name];
  const ref = pv.spec?.claimRef ?? (ev.oldObject as PVObject | undefined)?.spec?.claimRef;
  if (ref?.name) out.push(claimKey(ref.namespace, ref.name));
  // A volume that became Available may satisfy a waiting claim.
  if (ev.type !== 'DELETED' && pv.status?.phase === 'Available') out.push(...pendingClaims(store));
  return out;
}

function mapClaim(ev: WatchEvent): string[] {
  const pvc = ev.object as PVCObject;
  const out = [claimKey(pvc.metadata.namespace, pvc.metadata.name)];
  const old = ev.oldObject as PVCObject | undefined;
  const vol = pvc.spec?.volumeName || old?.spec?.volumeName;
  if (vol) out.push(VOLUME + vol);
  if (ev.type === 'DELETED') {
    // The volumes that named this claim must be released.
    return out;
  }
  return out;
}

class ClaimSync {
  constructor(
    readonly ctx: ReconcileContext,
    readonly pvc: PVCObject,
  ) {}

  get key(): string {
    return keyOf(this.pvc);
  }

  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.events.record(this.pvc, type, reason, message, PV_SOURCE);
  }

  run(): void {
    const { ctx, pvc } = this;
    if (pvc.metadata.deletionTimestamp && pvc.status?.phase !== 'Bound') return;
    if (!pvc.spec?.volumeName) return this.unbound();
    const pv = ctx.store.get<PVObject>('persistentvolumes', undefined, pvc.spec.volumeName);
    if (!pv) {
      if (pvc.status?.phase === 'Bound') {
        this.status({ phase: 'Lost' }, `PersistentVolume ${pvc.spec.volumeName} of claim ${this.key} is gone, so the claim is Lost`, 'record.pvbinder.claimLost', { claim: this.key, volume: pvc.spec.volumeName });
        this.event('Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
      } else this.event('Normal', 'FailedBinding', `volume "${pvc.spec.volumeName}" not found`);
      return;
    }
    if (!pv.spec?.claimRef) {
      // The user pre-bound the claim by volumeName: claim the volume for it.
      if (pv.status?.phase === 'Available' || pv.status?.phase === 'Pending') this.bindVolume(pv, false);
      return;
    }
    if (!isBoundTo(pv, pvc)) {
      if (pvc.status?.phase === 'Bound') {
        this.status({ phase: 'Lost' }, `PersistentVolume ${pv.metadata.name} now belongs to another claim, so ${this.key} is Lost`, 'record.pvbinder.claimLost', { claim: this.key, volume: pv.metadata.name });
        this.event('Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
      } else this.event('Warning', 'FailedBinding', `volume "${pv.metadata.name}" already bound to a different claim.`);
      return;
    }
    this.completeBinding(pv);
  }

  private unbound(): void {
    const { ctx, pvc } = this;
    let className = claimClass(pvc);
    if (className === undefined) {
      // Retroactive default StorageClass assignment (GA in 1.28).
      const def = defaultClass(ctx.store);
      if (def) {
        ctx.client.update(
          { ...pvc, spec: { ...pvc.spec, storageClassName: def.metadata.name } },
          {
            reason: `Claim ${this.key} names no StorageClass and ${def.metadata.name} is now the default, so the controller assigns it`,
            code: 'record.pvbinder.defaultClass',
            params: { claim: this.key, class: def.metadata.name },
          },
        );
        return;
      }
      className = '';
    }
    const sc = className ? ctx.store.get<StorageClassObject>(SC_RESOURCE, undefined, className) : undefined;
    const wffc = isWaitForFirstConsumer(sc);
    const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
    const node = selected ? ctx.store.get<NodeObject>('nodes', undefined, selected) : undefined;
    if (wffc && !selected) {
      // A volume pre-bound to this claim still binds at once.
      const pre = findMatchingVolume(ctx.store, pvc);
      if (pre && isBoundTo(pre, pvc)) return this.bindVolume(pre, true);
      this.event('Normal', 'WaitForFirstConsumer', MSG_WAIT_CONSUMER);
      return;
    }
    const pv = findMatchingVolume(ctx.store, pvc, wffc ? node : undefined);
    if (pv) {
      if (isBoundTo(pv, pvc)) return this.completeBinding(pv);
      return this.bindVolume(pv, true);
    }
    if (!className) {
      this.event('Normal', 'FailedBinding', MSG_NO_CLASS);
      return;
    }
    if (!sc) {
      this.event('Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      return;
    }
    // kubernetes.io/no-provisioner lands here too: only an administrator's volume can satisfy it.
    // Dynamic provisioning: hand the claim to the class's provisioner.
    const ann = pvc.metadata.annotations ?? {};
    if (ann[ANN_STORAGE_PROVISIONER] !== sc.provisioner) {
      ctx.client.update(
        { ...pvc, metadata: { ...pvc.metadata, annotations: { ...ann, [ANN_BETA_STORAGE_PROVISIONER]: sc.provisioner, [ANN_STORAGE_PROVISIONER]: sc.provisioner } } },
        {
          reason: `No PersistentVolume fits claim ${this.key}, so the controller asks StorageClass ${className}'s provisioner ${sc.provisioner} to create one`,
          code: 'record.pvbinder.provision',
          params: { claim: this.key, class: className, provisioner: sc.provisioner },
        },
      );
    }
    this.event('Normal', 'ExternalProvisioning', externalProvisioningMessage(sc.provisioner));
  }

  /** bindVolumeToClaim + updateVolumePhase(Bound): the volume first, the claim on the next hop. */
  private bindVolume(pv: PVObject, byController: boolean): void {
    const { ctx, pvc } = this;
    const why = {
      reason: `PersistentVolume ${pv.metadata.name} (${pv.spec?.capacity?.storage}) is the smallest Available volume that fits claim ${this.key}, so the controller reserves it for the claim`,
      code: 'record.pvbinder.bindVolume',
      params: { claim: this.key, volume: pv.metadata.name, capacity: String(pv.spec?.capacity?.storage ?? '') },
    };
    const annotations = byController ? { ...pv.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' } : pv.metadata.annotations;
    const res = ctx.client.update(
      {
        ...pv,
        metadata: { ...pv.metadata, ...(annotations ? { annotations } : {}) },
        spec: {
          ...pv.spec,
          claimRef: { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion },
        },
      },
      why,
    );
    if (!res.ok) return;
    const fresh = res.object as PVObject;
    ctx.client.updateStatus(
      { ...fresh, status: { ...fresh.status, phase: 'Bound', lastPhaseTransitionTime: ctx.clock.nowRFC3339() } },
      { reason: `PersistentVolume ${pv.metadata.name} is bound to claim ${this.key}`, code: 'record.pvbinder.volumeBound', params: { claim: this.key, volume: pv.metadata.name } },
    );
  }

  /** bindClaimToVolume + updateClaimStatus: the volume names this claim, so the claim names it and turns Bound. */
  private completeBinding(pv: PVObject): void {
    const { ctx, pvc } = this;
    const ann = pvc.metadata.annotations ?? {};
    let current = pvc;
    if (pvc.spec?.volumeName !== pv.metadata.name || ann[ANN_BIND_COMPLETED] !== 'yes') {
      const annotations: Record<string, string> = { ...ann, [ANN_BIND_COMPLETED]: 'yes' };
      if (!pvc.spec?.volumeName) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
      const res = ctx.client.update(
        { ...pvc, metadata: { ...pvc.metadata, annotations }, spec: { ...pvc.spec, volumeName: pv.metadata.name } },
        {
          reason: `PersistentVolume ${pv.metadata.name} is reserved for claim ${this.key}, so the claim names it in spec.volumeName`,
          code: 'record.pvbinder.bindClaim',
          params: { claim: this.key, volume: pv.metadata.name },
        },
      );
      if (!res.ok) return;
      current = res.object as PVCObject;
    }
    if (pv.status?.phase !== 'Bound')
      ctx.client.updateStatus(
        { ...pv, status: { ...pv.status, phase: 'Bound', lastPhaseTransitionTime: ctx.clock.nowRFC3339() } },
        { reason: `PersistentVolume ${pv.metadata.name} is bound to claim ${this.key}`, code: 'record.pvbinder.volumeBound', params: { claim: this.key, volume: pv.metadata.name } },
      );
    const next: PersistentVolumeClaimStatus = {
      ...current.status,
      phase: 'Bound',
      accessModes: pv.spec?.accessModes,
      capacity: current.status?.capacity && current.status.phase === 'Bound' ? current.status.capacity : { storage: pv.spec?.capacity?.storage ?? '0' },
    };
    if (current.status?.phase !== 'Bound' || !current.status.capacity) {
      this.status(next, `Claim ${this.key} is bound to PersistentVolume ${pv.metadata.name} (${pv.spec?.capacity?.storage})`, 'record.pvbinder.claimBound', {
        claim: this.key,
        volume: pv.metadata.name,
        capacity: String(pv.spec?.capacity?.storage ?? ''),
      });
      return;
    }
    this.expand(pv, current);
  }

  private status(status: PersistentVolumeClaimStatus, reason: string, code: string, params: Record<string, string>): void {
    const fresh = this.ctx.store.get<PVCObject>('persistentvolumeclaims', this.pvc.metadata.namespace, this.pvc.metadata.name) ?? this.pvc;
    this.ctx.client.updateStatus({ ...fresh, status }, { reason, code, params });
  }

  /**
   * Volume expansion (the expand controller, the CSI resizer and the kubelet in two hops):
   * first the volume grows and the claim waits for its file system (FileSystemResizePending),
   * then the file system grows and the claim's status.capacity shows the new size.
   */
  private expand(pv: PVObject, pvc: PVCObject): void {
    const { ctx } = this;
    const want = requestedBytes(pvc);
    const request = pvc.spec?.resources?.requests?.storage ?? '';
    const pending = pvc.status?.conditions?.some((c) => c.type === 'FileSystemResizePending');
    if (capacityBytes(pv) < want) {
      const res = ctx.client.update(
        { ...pv, spec: { ...pv.spec, capacity: { ...pv.spec?.capacity, storage: String(request) } } },
        { reason: `Claim ${this.key} asks for ${request}, so the resizer grows PersistentVolume ${pv.metadata.name}`, code: 'record.pvbinder.resizeVolume', params: { claim: this.key, volume: pv.metadata.name, size: String(request) } },
      );
      if (!res.ok) return;
      this.event('Normal', 'Resizing', `External resizer is resizing volume ${pv.metadata.name}`);
      this.status(
        {
          ...pvc.status,
          conditions: [
            ...(pvc.status?.conditions ?? []).filter((c) => c.type !== 'FileSystemResizePending'),
            { type: 'FileSystemResizePending', status: 'True', lastTransitionTime: ctx.clock.nowRFC3339(), message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.' },
          ],
        },
        `PersistentVolume ${pv.metadata.name} grew to ${request}; the file system on it grows next`,
        'record.pvbinder.resizePending',
        { claim: this.key, volume: pv.metadata.name, size: String(request) },
      );
      this.event('Normal', 'FileSystemResizeRequired', 'Require file system resize of volume on node');
      return;
    }
    const have = pvc.status?.capacity?.storage;
    if (pending || (have !== undefined && requestedBytes({ ...pvc, spec: { resources: { requests: { storage: have } } } } as PVCObject) < capacityBytes(pv))) {
      const conditions = (pvc.status?.conditions ?? []).filter((c) => c.type !== 'FileSystemResizePending');
      this.status(
        { ...pvc.status, capacity: { storage: String(pv.spec?.capacity?.storage ?? request) }, ...(conditions.length ? { conditions } : { conditions: undefined }) },
        `The file system of PersistentVolume ${pv.metadata.name} grew, so claim ${this.key} now has ${pv.spec?.capacity?.storage}`,
        'record.pvbinder.resized',
        { claim: this.key, volume: pv.metadata.name, size: String(pv.spec?.capacity?.storage ?? '') },
      );
      this.event('Normal', 'FileSystemResizeSuccessful', `MountVolume.NodeExpandVolume succeeded for volume "${pv.metadata.name}"`);
    }
  }
}

function reconcile(ctx: ReconcileContext): void {
  if (ctx.key.startsWith(VOLUME)) return syncVolume(ctx, ctx.key.slice(VOLUME.length));
  if (!ctx.key.startsWith(CLAIM)) return;
  const { namespace, name } = splitKey(ctx.key.slice(CLAIM.length));
  const pvc = ctx.store.get<PVCObject>('persistentvolumeclaims', namespace, name);
  if (!pvc) return;
  new ClaimSync(ctx, pvc).run();
}

/** Claims whose class just appeared or changed: the unbound ones of that class, or with no class. */
function mapClass(ev: WatchEvent, store: ReconcileContext['store']): string[] {
  if (ev.type === 'DELETED') return [];
  return pendingClaims(store);
}

export const BINDER_WATCHES: Watch[] = [
  { resource: 'persistentvolumeclaims', map: (ev) => mapClaim(ev) },
  { resource: 'persistentvolumes', map: (ev, store) => mapVolume(ev, store) },
  { resource: SC_RESOURCE, map: (ev, store) => mapClass(ev, store) },
];

/**
 * kube-controller-manager's PersistentVolume controller (persistentvolume-binder): binds
 * claims to volumes one hop per tick (the volume is reserved, then the claim names it),
 * asks provisioners for volumes, releases and reclaims volumes whose claim is gone, and
 * grows volumes whose claim asks for more.
 */
export function createPersistentVolumeController(): Controller {
  return { name: PV_CONTROLLER, watches: BINDER_WATCHES, reconcile };
}

export { ANN_PROVISIONED_BY };
