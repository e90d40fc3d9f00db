import type { UserInfo } from './types';

/** The learner's own kubeconfig user: kubeadm's admin.conf, in the all-powerful group. */
export const ADMIN_USER: UserInfo = { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] };

/** The group whose members every request is allowed to (authorizerfactory's privileged groups). */
export const PRIVILEGED_GROUP = 'system:masters';

const SA_PREFIX = 'system:serviceaccount:';

/** `system:serviceaccount:NS:NAME` → its namespace and name, or undefined for any other user. */
export function serviceAccountOf(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const rest = username.slice(SA_PREFIX.length);
  const i = rest.indexOf(':');
  if (i <= 0 || i === rest.length - 1) return undefined;
  return { namespace: rest.slice(0, i), name: rest.slice(i + 1) };
}

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/**
 * What kube-apiserver's impersonation filter makes of `--as` / `--as-group`: a service account
 * gets its two groups, and every impersonated user (but system:anonymous) is authenticated.
 */
export function impersonate(name: string, groups: readonly string[] = []): UserInfo {
  const out = [...groups];
  const sa = serviceAccountOf(name);
  if (sa && !groups.length) out.push('system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`);
  if (name !== 'system:anonymous' && !out.includes('system:authenticated')) out.push('system:authenticated');
  return { name, groups: out };
}
