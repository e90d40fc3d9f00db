import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { FieldError } from '../status';
import type { KindStrategy } from './strategy';
import { stableJSON, validateSetSelectorAndTemplate } from './workloadTemplate';
import { defaultPodTemplate, validateSelectorUnchanged } from './podtemplate';

export type DaemonSetObject = DaemonSet & KubeObject;

/** The annotation the DaemonSet strategy keeps equal to metadata.generation of the template. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
const STRATEGY_TYPES = ['OnDelete', 'RollingUpdate'];

/** SetDefaults_DaemonSet (apps/v1): RollingUpdate with maxUnavailable 1 and maxSurge 0. */
export function defaultDaemonSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Mutable<NonNullable<DaemonSet['spec']>>;
  spec.updateStrategy ??= { type: 'RollingUpdate' };
  const us = spec.updateStrategy as { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
  us.type ??= 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    us.rollingUpdate ??= {};
    us.rollingUpdate.maxUnavailable ??= 1;
    us.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(spec.template);
}

export function validateDaemonSet(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as NonNullable<DaemonSet['spec']>;
  const errs: FieldError[] = [];
  const type = spec.updateStrategy?.type;
  if (type && !STRATEGY_TYPES.includes(type)) errs.push({ type: 'NotSupported', field: 'spec.updateStrategy.type', value: type, supported: STRATEGY_TYPES });
  if (spec.minReadySeconds !== undefined && spec.minReadySeconds < 0)
    errs.push({ type: 'Invalid', field: 'spec.minReadySeconds', value: spec.minReadySeconds, detail: 'must be greater than or equal to 0' });
  errs.push(...validateSetSelectorAndTemplate('daemonset', spec.selector, spec.template));
  return errs;
}

function setTemplateGeneration(obj: KubeObject): void {
  obj.metadata.annotations = { ...obj.metadata.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(obj.metadata.generation ?? 1) };
}

/** The DaemonSet strategy: the selector is immutable; a template change bumps the template generation. */
export const daemonSetStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    obj.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
    obj.metadata.generation = 1;
    setTemplateGeneration(obj);
  },
  defaults: (obj) => defaultDaemonSet(obj),
  validate: (obj) => validateDaemonSet(obj),
  validateUpdate: (obj, old) => {
    const errs = validateDaemonSet(obj);
    errs.push(...validateSelectorUnchanged(obj, old));
    const tmpl = (o: KubeObject) => stableJSON((o.spec as DaemonSet['spec'])?.template);
    const oldGen = Number(old.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? old.metadata.generation ?? 1);
    obj.metadata.annotations = { ...obj.metadata.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(tmpl(obj) !== tmpl(old) ? (old.metadata.generation ?? 1) + 1 : oldGen) };
    return errs;
  },
  hasStatusSubresource: true,
};
