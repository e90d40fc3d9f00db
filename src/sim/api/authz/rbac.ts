import type { PolicyRule, Subject } from 'kubernetes-types/rbac/v1';
import type { Store } from '../../store/store';
import { matchesSelector } from '../../store/labels';
import type { ClusterRoleBindingObject, ClusterRoleObject, RoleBindingObject, RoleObject } from '../kinds/rbac';
import type { Decision, RequestAttributes, UserInfo } from './types';
import { PRIVILEGED_GROUP, serviceAccountOf } from './user';

type StoreReader = Pick<Store, 'get' | 'list'>;

const ALL = '*';

function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === ALL || v === verb);
}

function groupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === ALL || g === group);
}

// ResourceMatches: `*`, the exact `resource[/subresource]`, or `*` + `/subresource`.
function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return (rule.resources ?? []).some((r) => r === ALL || r === combined || (!!subresource && r === `*/${subresource}`));
}

function nameMatches(rule: PolicyRule, name: string): boolean {
  return !rule.resourceNames?.length || rule.resourceNames.includes(name);
}

/** NonResourceURLMatches: `*`, the exact path, or a prefix ending in `*`. */
function urlMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((u) => u === ALL || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))));
}

/** RuleAllows from the RBAC authorizer. */
export function ruleAllows(a: RequestAttributes, rule: PolicyRule): boolean {
  if (!a.resourceRequest) return verbMatches(rule, a.verb) && urlMatches(rule, a.path ?? '');
  const sub = a.subresource ?? '';
  const combined = sub ? `${a.resource ?? ''}/${sub}` : (a.resource ?? '');
  return verbMatches(rule, a.verb) && groupMatches(rule, a.apiGroup ?? '') && resourceMatches(rule, combined, sub) && nameMatches(rule, a.name ?? '');
}

/** appliesToUser: a RoleBinding's ServiceAccount without a namespace means one in the binding's own. */
export function subjectMatches(user: UserInfo, s: Subject, bindingNamespace: string): boolean {
  switch (s.kind) {
    case 'User':
      return user.name === s.name;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount': {
      const ns = s.namespace || bindingNamespace;
      const sa = serviceAccountOf(user.name);
      return !!ns && !!sa && sa.namespace === ns && sa.name === s.name;
    }
    default:
      return false;
  }
}

/**
 * A ClusterRole's rules. An aggregated one has the rules of every ClusterRole its selectors
 * match (what the clusterrole-aggregation controller writes into it), followed here directly.
 */
export function clusterRoleRules(store: StoreReader, role: ClusterRoleObject, seen = new Set<string>()): PolicyRule[] {
  const sels = role.aggregationRule?.clusterRoleSelectors;
  if (!sels?.length) return role.rules ?? [];
  seen.add(role.metadata.name);
  const out: PolicyRule[] = [];
  for (const other of store.list<ClusterRoleObject>('clusterroles.rbac.authorization.k8s.io')) {
    if (seen.has(other.metadata.name)) continue;
    if (!sels.some((s) => matchesSelector(s, other.metadata.labels))) continue;
    out.push(...clusterRoleRules(store, other, seen));
  }
  return out.length ? out : (role.rules ?? []);
}

type Visitor = (rule: PolicyRule) => boolean;

/**
 * VisitRulesFor: ClusterRoleBindings first, then the RoleBindings of the namespace; the visitor
 * returns true to stop. Bindings that point at a missing role become errors, as RBAC reports them.
 */
function visitRules(store: StoreReader, user: UserInfo, namespace: string, visit: Visitor): string[] {
  const errors: string[] = [];
  for (const b of store.list<ClusterRoleBindingObject>('clusterrolebindings.rbac.authorization.k8s.io')) {
    if (!(b.subjects ?? []).some((s) => subjectMatches(user, s, ''))) continue;
    const role = store.get<ClusterRoleObject>('clusterroles.rbac.authorization.k8s.io', undefined, b.roleRef.name);
    if (!role) {
      errors.push(`clusterrole.rbac.authorization.k8s.io "${b.roleRef.name}" not found`);
      continue;
    }
    for (const r of clusterRoleRules(store, role)) if (visit(r)) return errors;
  }
  if (!namespace) return errors;
  for (const b of store.list<RoleBindingObject>('rolebindings.rbac.authorization.k8s.io', { namespace })) {
    if (!(b.subjects ?? []).some((s) => subjectMatches(user, s, namespace))) continue;
    let rules: PolicyRule[] | undefined;
    if (b.roleRef.kind === 'ClusterRole') {
      const role = store.get<ClusterRoleObject>('clusterroles.rbac.authorization.k8s.io', undefined, b.roleRef.name);
      if (role) rules = clusterRoleRules(store, role);
      else errors.push(`clusterrole.rbac.authorization.k8s.io "${b.roleRef.name}" not found`);
    } else {
      const role = store.get<RoleObject>('roles.rbac.authorization.k8s.io', namespace, b.roleRef.name);
      if (role) rules = role.rules ?? [];
      else errors.push(`role.rbac.authorization.k8s.io "${b.roleRef.name}" not found`);
    }
    for (const r of rules ?? []) if (visit(r)) return errors;
  }
  return errors;
}

function rbacReason(errors: string[]): string {
  if (!errors.length) return '';
  return `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`;
}

/**
 * The authorizer chain of a kubeadm cluster for one request: system:masters is always allowed,
 * then RBAC decides (Node authorization is for kubelets, which the sim trusts).
 */
export function authorize(store: StoreReader, a: RequestAttributes): Decision {
  if (a.user.groups.includes(PRIVILEGED_GROUP)) return { allowed: true, reason: '' };
  let allowed = false;
  const errors = visitRules(store, a.user, a.namespace ?? '', (r) => (allowed = ruleAllows(a, r)));
  return { allowed, reason: allowed ? '' : rbacReason(errors) };
}

/** Every rule that applies to the user in the namespace (SelfSubjectRulesReview), and whether some binding was broken. */
export function rulesFor(store: StoreReader, user: UserInfo, namespace: string): { rules: PolicyRule[]; evaluationError: string } {
  const rules: PolicyRule[] = [];
  const errors = visitRules(store, user, namespace, (r) => {
    rules.push(r);
    return false;
  });
  return { rules, evaluationError: errors.join(', ') };
}
