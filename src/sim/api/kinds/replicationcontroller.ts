import type { ReplicationControllerSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { KindStrategy } from './strategy';
import type { FieldError } from '../status';
import { GoLiteral } from '../status';
import { defaultPodTemplate, goMap, validateNonNegative, validatePodTemplate } from './podtemplate';
import { matchesSelector } from '../../store/labels';

/**
 * SetDefaults_ReplicationController: an empty selector and empty labels are both taken from
 * the template's labels (the v1 API predates structured selectors).
 */
export function defaultReplicationController(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Mutable<ReplicationControllerSpec>;
  spec.replicas ??= 1;
  const labels = spec.template?.metadata?.labels as Record<string, string> | undefined;
  if (labels && Object.keys(labels).length) {
    if (!spec.selector || !Object.keys(spec.selector).length) spec.selector = { ...labels };
    if (!obj.metadata.labels || !Object.keys(obj.metadata.labels).length) obj.metadata.labels = { ...labels };
  }
  defaultPodTemplate(spec.template);
  obj.status ??= { replicas: 0 };
}

export function validateReplicationController(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as ReplicationControllerSpec;
  const errs: FieldError[] = [...validateNonNegative(spec.replicas, 'spec.replicas'), ...validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds')];
  const selector = (spec.selector ?? {}) as Record<string, string>;
  if (!Object.keys(selector).length) errs.push({ type: 'Required', field: 'spec.selector' });
  if (!spec.template) errs.push({ type: 'Required', field: 'spec.template' });
  else {
    const labels = spec.template.metadata?.labels as Record<string, string> | undefined;
    if (Object.keys(selector).length && !matchesSelector(selector, labels))
      errs.push({ type: 'Invalid', field: 'spec.template.metadata.labels', value: new GoLiteral(goMap(labels)), detail: '`selector` does not match template `labels`' });
    errs.push(...validatePodTemplate(spec.template, 'spec.template', ['Always']));
  }
  return errs;
}

/** v1 ReplicationController: unlike apps/v1, its selector may change (pods are then released or adopted). */
export const replicationControllerStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    obj.status = { replicas: 0 };
  },
  defaults: (obj) => defaultReplicationController(obj),
  validate: (obj) => validateReplicationController(obj),
  hasStatusSubresource: true,
};
