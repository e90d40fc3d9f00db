import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../objects';
import type { FieldError } from '../status';
import { GoLiteral } from '../status';
import type { KindStrategy } from './strategy';
import { validateLabelSelector } from '../validation/selector';
import { dns1123Subdomain } from '../validation/names';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

export type RoleObject = Role & KubeObject;
export type ClusterRoleObject = ClusterRole & KubeObject;
export type RoleBindingObject = RoleBinding & KubeObject;
export type ClusterRoleBindingObject = ClusterRoleBinding & KubeObject;

/** Go's %#v of a []string, the way field errors print rule lists. */
function goStrings(xs: readonly string[] | undefined): GoLiteral {
  return new GoLiteral(xs ? `[]string{${xs.map((x) => JSON.stringify(x)).join(', ')}}` : '[]string(nil)');
}

/** ValidatePathSegmentName: RBAC names may hold ':' (system:aggregate-to-view) but not '/' or '%'. */
export function pathSegmentNameErrors(name: string): string[] {
  if (name === '.') return ["may not be '.'"];
  if (name === '..') return ["may not be '..'"];
  const errs: string[] = [];
  if (name.includes('/')) errs.push("may not contain '/'");
  if (name.includes('%')) errs.push("may not contain '%'");
  return errs;
}

/** ValidatePolicyRule: verbs always; non-resource URLs only cluster-wide and alone; otherwise groups and resources. */
function validateRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!rule.verbs?.length) errs.push({ type: 'Required', field: `${path}.verbs`, detail: 'verbs must contain at least one value' });
  if (rule.nonResourceURLs?.length) {
    if (namespaced) errs.push({ type: 'Invalid', field: `${path}.nonResourceURLs`, value: goStrings(rule.nonResourceURLs), detail: 'namespaced rules cannot apply to non-resource URLs' });
    if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length)
      errs.push({ type: 'Invalid', field: `${path}.nonResourceURLs`, value: goStrings(rule.nonResourceURLs), detail: 'rules cannot apply to both regular resources and non-resource URLs' });
    return errs;
  }
  if (!rule.apiGroups?.length) errs.push({ type: 'Required', field: `${path}.apiGroups`, detail: 'resource rules must supply at least one api group' });
  if (!rule.resources?.length) errs.push({ type: 'Required', field: `${path}.resources`, detail: 'resource rules must supply at least one resource' });
  return errs;
}

function validateRules(rules: PolicyRule[] | undefined, namespaced: boolean): FieldError[] {
  return (rules ?? []).flatMap((r, i) => validateRule(r, namespaced, `rules[${i}]`));
}

function validateClusterRole(obj: KubeObject): FieldError[] {
  const cr = obj as ClusterRoleObject;
  const errs = validateRules(cr.rules, false);
  const agg = cr.aggregationRule;
  if (agg) {
    if (!agg.clusterRoleSelectors?.length)
      errs.push({ type: 'Required', field: 'aggregationRule.clusterRoleSelectors', detail: 'at least one clusterRoleSelector required if aggregationRule is non-nil' });
    (agg.clusterRoleSelectors ?? []).forEach((s, i) => errs.push(...validateLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`)));
  }
  return errs;
}

/** SetDefaults_Subject / SetDefaults_RoleBinding: User and Group live in the RBAC group, ServiceAccount in core. */
function defaultBinding(obj: KubeObject): void {
  const b = obj as RoleBindingObject;
  if (b.roleRef && !b.roleRef.apiGroup) b.roleRef.apiGroup = RBAC_GROUP;
  for (const s of b.subjects ?? []) if (!s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
}

/** ValidateRoleBindingSubject; `namespaced` bindings may leave a ServiceAccount's namespace to their own. */
export function validateSubject(s: Subject, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!s.name) errs.push({ type: 'Required', field: `${path}.name` });
  switch (s.kind) {
    case 'ServiceAccount':
      if (s.name) for (const e of dns1123Subdomain(`${path}.name`, s.name)) errs.push(e);
      if (s.apiGroup) errs.push({ type: 'NotSupported', field: `${path}.apiGroup`, value: s.apiGroup, supported: [''] });
      if (!namespaced && !s.namespace) errs.push({ type: 'Required', field: `${path}.namespace` });
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) errs.push({ type: 'NotSupported', field: `${path}.apiGroup`, value: s.apiGroup ?? '', supported: [RBAC_GROUP] });
      break;
    default:
      errs.push({ type: 'NotSupported', field: `${path}.kind`, value: s.kind ?? '', supported: ['ServiceAccount', 'User', 'Group'] });
  }
  return errs;
}

function validateBinding(obj: KubeObject, namespaced: boolean): FieldError[] {
  const b = obj as RoleBindingObject;
  const ref = (b.roleRef ?? {}) as Partial<RoleRef>;
  const errs: FieldError[] = [];
  if (ref.apiGroup !== RBAC_GROUP) errs.push({ type: 'NotSupported', field: 'roleRef.apiGroup', value: ref.apiGroup ?? '', supported: [RBAC_GROUP] });
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind ?? '')) errs.push({ type: 'NotSupported', field: 'roleRef.kind', value: ref.kind ?? '', supported: kinds });
  if (!ref.name) errs.push({ type: 'Required', field: 'roleRef.name' });
  else for (const detail of pathSegmentNameErrors(ref.name)) errs.push({ type: 'Invalid', field: 'roleRef.name', value: ref.name, detail });
  (b.subjects ?? []).forEach((s, i) => errs.push(...validateSubject(s, namespaced, `subjects[${i}]`)));
  return errs;
}

/** Go's %#v of rbac.RoleRef, as `cannot change roleRef` prints it. */
function goRoleRef(r: Partial<RoleRef> | undefined): GoLiteral {
  return new GoLiteral(`rbac.RoleRef{APIGroup:${JSON.stringify(r?.apiGroup ?? '')}, Kind:${JSON.stringify(r?.kind ?? '')}, Name:${JSON.stringify(r?.name ?? '')}}`);
}

/** ValidateRoleBindingUpdate: a binding never points at another role; delete and recreate it instead. */
function roleRefUnchanged(obj: KubeObject, old: KubeObject): FieldError[] {
  const a = (obj as RoleBindingObject).roleRef;
  const b = (old as RoleBindingObject).roleRef;
  if (a?.apiGroup === b?.apiGroup && a?.kind === b?.kind && a?.name === b?.name) return [];
  return [{ type: 'Invalid', field: 'roleRef', value: goRoleRef(a), detail: 'cannot change roleRef' }];
}

export const roleStrategy: KindStrategy = {
  validate: (obj) => validateRules((obj as RoleObject).rules, true),
};

export const clusterRoleStrategy: KindStrategy = {
  validate: (obj) => validateClusterRole(obj),
};

export const roleBindingStrategy: KindStrategy = {
  defaults: (obj) => defaultBinding(obj),
  validate: (obj) => validateBinding(obj, true),
  validateUpdate: (obj, old) => [...validateBinding(obj, true), ...roleRefUnchanged(obj, old)],
};

export const clusterRoleBindingStrategy: KindStrategy = {
  defaults: (obj) => defaultBinding(obj),
  validate: (obj) => validateBinding(obj, false),
  validateUpdate: (obj, old) => [...validateBinding(obj, false), ...roleRefUnchanged(obj, old)],
};
