import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../objects';
import type { Store } from '../../store/store';
import { parseQuantity } from '../../quantity';

export type PVObject = PersistentVolume & KubeObject;
export type PVCObject = PersistentVolumeClaim & KubeObject;
export type StorageClassObject = StorageClass & KubeObject;

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** The old beta annotation, still honoured by the DefaultStorageClass admission plugin. */
export const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
/** The legacy annotation form of storageClassName, still read by the binder. */
export const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** kubectl's short forms of access modes (RWO, ROX, RWX, RWOP). */
export function accessModesText(modes: readonly string[] | undefined): string {
  const short: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
  // kubectl's GetAccessModesAsString: a fixed order, each mode once.
  const order = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
  return order.filter((m) => modes?.includes(m)).map((m) => short[m]).join(',');
}

export function isDefaultClass(sc: StorageClassObject): boolean {
  const a = sc.metadata.annotations ?? {};
  return a[DEFAULT_CLASS_ANNOTATION] === 'true' || a[BETA_DEFAULT_CLASS_ANNOTATION] === 'true';
}

/**
 * The default class as the DefaultStorageClass admission plugin picks it: among classes
 * marked default, the newest (ties by name), as Kubernetes does since 1.26.
 */
export function defaultClass(store: Store): StorageClassObject | undefined {
  let best: StorageClassObject | undefined;
  for (const sc of store.list<StorageClassObject>('storageclasses.storage.k8s.io')) {
    if (!isDefaultClass(sc) || sc.metadata.deletionTimestamp) continue;
    if (!best) best = sc;
    else {
      const a = sc.metadata.creationTimestamp ?? '';
      const b = best.metadata.creationTimestamp ?? '';
      if (a > b || (a === b && sc.metadata.name < best.metadata.name)) best = sc;
    }
  }
  return best;
}

/** The claim's class: spec.storageClassName, or the beta annotation; undefined when not set at all. */
export function claimClass(pvc: PVCObject): string | undefined {
  const ann = pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION];
  if (ann !== undefined) return ann;
  return pvc.spec?.storageClassName ?? undefined;
}

export function volumeClass(pv: PVObject): string {
  const ann = pv.metadata.annotations?.[BETA_CLASS_ANNOTATION];
  if (ann !== undefined) return ann;
  return pv.spec?.storageClassName ?? '';
}

export function storageBytes(q: unknown): number {
  return parseQuantity(q) ?? 0;
}

export function requestedBytes(pvc: PVCObject): number {
  return storageBytes(pvc.spec?.resources?.requests?.storage);
}

export function capacityBytes(pv: PVObject): number {
  return storageBytes(pv.spec?.capacity?.storage);
}

/** The volume sources a PersistentVolume may name (exactly one). */
export const PV_SOURCES = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'csi',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'glusterfs',
  'hostPath',
  'iscsi',
  'local',
  'nfs',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'rbd',
  'scaleIO',
  'storageos',
  'vsphereVolume',
] as const;

export function volumeSourceOf(pv: PVObject): string | undefined {
  const spec = (pv.spec ?? {}) as Record<string, unknown>;
  return PV_SOURCES.find((s) => spec[s] !== undefined && spec[s] !== null);
}

/** `pvc-<uid>`, the name the provisioning controller gives a volume it creates for a claim. */
export function provisionedName(pvc: PVCObject): string {
  return `pvc-${pvc.metadata.uid ?? ''}`;
}
