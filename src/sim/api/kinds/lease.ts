import type { Lease } from 'kubernetes-types/coordination/v1';
import type { KubeObject } from '../../objects';
import type { FieldError } from '../status';
import type { KindStrategy } from './strategy';

export type LeaseObject = Lease & KubeObject;

/** ValidateLeaseSpec: durations and transition counts cannot be negative (or zero, for the duration). */
function validateLease(obj: KubeObject): FieldError[] {
  const spec = (obj as LeaseObject).spec ?? {};
  const errs: FieldError[] = [];
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0)
    errs.push({ type: 'Invalid', field: 'spec.leaseDurationSeconds', value: spec.leaseDurationSeconds, detail: 'must be greater than 0' });
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0)
    errs.push({ type: 'Invalid', field: 'spec.leaseTransitions', value: spec.leaseTransitions, detail: 'must be greater than or equal to 0' });
  return errs;
}

export const leaseStrategy: KindStrategy = {
  validate: (obj) => validateLease(obj),
};
