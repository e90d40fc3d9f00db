import type { ReplicaSetSpec } from 'kubernetes-types/apps/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { KindStrategy } from './strategy';
import type { FieldError } from '../status';
import { defaultPodTemplate, validateNonNegative, validatePodTemplate, validateSelectorAndTemplate, validateSelectorUnchanged } from './podtemplate';

/** SetDefaults_ReplicaSet (apps/v1): one replica; the template gets the pod defaults. */
export function defaultReplicaSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Mutable<ReplicaSetSpec>;
  spec.replicas ??= 1;
  defaultPodTemplate(spec.template);
  obj.status ??= { replicas: 0 };
}

export function validateReplicaSet(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as ReplicaSetSpec;
  const errs: FieldError[] = [...validateNonNegative(spec.replicas, 'spec.replicas'), ...validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds')];
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template));
  if (spec.template) errs.push(...validatePodTemplate(spec.template, 'spec.template', ['Always']));
  return errs;
}

export const replicaSetStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    obj.status = { replicas: 0 };
  },
  defaults: (obj) => defaultReplicaSet(obj),
  validate: (obj) => validateReplicaSet(obj),
  validateUpdate: (obj, old) => [...validateReplicaSet(obj), ...validateSelectorUnchanged(obj, old)],
  hasStatusSubresource: true,
};
