import type { HTTPIngressPath, IngressBackend, IngressClass, IngressSpec } from 'kubernetes-types/networking/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { KindStrategy, StrategyContext } from './strategy';
import type { FieldError } from '../status';
import { GoLiteral } from '../status';
import { dns1123Subdomain } from '../validation/names';
import { portNameErrors, portNumErrors } from '../validation/ports';
import { isIP } from '../../network/cidr';

export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const WILDCARD_MSG = `a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '${WILDCARD_FMT}')`;
const DNS1035_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_MSG = `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '${DNS1035_FMT}')`;

/**
 * The DefaultIngressClass admission plugin: an Ingress created without a class (neither
 * spec.ingressClassName nor the legacy annotation) gets the default IngressClass, the newest
 * one when several are marked default.
 */
export function defaultIngressClassName(ctx: StrategyContext): string | undefined {
  const defaults = (ctx.store.list('ingressclasses.networking.k8s.io') as unknown as (IngressClass & KubeObject)[]).filter(
    (c) => c.metadata.annotations?.[DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true',
  );
  defaults.sort((a, b) => ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? 1 : -1));
  return defaults[0]?.metadata.name;
}

function hostErrors(host: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isIP(host)) errs.push({ type: 'Invalid', field, value: host, detail: 'must be a DNS name, not an IP address' });
  if (host.includes('*')) {
    if (host.length > 253) errs.push({ type: 'Invalid', field, value: host, detail: 'must be no more than 253 characters' });
    if (!new RegExp(`^${WILDCARD_FMT}$`).test(host)) errs.push({ type: 'Invalid', field, value: host, detail: WILDCARD_MSG });
  } else errs.push(...dns1123Subdomain(field, host));
  return errs;
}

function validateBackend(b: IngressBackend, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (b.resource && b.service) return [{ type: 'Invalid', field: path, value: '', detail: 'cannot set both resource and service backends' }];
  if (b.resource) {
    const r = b.resource;
    if (r.apiGroup !== undefined) errs.push(...dns1123Subdomain(`${path}.resource.apiGroup`, r.apiGroup));
    if (!r.kind) errs.push({ type: 'Required', field: `${path}.resource.kind`, detail: 'kind is required' });
    if (!r.name) errs.push({ type: 'Required', field: `${path}.resource.name`, detail: 'name is required' });
    return errs;
  }
  if (!b.service) return [{ type: 'Invalid', field: path, value: '', detail: 'resource or service backend is required' }];
  const s = b.service;
  if (!s.name) errs.push({ type: 'Required', field: `${path}.service.name`, detail: '' });
  else {
    if (s.name.length > 63) errs.push({ type: 'Invalid', field: `${path}.service.name`, value: s.name, detail: 'must be no more than 63 characters' });
    if (!new RegExp(`^${DNS1035_FMT}$`).test(s.name)) errs.push({ type: 'Invalid', field: `${path}.service.name`, value: s.name, detail: DNS1035_MSG });
  }
  const name = s.port?.name ?? '';
  const number = s.port?.number ?? 0;
  if (name && number) errs.push({ type: 'Invalid', field: path, value: '', detail: 'cannot set both port name & port number' });
  else if (name) for (const d of portNameErrors(name)) errs.push({ type: 'Invalid', field: `${path}.service.port.name`, value: name, detail: d });
  else if (number) for (const d of portNumErrors(number)) errs.push({ type: 'Invalid', field: `${path}.service.port.number`, value: number, detail: d });
  else errs.push({ type: 'Required', field: path, detail: 'port name or number is required' });
  return errs;
}

function validatePath(p: HTTPIngressPath, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!p.pathType) return [{ type: 'Required', field: `${path}.pathType`, detail: 'pathType must be specified' }];
  const value = p.path ?? '';
  if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push({ type: 'Invalid', field: `${path}.path`, value, detail: 'must be an absolute path' });
    for (const seq of INVALID_SEQUENCES) if (value.includes(seq)) errs.push({ type: 'Invalid', field: `${path}.path`, value, detail: `must not contain '${seq}'` });
    for (const suf of INVALID_SUFFIXES) if (value.endsWith(suf)) errs.push({ type: 'Invalid', field: `${path}.path`, value, detail: `cannot end with '${suf}'` });
  } else if (p.pathType === 'ImplementationSpecific') {
    if (value && !value.startsWith('/')) errs.push({ type: 'Invalid', field: `${path}.path`, value, detail: 'must be an absolute path' });
  } else errs.push({ type: 'NotSupported', field: `${path}.pathType`, value: p.pathType, supported: PATH_TYPES });
  errs.push(...validateBackend(p.backend ?? {}, `${path}.backend`));
  return errs;
}

/** ValidateIngressSpec (networking/v1) as kube-apiserver words it. */
export function validateIngress(obj: KubeObject, create: boolean): FieldError[] {
  const spec = (obj.spec ?? {}) as IngressSpec;
  const errs: FieldError[] = [];
  const rules = spec.rules ?? [];
  if (!rules.length && !spec.defaultBackend)
    errs.push({ type: 'Invalid', field: 'spec', value: new GoLiteral('[]networking.IngressRule(nil)'), detail: 'either `defaultBackend` or `rules` must be specified' });
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const p = `spec.rules[${i}]`;
    if (rule.host) errs.push(...hostErrors(rule.host, `${p}.host`));
    if (rule.http) {
      if (!rule.http.paths?.length) errs.push({ type: 'Required', field: `${p}.http.paths`, detail: '' });
      (rule.http.paths ?? []).forEach((path, j) => errs.push(...validatePath(path, `${p}.http.paths[${j}]`)));
    }
  });
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((h, j) => {
      const f = `spec.tls[${i}].hosts[${j}]`;
      if (h.includes('*')) {
        if (!new RegExp(`^${WILDCARD_FMT}$`).test(h)) errs.push({ type: 'Invalid', field: f, value: h, detail: WILDCARD_MSG });
      } else errs.push(...dns1123Subdomain(f, h));
    });
    if (tls.secretName) errs.push(...dns1123Subdomain(`spec.tls[${i}].secretName`, tls.secretName));
  });
  if (spec.ingressClassName !== undefined) errs.push(...dns1123Subdomain('spec.ingressClassName', spec.ingressClassName));
  const annotation = obj.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (create && annotation !== undefined && spec.ingressClassName !== undefined && annotation !== spec.ingressClassName)
    errs.push({ type: 'Invalid', field: `annotations.${INGRESS_CLASS_ANNOTATION}`, value: annotation, detail: 'must match `ingressClassName` when both are specified' });
  return errs;
}

export const ingressStrategy: KindStrategy = {
  prepareForCreate: (obj, ctx) => {
    obj.status = { loadBalancer: {} };
    // Admission (DefaultIngressClass) runs on create only.
    const spec = (obj.spec ??= {}) as Mutable<IngressSpec>;
    if (spec.ingressClassName === undefined && obj.metadata.annotations?.[INGRESS_CLASS_ANNOTATION] === undefined) {
      const name = defaultIngressClassName(ctx);
      if (name) spec.ingressClassName = name;
    }
  },
  defaults: (obj) => {
    obj.spec ??= {};
    obj.status ??= { loadBalancer: {} };
  },
  validate: (obj) => validateIngress(obj, true),
  validateUpdate: (obj) => validateIngress(obj, false),
  hasStatusSubresource: true,
};
