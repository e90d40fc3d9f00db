import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import { jsonEqual } from '../../objects';
import type { FieldError, Status } from '../status';
import { forbidden } from '../status';
import type { KindStrategy, StrategyContext } from './strategy';
import { isQuantity, QUANTITY_REGEX_MSG } from '../../quantity';
import { dns1123Subdomain } from '../validation/names';
import type { PVCObject, StorageClassObject } from '../../controllers/volume/storage';
import { ACCESS_MODES, PVC_PROTECTION, claimClass, defaultClass, storageBytes } from '../../controllers/volume/storage';

export type PersistentVolumeClaimObject = PersistentVolumeClaim & KubeObject;

const VOLUME_MODES = ['Block', 'Filesystem'];
export const PVC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';
export const RESIZE_FORBIDDEN = 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize';

function validateSpec(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as NonNullable<PersistentVolumeClaim['spec']>;
  const errs: FieldError[] = [];
  const modes = spec.accessModes ?? [];
  if (!modes.length) errs.push({ type: 'Required', field: 'spec.accessModes', detail: 'at least 1 access mode is required' });
  for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push({ type: 'NotSupported', field: 'spec.accessModes', value: m, supported: ACCESS_MODES });
  if (modes.includes('ReadWriteOncePod') && modes.length > 1)
    errs.push({ type: 'Forbidden', field: 'spec.accessModes', detail: 'may not use ReadWriteOncePod with other access modes' });
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errs.push({ type: 'Required', field: 'spec.resources[storage]' });
  else if (!isQuantity(storage)) errs.push({ type: 'Invalid', field: 'spec.resources[storage]', value: storage, detail: QUANTITY_REGEX_MSG });
  else if (storageBytes(storage) <= 0) errs.push({ type: 'Invalid', field: 'spec.resources[storage]', value: storage, detail: 'must be greater than zero' });
  if (spec.volumeMode && !VOLUME_MODES.includes(spec.volumeMode))
    errs.push({ type: 'NotSupported', field: 'spec.volumeMode', value: spec.volumeMode, supported: VOLUME_MODES });
  if (spec.storageClassName) errs.push(...dns1123Subdomain('spec.storageClassName', spec.storageClassName));
  return errs;
}

/** The spec with what ValidatePersistentVolumeClaimUpdate lets change blanked out. */
function frozen(spec: Record<string, unknown> | undefined, old: Record<string, unknown> | undefined, bound: boolean): unknown {
  const s = { ...spec };
  // The binder sets volumeName once; the default class may be filled in once (retroactive default).
  if (!old?.volumeName) s.volumeName = old?.volumeName;
  if (old?.storageClassName === undefined || old.storageClassName === null) s.storageClassName = old?.storageClassName;
  if (bound) s.resources = { ...(s.resources as object), requests: (old?.resources as { requests?: unknown } | undefined)?.requests };
  delete s.volumeAttributesClassName;
  const o = { ...old };
  delete o.volumeAttributesClassName;
  return [s, o];
}

/**
 * PersistentVolumeClaim: a request for storage. On create the DefaultStorageClass admission
 * plugin fills in the default class when the claim names none (an explicit `""` means
 * "no class"), and StorageObjectInUseProtection adds the pvc-protection finalizer. After
 * creation only resources.requests may change, only upward, and only on a bound claim.
 */
export const persistentVolumeClaimStrategy: KindStrategy = {
  prepareForCreate: (obj, ctx) => {
    obj.status = { phase: 'Pending' };
    const spec = (obj.spec ??= {}) as { storageClassName?: string | null };
    if ((spec.storageClassName === undefined || spec.storageClassName === null) && claimClass(obj as PVCObject) === undefined) {
      const def = defaultClass(ctx.store);
      if (def) spec.storageClassName = def.metadata.name;
    }
    const fins = obj.metadata.finalizers ?? [];
    if (!fins.includes(PVC_PROTECTION)) obj.metadata.finalizers = [...fins, PVC_PROTECTION];
  },
  defaults: (obj) => {
    const spec = (obj.spec ??= {}) as { volumeMode?: string };
    spec.volumeMode ??= 'Filesystem';
    obj.status ??= { phase: 'Pending' };
  },
  validate: (obj) => validateSpec(obj),
  validateUpdate: (obj, old) => {
    const errs = validateSpec(obj);
    const bound = (old.status as { phase?: string } | undefined)?.phase === 'Bound';
    const [a, b] = frozen(obj.spec as Record<string, unknown>, old.spec as Record<string, unknown>, bound) as [unknown, unknown];
    if (!jsonEqual(a, b)) errs.push({ type: 'Forbidden', field: 'spec', detail: PVC_IMMUTABLE });
    else if (bound) {
      const now = storageBytes((obj.spec as PersistentVolumeClaim['spec'])?.resources?.requests?.storage);
      const before = storageBytes((old.spec as PersistentVolumeClaim['spec'])?.resources?.requests?.storage);
      if (now < before) errs.push({ type: 'Forbidden', field: 'spec.resources.requests.storage', detail: 'field can not be less than previous value' });
    }
    return errs;
  },
  admit: (obj, old, ctx) => admitResize(obj, old, ctx),
  hasStatusSubresource: true,
};

/** The PersistentVolumeClaimResize admission plugin: growing a claim needs a class that allows expansion. */
function admitResize(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): Status | undefined {
  if (!old) return undefined;
  const now = storageBytes((obj.spec as PersistentVolumeClaim['spec'])?.resources?.requests?.storage);
  const before = storageBytes((old.spec as PersistentVolumeClaim['spec'])?.resources?.requests?.storage);
  if (now <= before) return undefined;
  const className = claimClass(old as PVCObject);
  const sc = className ? ctx.store.get<StorageClassObject>('storageclasses.storage.k8s.io', undefined, className) : undefined;
  if (sc?.allowVolumeExpansion) return undefined;
  return forbidden({ group: '', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims' }, obj.metadata.name, RESIZE_FORBIDDEN);
}
