import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../objects';
import { jsonEqual } from '../../objects';
import type { FieldError } from '../status';
import type { KindStrategy } from './strategy';
import { qualifiedNameErrors } from '../validation/labels';

export type StorageClassKubeObject = StorageClass & KubeObject;

const RECLAIM = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

function validate(obj: KubeObject): FieldError[] {
  const sc = obj as StorageClassKubeObject;
  const errs: FieldError[] = [];
  if (!sc.provisioner) errs.push({ type: 'Required', field: 'provisioner' });
  else for (const msg of qualifiedNameErrors(sc.provisioner)) errs.push({ type: 'Invalid', field: 'provisioner', value: sc.provisioner, detail: msg });
  if (sc.reclaimPolicy && !RECLAIM.includes(sc.reclaimPolicy)) errs.push({ type: 'NotSupported', field: 'reclaimPolicy', value: sc.reclaimPolicy, supported: RECLAIM });
  if (sc.volumeBindingMode && !BINDING_MODES.includes(sc.volumeBindingMode))
    errs.push({ type: 'NotSupported', field: 'volumeBindingMode', value: sc.volumeBindingMode, supported: BINDING_MODES });
  const params = Object.keys(sc.parameters ?? {});
  if (params.length > 512) errs.push({ type: 'TooLong', field: 'parameters', detail: 'may not have more than 512 entries' });
  for (const k of params) if (!k) errs.push({ type: 'Invalid', field: 'parameters', value: k, detail: 'field can not be empty.' });
  return errs;
}

/**
 * StorageClass (storage.k8s.io/v1, cluster-scoped, no spec): which provisioner makes volumes
 * for claims of this class, with what parameters, reclaim policy and binding mode. Everything
 * but allowVolumeExpansion, mountOptions and metadata is fixed once created.
 */
export const storageClassStrategy: KindStrategy = {
  defaults: (obj) => {
    const sc = obj as { reclaimPolicy?: string; volumeBindingMode?: string };
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  validate,
  validateUpdate: (obj, old) => {
    const errs = validate(obj);
    const a = obj as StorageClassKubeObject;
    const b = old as StorageClassKubeObject;
    if (!jsonEqual(a.parameters ?? {}, b.parameters ?? {})) errs.push({ type: 'Forbidden', field: 'parameters', detail: 'updates to parameters are forbidden.' });
    if (a.provisioner !== b.provisioner) errs.push({ type: 'Forbidden', field: 'provisioner', detail: 'updates to provisioner are forbidden.' });
    if (a.reclaimPolicy !== b.reclaimPolicy) errs.push({ type: 'Forbidden', field: 'reclaimPolicy', detail: 'updates to reclaimPolicy are forbidden.' });
    if (a.volumeBindingMode !== b.volumeBindingMode) errs.push({ type: 'Invalid', field: 'volumeBindingMode', value: a.volumeBindingMode, detail: 'field is immutable' });
    return errs;
  },
};
