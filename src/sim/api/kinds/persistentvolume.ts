import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import { jsonEqual } from '../../objects';
import type { FieldError } from '../status';
import type { KindStrategy } from './strategy';
import { isQuantity, QUANTITY_REGEX_MSG } from '../../quantity';
import { dns1123Subdomain } from '../validation/names';
import { ACCESS_MODES, PV_PROTECTION, PV_SOURCES, storageBytes, volumeSourceOf } from '../../controllers/volume/storage';

export type PersistentVolumeObject = PersistentVolume & KubeObject;

const RECLAIM = ['Delete', 'Recycle', 'Retain'];
const VOLUME_MODES = ['Block', 'Filesystem'];

function validateSpec(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as NonNullable<PersistentVolume['spec']>;
  const errs: FieldError[] = [];
  const modes = spec.accessModes ?? [];
  if (!modes.length) errs.push({ type: 'Required', field: 'spec.accessModes' });
  for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push({ type: 'NotSupported', field: 'spec.accessModes', value: m, supported: ACCESS_MODES });
  if (modes.includes('ReadWriteOncePod') && modes.length > 1)
    errs.push({ type: 'Forbidden', field: 'spec.accessModes', detail: 'may not use ReadWriteOncePod with other access modes' });
  const capacity = spec.capacity ?? {};
  if (!Object.keys(capacity).length) errs.push({ type: 'Required', field: 'spec.capacity' });
  for (const [k, v] of Object.entries(capacity)) {
    if (k !== 'storage') errs.push({ type: 'NotSupported', field: 'spec.capacity', value: k, supported: ['storage'] });
    else if (!isQuantity(v)) errs.push({ type: 'Invalid', field: 'spec.capacity[storage]', value: v, detail: QUANTITY_REGEX_MSG });
    else if (storageBytes(v) <= 0) errs.push({ type: 'Invalid', field: 'spec.capacity[storage]', value: v, detail: 'must be greater than zero' });
  }
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !RECLAIM.includes(policy)) errs.push({ type: 'NotSupported', field: 'spec.persistentVolumeReclaimPolicy', value: policy, supported: RECLAIM });
  if (spec.volumeMode && !VOLUME_MODES.includes(spec.volumeMode))
    errs.push({ type: 'NotSupported', field: 'spec.volumeMode', value: spec.volumeMode, supported: VOLUME_MODES });
  if (spec.storageClassName) errs.push(...dns1123Subdomain('spec.storageClassName', spec.storageClassName));
  // ValidatePersistentVolumeSpec: exactly one volume source.
  const present = PV_SOURCES.filter((s) => (spec as Record<string, unknown>)[s] !== undefined && (spec as Record<string, unknown>)[s] !== null);
  if (!present.length) errs.push({ type: 'Required', field: 'spec', detail: 'must specify a volume type' });
  for (const extra of present.slice(1)) errs.push({ type: 'Forbidden', field: `spec.${extra}`, detail: 'may not specify more than 1 volume type' });
  if (spec.hostPath && !spec.hostPath.path) errs.push({ type: 'Required', field: 'spec.hostPath.path' });
  if (spec.hostPath && policy === 'Recycle' && /^\/+$/.test(spec.hostPath.path ?? ''))
    errs.push({ type: 'Forbidden', field: 'spec.persistentVolumeReclaimPolicy', detail: 'may not be \'recycle\' for a hostPath mount of \'/\'' });
  if (spec.local) {
    if (!spec.local.path) errs.push({ type: 'Required', field: 'spec.local.path' });
    if (!spec.nodeAffinity) errs.push({ type: 'Required', field: 'spec.nodeAffinity', detail: 'Local volume requires node affinity' });
  }
  if (spec.nfs) {
    if (!spec.nfs.server) errs.push({ type: 'Required', field: 'spec.nfs.server' });
    if (!spec.nfs.path) errs.push({ type: 'Required', field: 'spec.nfs.path' });
  }
  if (spec.csi) {
    if (!spec.csi.driver) errs.push({ type: 'Required', field: 'spec.csi.driver' });
    if (!spec.csi.volumeHandle) errs.push({ type: 'Required', field: 'spec.csi.volumeHandle' });
  }
  const na = spec.nodeAffinity;
  if (na && !na.required?.nodeSelectorTerms?.length)
    errs.push({ type: 'Required', field: 'spec.nodeAffinity.required', detail: 'must have at least one node selector term' });
  return errs;
}

/**
 * PersistentVolume (cluster-scoped): a piece of storage with a size, access modes and one
 * volume source. kube-apiserver starts it Pending; the PV controller makes it Available.
 */
export const persistentVolumeStrategy: KindStrategy = {
  prepareForCreate: (obj, ctx) => {
    obj.status = { phase: 'Pending', lastPhaseTransitionTime: ctx.clock.nowRFC3339() };
    // The StorageObjectInUseProtection admission plugin.
    const fins = obj.metadata.finalizers ?? [];
    if (!fins.includes(PV_PROTECTION)) obj.metadata.finalizers = [...fins, PV_PROTECTION];
  },
  defaults: (obj) => {
    const spec = (obj.spec ??= {}) as { persistentVolumeReclaimPolicy?: string; volumeMode?: string };
    spec.persistentVolumeReclaimPolicy ??= 'Retain';
    spec.volumeMode ??= 'Filesystem';
    obj.status ??= { phase: 'Pending' };
  },
  validate: (obj) => validateSpec(obj),
  validateUpdate: (obj, old) => {
    const errs = validateSpec(obj);
    const spec = (obj.spec ?? {}) as Record<string, unknown>;
    const before = (old.spec ?? {}) as Record<string, unknown>;
    const src = volumeSourceOf(obj as PersistentVolumeObject);
    const oldSrc = volumeSourceOf(old as PersistentVolumeObject);
    if (src !== oldSrc || (src && !jsonEqual(spec[src], before[src])))
      errs.push({ type: 'Forbidden', field: 'spec.persistentvolumesource', detail: 'spec.persistentvolumesource is immutable after creation' });
    if (!jsonEqual(spec.volumeMode, before.volumeMode)) errs.push({ type: 'Invalid', field: 'spec.volumeMode', value: spec.volumeMode, detail: 'field is immutable' });
    if (before.nodeAffinity && !jsonEqual(spec.nodeAffinity, before.nodeAffinity))
      errs.push({ type: 'Invalid', field: 'spec.nodeAffinity', value: spec.nodeAffinity, detail: 'field is immutable' });
    return errs;
  },
  hasStatusSubresource: true,
};
