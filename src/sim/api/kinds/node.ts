import type { KindStrategy } from './strategy';
import type { FieldError } from '../status';
import type { NodeSpec } from 'kubernetes-types/core/v1';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Nodes: taint effects are checked; status belongs to the kubelet (status subresource). */
export const nodeStrategy: KindStrategy = {
  validate: (obj) => {
    const errs: FieldError[] = [];
    const spec = (obj.spec ?? {}) as NodeSpec;
    (spec.taints ?? []).forEach((t, i) => {
      if (!t.effect) errs.push({ type: 'Required', field: `spec.taints[${i}].effect` });
      else if (!TAINT_EFFECTS.includes(t.effect))
        errs.push({ type: 'NotSupported', field: `spec.taints[${i}].effect`, value: t.effect, supported: TAINT_EFFECTS });
    });
    return errs;
  },
  hasStatusSubresource: true,
};
