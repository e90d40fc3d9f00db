import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../objects';
import { age } from '../duration';
import type { TableSpec } from './tables';
import { formatLabelSelector } from './workloads';

type IngressObject = Ingress & KubeObject;

/** kubectl's formatHosts: up to three hosts, `*` for a rule without one, then `+ N more...`. */
export function ingressHosts(ing: Ingress): string {
  const hosts = (ing.spec?.rules ?? []).map((r) => r.host || '*');
  if (!hosts.length) return '*';
  const shown = hosts.slice(0, 3).join(',');
  return hosts.length > 3 ? `${shown} + ${hosts.length - 3} more...` : shown;
}

/** The IPs and hostnames in status.loadBalancer.ingress, comma-separated (empty while none). */
export function ingressAddress(ing: Ingress): string {
  return (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean).join(',');
}

export function ingressPorts(ing: Ingress): string {
  return ing.spec?.tls?.length ? '80, 443' : '80';
}

export function ingressClassParameters(c: IngressClass): string {
  const p = c.spec?.parameters;
  if (!p) return '<none>';
  return `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}`;
}

const networkpolicies: TableSpec = {
  headers: ['NAME', 'POD-SELECTOR', 'AGE'],
  wideHeaders: [],
  row(obj, now) {
    const np = obj as NetworkPolicy & KubeObject;
    return [np.metadata.name, formatLabelSelector(np.spec?.podSelector ?? {}), age(np.metadata.creationTimestamp, now)];
  },
  wide: () => [],
};

const ingresses: TableSpec = {
  headers: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
  wideHeaders: [],
  row(obj, now) {
    const ing = obj as IngressObject;
    return [ing.metadata.name, ing.spec?.ingressClassName || '<none>', ingressHosts(ing), ingressAddress(ing), ingressPorts(ing), age(ing.metadata.creationTimestamp, now)];
  },
  wide: () => [],
};

const ingressclasses: TableSpec = {
  headers: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
  wideHeaders: [],
  row(obj, now) {
    const c = obj as IngressClass & KubeObject;
    return [c.metadata.name, c.spec?.controller ?? '', ingressClassParameters(c), age(c.metadata.creationTimestamp, now)];
  },
  wide: () => [],
};

export const NETWORKING_TABLES: Record<string, TableSpec> = {
  'networkpolicies.networking.k8s.io': networkpolicies,
  'ingresses.networking.k8s.io': ingresses,
  'ingressclasses.networking.k8s.io': ingressclasses,
};
