import type { IngressClassSpec } from 'kubernetes-types/networking/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { KindStrategy } from './strategy';
import type { FieldError } from '../status';
import { dns1123Label, dns1123Subdomain } from '../validation/names';

const PATH_SEGMENT_BAD = ['/', '%'];

function pathSegmentErrors(value: string, field: string): FieldError[] {
  if (value === '.' || value === '..') return [{ type: 'Invalid', field, value, detail: `may not be '${value}'` }];
  for (const bad of PATH_SEGMENT_BAD) if (value.includes(bad)) return [{ type: 'Invalid', field, value, detail: `may not contain '${bad}'` }];
  return [];
}

/** IsDomainPrefixedPath: `example.com/ingress-controller`. */
function controllerErrors(controller: string | undefined): FieldError[] {
  const field = 'spec.controller';
  if (!controller) return [{ type: 'Required', field, detail: '' }];
  const errs: FieldError[] = [];
  if (controller.length > 250) errs.push({ type: 'TooLong', field, detail: 'may not be more than 250 bytes' });
  const slash = controller.indexOf('/');
  if (slash <= 0) return [...errs, { type: 'Invalid', field, value: controller, detail: 'must be a domain-prefixed path (such as "acme.io/foo")' }];
  errs.push(...dns1123Subdomain(field, controller.slice(0, slash)));
  if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(controller.slice(slash + 1)))
    errs.push({ type: 'Invalid', field, value: controller.slice(slash + 1), detail: 'Invalid path: must only contain valid path characters' });
  return errs;
}

/** SetDefaults_IngressClass (v1): parameters without a scope are cluster-scoped. */
export function defaultIngressClass(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Mutable<IngressClassSpec>;
  if (spec.parameters) (spec.parameters as Mutable<NonNullable<IngressClassSpec['parameters']>>).scope ??= 'Cluster';
}

export function validateIngressClass(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as IngressClassSpec;
  const errs = controllerErrors(spec.controller);
  const params = spec.parameters;
  if (params) {
    const p = 'spec.parameters';
    if (params.apiGroup !== undefined) errs.push(...dns1123Subdomain(`${p}.apiGroup`, params.apiGroup));
    if (!params.kind) errs.push({ type: 'Required', field: `${p}.kind`, detail: 'kind is required' });
    else errs.push(...pathSegmentErrors(params.kind, `${p}.kind`));
    if (!params.name) errs.push({ type: 'Required', field: `${p}.name`, detail: 'name is required' });
    else errs.push(...pathSegmentErrors(params.name, `${p}.name`));
    if (params.scope === undefined) errs.push({ type: 'Required', field: `${p}.scope`, detail: '' });
    else if (params.scope !== 'Cluster' && params.scope !== 'Namespace')
      errs.push({ type: 'NotSupported', field: `${p}.scope`, value: params.scope, supported: ['Cluster', 'Namespace'] });
    else if (params.scope === 'Namespace') {
      if (params.namespace === undefined) errs.push({ type: 'Required', field: `${p}.namespace`, detail: "`parameters.scope` is set to 'Namespace'" });
      else errs.push(...dns1123Label(`${p}.namespace`, params.namespace));
    } else if (params.namespace !== undefined) errs.push({ type: 'Forbidden', field: `${p}.namespace`, detail: "`parameters.scope` is set to 'Cluster'" });
  }
  return errs;
}

export const ingressClassStrategy: KindStrategy = {
  defaults: (obj) => defaultIngressClass(obj),
  validate: (obj) => validateIngressClass(obj),
  validateUpdate: (obj, old) => {
    const errs = validateIngressClass(obj);
    const now = (obj.spec as IngressClassSpec | undefined)?.controller;
    const was = (old.spec as IngressClassSpec | undefined)?.controller;
    if (now !== was) errs.unshift({ type: 'Invalid', field: 'spec.controller', value: now ?? '', detail: 'field is immutable' });
    return errs;
  },
};
