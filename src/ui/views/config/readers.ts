import type { PolicyRule, Subject } from 'kubernetes-types/rbac/v1';
import type { Objects } from '../../state/mirror';
import type { KubeObject } from '../../../sim/objects';
import type { Store } from '../../../sim/store/store';
import { clusterRoleRules, ruleAllows, PRIVILEGED_GROUP, type RequestAttributes } from '../../../sim/api/authz';
import type { ClusterRoleBindingObject, ClusterRoleObject, RoleBindingObject, RoleObject } from '../../../sim/api/kinds/rbac';
import type { ReadersOf } from './model';

export const RBAC_RESOURCES = {
  roles: 'roles.rbac.authorization.k8s.io',
  roleBindings: 'rolebindings.rbac.authorization.k8s.io',
  clusterRoles: 'clusterroles.rbac.authorization.k8s.io',
  clusterRoleBindings: 'clusterrolebindings.rbac.authorization.k8s.io',
} as const;

/** The mirror read like the store, so the authorizer's own rule walk (aggregation included) runs in the UI. */
function mirrorReader(objects: Objects): Pick<Store, 'get' | 'list'> {
  return {
    get: <T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string) => objects[resource]?.get(namespace ? `${namespace}/${name}` : name) as T | undefined,
    list: <T extends KubeObject = KubeObject>(resource: string, opts: { namespace?: string } = {}) =>
      [...(objects[resource]?.values() ?? [])].filter((o) => opts.namespace === undefined || o.metadata.namespace === opts.namespace) as T[],
  } as Pick<Store, 'get' | 'list'>;
}

function subjectLabel(s: Subject, bindingNamespace: string): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace || bindingNamespace}/${s.name}` : `${s.kind} ${s.name}`;
}

/**
 * Who may `get` a Secret: system:masters (always allowed before RBAC), then every subject of a
 * ClusterRoleBinding, or a RoleBinding in the Secret's namespace, whose role has a rule
 * allowing `get secrets` for that name — the RBAC authorizer's rule match, evaluated over the mirror.
 */
export function secretReaders(objects: Objects): ReadersOf {
  const store = mirrorReader(objects);
  const clusterRules = new Map<string, PolicyRule[]>();
  const rulesOfClusterRole = (name: string) => {
    let rules = clusterRules.get(name);
    if (!rules) {
      const role = store.get<ClusterRoleObject>(RBAC_RESOURCES.clusterRoles, undefined, name);
      rules = role ? clusterRoleRules(store, role) : [];
      clusterRules.set(name, rules);
    }
    return rules;
  };
  return (namespace, name) => {
    const a: RequestAttributes = { user: { name: '', groups: [] }, verb: 'get', resourceRequest: true, apiGroup: '', resource: 'secrets', namespace, name };
    const allows = (rules: PolicyRule[]) => rules.some((r) => ruleAllows(a, r));
    const out = new Set<string>([`Group ${PRIVILEGED_GROUP}`]);
    for (const b of store.list<ClusterRoleBindingObject>(RBAC_RESOURCES.clusterRoleBindings)) {
      if (b.roleRef.kind === 'ClusterRole' && allows(rulesOfClusterRole(b.roleRef.name))) for (const s of b.subjects ?? []) out.add(subjectLabel(s, ''));
    }
    for (const b of store.list<RoleBindingObject>(RBAC_RESOURCES.roleBindings, { namespace })) {
      const rules = b.roleRef.kind === 'ClusterRole' ? rulesOfClusterRole(b.roleRef.name) : (store.get<RoleObject>(RBAC_RESOURCES.roles, namespace, b.roleRef.name)?.rules ?? []);
      if (allows(rules)) for (const s of b.subjects ?? []) out.add(subjectLabel(s, namespace));
    }
    return [...out];
  };
}
