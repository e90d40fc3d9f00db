import type { Endpoints, LoadBalancerIngress, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../objects';
import { age } from '../duration';
import type { TableSpec } from './tables';

type ServiceObject = Service & KubeObject;
type EndpointsObject = Endpoints & KubeObject;
type EndpointSliceObject = EndpointSlice & KubeObject;

const MAX = 3;

/** labels.FormatLabels: `a=b,c=d` sorted by key, `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${(m as Record<string, string>)[k]}`).join(',') : '<none>';
}

/** The load balancer's addresses as kubectl prints them: IPs (or hostnames), comma-separated. */
export function loadBalancerIPs(ingress: readonly LoadBalancerIngress[] | undefined): string {
  return (ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean).join(',');
}

/** getServiceExternalIP of kubectl's printers. */
export function serviceExternalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const external = (spec.externalIPs ?? []).join(',');
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external || '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIPs(svc.status?.loadBalancer?.ingress);
      const all = [lb, external].filter(Boolean).join(',');
      return all || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '<none>';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP` with a node port. */
export function servicePorts(svc: Service): string {
  const ports = svc.spec?.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

/** formatEndpoints: ready addresses × ports, at most three, then `+ N more...`. */
export function formatEndpoints(ep: Endpoints, ports?: Set<string>): string {
  const subsets = ep.subsets ?? [];
  if (!subsets.length) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports?.length) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === MAX) more = true;
        else list.push(a.ip);
      }
      continue;
    }
    for (const p of ss.ports) {
      if (ports && !ports.has(p.name ?? '')) continue;
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === MAX) more = true;
        else list.push(`${a.ip}:${p.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

/** describe's formatEndpointSlices: like formatEndpoints over slices, ready endpoints only. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], ports?: Set<string>): string {
  if (!slices.length) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const s of slices) {
    const eps = (s.endpoints ?? []).filter((e) => e.conditions?.ready !== false);
    if (!s.ports?.length) {
      for (const e of eps) {
        if (list.length === MAX) more = true;
        else list.push(e.addresses[0] ?? '');
        count++;
      }
      continue;
    }
    for (const p of s.ports) {
      if (ports && !ports.has(p.name ?? '')) continue;
      for (const e of eps) {
        if (list.length === MAX) more = true;
        else list.push(`${e.addresses[0] ?? ''}:${p.port ?? ''}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

function limited(items: string[]): string {
  if (!items.length) return '<unset>';
  return items.length > MAX ? `${items.slice(0, MAX).join(',')} + ${items.length - MAX} more...` : items.join(',');
}

const services: TableSpec = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideHeaders: ['SELECTOR'],
  row(obj, now) {
    const s = obj as ServiceObject;
    return [s.metadata.name, s.spec?.type ?? 'ClusterIP', s.spec?.clusterIP || '<none>', serviceExternalIP(s), servicePorts(s), age(s.metadata.creationTimestamp, now)];
  },
  wide: (obj) => [formatLabels((obj as ServiceObject).spec?.selector as Record<string, string> | undefined)],
};

const endpoints: TableSpec = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  row(obj, now) {
    const e = obj as EndpointsObject;
    return [e.metadata.name, formatEndpoints(e), age(e.metadata.creationTimestamp, now)];
  },
  wide: () => [],
};

const endpointslices: TableSpec = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  row(obj, now) {
    const s = obj as EndpointSliceObject;
    const ports = (s.ports ?? []).map((p) => (p.port === undefined ? '<unset>' : String(p.port)));
    const addrs = (s.endpoints ?? []).flatMap((e) => e.addresses);
    return [s.metadata.name, s.addressType, limited(ports), limited(addrs), age(s.metadata.creationTimestamp, now)];
  },
  wide: () => [],
};

export const SERVICE_TABLES: Record<string, TableSpec> = {
  services,
  endpoints,
  'endpointslices.discovery.k8s.io': endpointslices,
};

/** What kube-apiserver warns on every read of v1 Endpoints since v1.33 (kubectl prints it to stderr). */
export const ENDPOINTS_DEPRECATION_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';
