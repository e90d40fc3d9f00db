import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import type { FieldError } from '../status';
import type { KindStrategy } from './strategy';

export type PersistentVolumeClaimObject = PersistentVolumeClaim & KubeObject;

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

/**
 * A minimal claim: defaults and the checks learners meet. Nothing binds a claim yet (the
 * storage issue brings PersistentVolumes and provisioning), so every claim stays Pending.
 */
export const persistentVolumeClaimStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    obj.status = { phase: 'Pending' };
  },
  defaults: (obj) => {
    const spec = (obj.spec ??= {}) as { volumeMode?: string };
    spec.volumeMode ??= 'Filesystem';
    obj.status ??= { phase: 'Pending' };
  },
  validate: (obj) => {
    const spec = (obj.spec ?? {}) as NonNullable<PersistentVolumeClaim['spec']>;
    const errs: FieldError[] = [];
    const modes = spec.accessModes ?? [];
    if (!modes.length) errs.push({ type: 'Required', field: 'spec.accessModes', detail: 'at least 1 access mode is required' });
    for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push({ type: 'NotSupported', field: 'spec.accessModes', value: m, supported: ACCESS_MODES });
    if (!spec.resources?.requests?.storage) errs.push({ type: 'Required', field: 'spec.resources[storage]' });
    return errs;
  },
  hasStatusSubresource: true,
};
