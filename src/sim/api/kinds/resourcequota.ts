import type { KubeObject } from '../../objects';
import type { FieldError } from '../status';
import type { KindStrategy } from './strategy';
import type { ResourceQuotaObject } from '../admission/quota';
import { canonical, toQty } from '../admission/quantities';
import { QUANTITY_REGEX_MSG } from '../../quantity';

export const QUOTA_SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
/** Object counts are whole numbers (IsIntegerResourceName). */
const INTEGER_NAMES = ['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers'];
const COMPUTE_NAMES = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'ephemeral-storage', 'requests.ephemeral-storage', 'limits.ephemeral-storage'];
/** Standard names a scoped quota may not hold when the scope cannot judge them (IsResourceQuotaScopeValidForResource). */
const STANDARD_NAMES = [...INTEGER_NAMES, ...COMPUTE_NAMES, 'requests.storage'];

function scopeAllows(scope: string, resource: string): boolean {
  if (scope === 'BestEffort') return resource === 'pods';
  if (['Terminating', 'NotTerminating', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'].includes(scope)) return resource === 'pods' || COMPUTE_NAMES.includes(resource);
  return true;
}

function validateQuota(obj: KubeObject): FieldError[] {
  const q = obj as ResourceQuotaObject;
  const errs: FieldError[] = [];
  const hard = (q.spec?.hard ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(hard)) {
    const field = `spec.hard[${k}]`;
    const qty = toQty(v);
    if (!qty) errs.push({ type: 'Invalid', field, value: v, detail: QUANTITY_REGEX_MSG });
    else if (qty.milli < 0) errs.push({ type: 'Invalid', field, value: canonical(v), detail: 'must be greater than or equal to 0' });
    else if ((INTEGER_NAMES.includes(k) || k.startsWith('count/')) && qty.milli % 1000 !== 0) errs.push({ type: 'Invalid', field, value: canonical(v), detail: 'must be an integer' });
  }
  const scopes = q.spec?.scopes ?? [];
  for (const s of scopes) {
    if (!QUOTA_SCOPES.includes(s)) errs.push({ type: 'Invalid', field: 'spec.scopes', value: scopes, detail: 'unsupported scope' });
    for (const k of Object.keys(hard).sort()) if (STANDARD_NAMES.includes(k) && !scopeAllows(s, k)) errs.push({ type: 'Invalid', field: 'spec.scopes', value: scopes, detail: 'unsupported scope applied to resource' });
  }
  if ((scopes.includes('BestEffort') && scopes.includes('NotBestEffort')) || (scopes.includes('Terminating') && scopes.includes('NotTerminating')))
    errs.push({ type: 'Invalid', field: 'spec.scopes', value: scopes, detail: 'conflicting scopes' });
  (q.spec?.scopeSelector?.matchExpressions ?? []).forEach((e, i) => {
    const at = `spec.scopeSelector.matchExpressions[${i}]`;
    if (!QUOTA_SCOPES.includes(e.scopeName)) errs.push({ type: 'Invalid', field: `${at}.scopeName`, value: e.scopeName, detail: 'unsupported scope' });
    if (!SELECTOR_OPERATORS.includes(e.operator)) errs.push({ type: 'Invalid', field: `${at}.operator`, value: e.operator, detail: 'not a valid selector operator' });
    else if ((e.operator === 'In' || e.operator === 'NotIn') && !e.values?.length) errs.push({ type: 'Required', field: `${at}.values`, detail: 'must be at least one value when `operator` is \'In\' or \'NotIn\' for scope selector' });
    else if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && e.values?.length) errs.push({ type: 'Invalid', field: `${at}.values`, value: e.values, detail: 'must be no value when `operator` is \'Exist\' or \'DoesNotExist\' for scope selector' });
  });
  return errs;
}

/**
 * ResourceQuota (v1): spec.hard is what the namespace may use; status (hard and used) is the
 * resourcequota controller's to write, so a client's status is dropped on create and kept on update.
 */
export const resourceQuotaStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    delete obj.status;
  },
  defaults: (obj) => {
    const hard = (obj as ResourceQuotaObject).spec?.hard as Record<string, unknown> | undefined;
    if (hard) for (const [k, v] of Object.entries(hard)) if (toQty(v)) hard[k] = canonical(v);
  },
  validate: (obj) => validateQuota(obj),
  hasStatusSubresource: true,
};
