import type { DeploymentSpec, DeploymentStrategy, RollingUpdateDeployment } from 'kubernetes-types/apps/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { KindStrategy } from './strategy';
import type { FieldError } from '../status';
import { defaultPodTemplate, validateNonNegative, validatePodTemplate, validateSelectorAndTemplate, validateSelectorUnchanged } from './podtemplate';

/** SetDefaults_Deployment (apps/v1). */
export function defaultDeployment(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Mutable<DeploymentSpec>;
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {}) as Mutable<DeploymentStrategy>;
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {}) as Mutable<RollingUpdateDeployment>;
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplate(spec.template);
  obj.status ??= {};
}

const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

function intOrPercent(v: number | string | undefined, field: string): { errs: FieldError[]; zero: boolean } {
  if (v === undefined) return { errs: [], zero: true };
  if (typeof v === 'number') return { errs: validateNonNegative(v, field), zero: v === 0 };
  if (!/^[0-9]+%$/.test(v)) return { errs: [{ type: 'Invalid', field, value: v, detail: PERCENT_MSG }], zero: false };
  return { errs: [], zero: parseInt(v, 10) === 0 };
}

function validateStrategy(s: DeploymentStrategy | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const type = s?.type;
  if (type !== 'Recreate' && type !== 'RollingUpdate') {
    errs.push({ type: 'NotSupported', field: 'spec.strategy.type', value: type ?? '', supported: ['Recreate', 'RollingUpdate'] });
    return errs;
  }
  if (type === 'Recreate' && s?.rollingUpdate)
    errs.push({ type: 'Forbidden', field: 'spec.strategy.rollingUpdate', detail: "may not be specified when strategy `type` is 'Recreate'" });
  if (type === 'RollingUpdate') {
    const ru = s?.rollingUpdate;
    const unavailable = intOrPercent(ru?.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable');
    const surge = intOrPercent(ru?.maxSurge, 'spec.strategy.rollingUpdate.maxSurge');
    errs.push(...unavailable.errs, ...surge.errs);
    if (typeof ru?.maxUnavailable === 'string' && parseInt(ru.maxUnavailable, 10) > 100)
      errs.push({ type: 'Invalid', field: 'spec.strategy.rollingUpdate.maxUnavailable', value: ru.maxUnavailable, detail: 'must not be greater than 100%' });
    if (unavailable.zero && surge.zero && !unavailable.errs.length && !surge.errs.length)
      errs.push({ type: 'Invalid', field: 'spec.strategy.rollingUpdate.maxUnavailable', value: ru?.maxUnavailable ?? 0, detail: 'may not be 0 when `maxSurge` is 0' });
  }
  return errs;
}

export function validateDeployment(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as DeploymentSpec;
  const errs: FieldError[] = [...validateNonNegative(spec.replicas, 'spec.replicas')];
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template));
  if (!spec.template) errs.push({ type: 'Required', field: 'spec.template' });
  else errs.push(...validatePodTemplate(spec.template, 'spec.template', ['Always']));
  errs.push(...validateStrategy(spec.strategy));
  errs.push(...validateNonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const pds = spec.progressDeadlineSeconds;
  if (pds !== undefined) {
    errs.push(...validateNonNegative(pds, 'spec.progressDeadlineSeconds'));
    if (pds <= (spec.minReadySeconds ?? 0))
      errs.push({ type: 'Invalid', field: 'spec.progressDeadlineSeconds', value: pds, detail: 'must be greater than minReadySeconds' });
  }
  return errs;
}

export const deploymentStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    obj.status = {};
  },
  defaults: (obj) => defaultDeployment(obj),
  validate: (obj) => validateDeployment(obj),
  validateUpdate: (obj, old) => [...validateDeployment(obj), ...validateSelectorUnchanged(obj, old)],
  hasStatusSubresource: true,
};
