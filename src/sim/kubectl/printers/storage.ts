import type { KubeObject } from '../../objects';
import { age } from '../duration';
import type { TableSpec } from './tables';
import type { PVCObject, PVObject, StorageClassObject } from '../../controllers/volume/storage';
import { accessModesText, claimClass, isDefaultClass, volumeClass } from '../../controllers/volume/storage';

/** kubectl prints a class that is not set as the empty string, and VolumeAttributesClass as <unset>. */
const UNSET = '<unset>';

const persistentvolumes: TableSpec = {
  headers: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
  wideHeaders: ['VOLUMEMODE'],
  row(obj: KubeObject, now: number) {
    const pv = obj as PVObject;
    const ref = pv.spec?.claimRef;
    const claim = ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '';
    const status = pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '');
    return [
      pv.metadata.name,
      String(pv.spec?.capacity?.storage ?? ''),
      accessModesText(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      status,
      claim,
      volumeClass(pv),
      pv.spec?.volumeAttributesClassName || UNSET,
      pv.status?.reason ?? '',
      age(pv.metadata.creationTimestamp, now),
    ];
  },
  wide: (obj) => [(obj as PVObject).spec?.volumeMode ?? '<unset>'],
};

const persistentvolumeclaims: TableSpec = {
  headers: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
  wideHeaders: ['VOLUMEMODE'],
  row(obj: KubeObject, now: number) {
    const pvc = obj as PVCObject;
    const status = pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '');
    const bound = !!pvc.spec?.volumeName;
    return [
      pvc.metadata.name,
      status,
      pvc.spec?.volumeName ?? '',
      bound ? String(pvc.status?.capacity?.storage ?? '') : '',
      bound ? accessModesText(pvc.status?.accessModes) : '',
      claimClass(pvc) ?? '',
      pvc.spec?.volumeAttributesClassName || UNSET,
      age(pvc.metadata.creationTimestamp, now),
    ];
  },
  wide: (obj) => [(obj as PVCObject).spec?.volumeMode ?? '<unset>'],
};

const storageclasses: TableSpec = {
  headers: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
  wideHeaders: [],
  row(obj: KubeObject, now: number) {
    const sc = obj as StorageClassObject;
    return [
      isDefaultClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name,
      sc.provisioner,
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ? 'true' : 'false',
      age(sc.metadata.creationTimestamp, now),
    ];
  },
  wide: () => [],
};

/** PersistentVolume, PersistentVolumeClaim and StorageClass tables, by store key. */
export const STORAGE_TABLES: Record<string, TableSpec> = { persistentvolumes, persistentvolumeclaims, 'storageclasses.storage.k8s.io': storageclasses };
