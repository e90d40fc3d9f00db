import type { Secret } from 'kubernetes-types/core/v1';
import type { PodObject } from '../scheduler/types';
import type { ObjectGetter } from './configRefs';
import { textOfBase64 } from '../api/base64';
import { normalizeImage } from './images';

/**
 * Registries in the simulated catalogue that refuse anonymous pulls: an image there pulls only
 * with a kubernetes.io/dockerconfigjson (or dockercfg) Secret in the pod's imagePullSecrets
 * (or its ServiceAccount's) that has credentials for the registry host.
 */
export const PRIVATE_REGISTRIES = ['registry.example.com'];

export function registryHost(image: string): string {
  const ref = normalizeImage(image);
  return ref.slice(0, ref.indexOf('/'));
}

/** `https://registry.example.com/v1/`, `registry.example.com:443` → `registry.example.com` (how the kubelet's keyring matches). */
function hostOfAuthKey(key: string): string {
  return key
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/:443$/, '');
}

interface DockerAuths {
  auths?: Record<string, { username?: string; password?: string; auth?: string }>;
}

/** The hosts a pull Secret carries credentials for. */
export function credentialHosts(secret: Secret): string[] {
  const data = (secret.data ?? {}) as Record<string, string>;
  const raw = secret.type === 'kubernetes.io/dockercfg' ? data['.dockercfg'] : data['.dockerconfigjson'];
  const text = raw === undefined ? undefined : textOfBase64(raw);
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as DockerAuths & Record<string, unknown>;
    // .dockercfg is the old format: the auths map is the whole document.
    const auths = secret.type === 'kubernetes.io/dockercfg' ? (parsed as Record<string, unknown>) : (parsed.auths ?? {});
    return Object.keys(auths).map(hostOfAuthKey);
  } catch {
    return [];
  }
}

export interface PullSecretsView {
  /** Names listed but absent: the kubelet warns and pulls anonymously. */
  missing: string[];
  hosts: Set<string>;
}

/** The pod's imagePullSecrets plus its ServiceAccount's, resolved. */
export function pullSecrets(pod: PodObject, store: ObjectGetter): PullSecretsView {
  const ns = pod.metadata.namespace ?? 'default';
  const names = (pod.spec?.imagePullSecrets ?? []).map((r) => r.name ?? '');
  const sa = store.get('serviceaccounts', ns, pod.spec?.serviceAccountName ?? 'default') as { imagePullSecrets?: { name?: string }[] } | undefined;
  for (const r of sa?.imagePullSecrets ?? []) if (r.name && !names.includes(r.name)) names.push(r.name);
  const missing: string[] = [];
  const hosts = new Set<string>();
  for (const name of names) {
    const s = store.get('secrets', ns, name) as (Secret & { metadata: object }) | undefined;
    if (!s) missing.push(name);
    else for (const h of credentialHosts(s)) hosts.add(h);
  }
  return { missing, hosts };
}

/**
 * containerd's error for a private image pulled without credentials for its registry, or
 * undefined when the pull may go ahead.
 */
export function pullAuthError(pod: PodObject, image: string, store: ObjectGetter): string | undefined {
  const host = registryHost(image);
  if (!PRIVATE_REGISTRIES.includes(host)) return undefined;
  if (pullSecrets(pod, store).hosts.has(host)) return undefined;
  const ref = normalizeImage(image);
  const repo = ref.slice(host.length + 1, ref.lastIndexOf(':'));
  const scope = encodeURIComponent(`repository:${repo}:pull`);
  return `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://${host}/token?scope=${scope}&service=${host}: 401 Unauthorized`;
}

/** The kubelet's warning when a listed pull Secret does not exist. */
export function missingPullSecretsMessage(missing: string[]): string {
  return `Unable to retrieve some image pull secrets (${missing.join(', ')}); attempting to pull the image may not succeed.`;
}
