import type { KubeObject } from '../../objects';
import { age } from '../duration';
import type { TableSpec } from './tables';
import type { RoleBindingObject } from '../../api/kinds/rbac';
import type { ServiceAccountObject } from '../../api/kinds/serviceaccount';

/** `get roles|clusterroles`: kubectl prints the creation time itself, not an age. */
const roles: TableSpec = {
  headers: ['NAME', 'CREATED AT'],
  wideHeaders: [],
  row: (obj: KubeObject) => [obj.metadata.name, obj.metadata.creationTimestamp ?? ''],
  wide: () => [],
};

/** `get rolebindings|clusterrolebindings`: ROLE is Kind/name; -o wide splits subjects by kind. */
const bindings: TableSpec = {
  headers: ['NAME', 'ROLE', 'AGE'],
  wideHeaders: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  row(obj: KubeObject, now: number) {
    const b = obj as RoleBindingObject;
    return [b.metadata.name, `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`, age(b.metadata.creationTimestamp, now)];
  },
  wide(obj: KubeObject) {
    const subs = (obj as RoleBindingObject).subjects ?? [];
    const of = (kind: string) => subs.filter((s) => s.kind === kind);
    return [of('User').map((s) => s.name).join(', '), of('Group').map((s) => s.name).join(', '), of('ServiceAccount').map((s) => `${s.namespace ?? ''}/${s.name}`).join(', ')];
  },
};

/** `get serviceaccounts`: SECRETS counts the legacy token Secrets listed in `secrets`. */
const serviceaccounts: TableSpec = {
  headers: ['NAME', 'SECRETS', 'AGE'],
  wideHeaders: [],
  row(obj: KubeObject, now: number) {
    const sa = obj as ServiceAccountObject;
    return [sa.metadata.name, String(sa.secrets?.length ?? 0), age(sa.metadata.creationTimestamp, now)];
  },
  wide: () => [],
};

export const RBAC_TABLES: Record<string, TableSpec> = {
  serviceaccounts,
  'roles.rbac.authorization.k8s.io': roles,
  'clusterroles.rbac.authorization.k8s.io': roles,
  'rolebindings.rbac.authorization.k8s.io': bindings,
  'clusterrolebindings.rbac.authorization.k8s.io': bindings,
};
