import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Objects } from '../../state/mirror';
import { matchesSelector } from '../../../sim/store/labels';
import { podDisplayStatus, type PodDisplayStatus } from '../model/podStatus';
import { isSystemNamespace, namespaceColor } from '../model/nsColor';
import { naturalCompare } from '../cluster/layout';
import { NETWORK_RESOURCES } from '../model/networkObjects';
import type { KubeObject } from '../../../sim/objects';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
/** What a pod is to the Services that select it: a ready endpoint, a not-ready one, or not (yet) in any slice. */
export type EndpointState = 'ready' | 'not-ready' | 'none';

/** The label the EndpointSlice controller puts on every slice it manages. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** An endpoint without a pod behind it (the `kubernetes` Service's API server address, hand-made slices). */
export interface LooseEndpoint {
  address: string;
  ready: boolean;
}

export interface ServiceItem {
  id: string;
  name: string;
  namespace: string;
  type: ServiceType;
  /** `10.96.0.42`, `None` for a headless Service, '' for ExternalName. */
  clusterIP: string;
  headless: boolean;
  /** ExternalName's CNAME target. */
  externalName?: string;
  /** LoadBalancer: the first ingress IP/hostname, spec.externalIPs, or `<pending>`. */
  externalIP?: string;
  /** `80→8080/TCP` per port. */
  ports: string[];
  nodePorts: number[];
  /** spec.selector as `key=value` chips; empty when the Service has none. */
  selector: string[];
  /** EndpointSlices labelled with this Service's name. */
  slices: string[];
  /** Pods the selector matches, by pod id, in drawing order. */
  podIds: string[];
  ready: number;
  notReady: number;
  loose: LooseEndpoint[];
}

export interface PodEntry {
  id: string;
  name: string;
  namespace: string;
  node: string;
  ip: string;
  status: PodDisplayStatus;
  color: string;
  /** Names of the Services whose selector matches this pod's labels. */
  selectedBy: string[];
  endpoint: EndpointState;
  /** `10.244.1.5:8080` per EndpointSlice port this pod serves. */
  addresses: string[];
  /** Per-pod DNS names a headless Service gives it. */
  dnsNames: string[];
}

export interface ServiceRow {
  service: ServiceItem;
  /** Pods drawn beside this Service: those it is the first (by name) to select, so each pod is drawn once. */
  pods: PodEntry[];
}

export interface ServiceNamespace {
  namespace: string;
  color: string;
  system: boolean;
  rows: ServiceRow[];
  unselected: PodEntry[];
}

export interface ServiceScene {
  namespaces: ServiceNamespace[];
  services: Map<string, ServiceItem>;
  pods: Map<string, PodEntry>;
  /** No Service the learner made (the bootstrap `kubernetes` and kube-system ones do not count). */
  empty: boolean;
}

interface SliceEndpoint {
  service: string;
  ready: boolean;
  addresses: string[];
  hostname?: string;
}

/** Mirror objects are immutable: a pod's status is worked out once per version of it, not per tick. */
const statusCache = new WeakMap<KubeObject, PodDisplayStatus>();
function statusOf(obj: KubeObject): PodDisplayStatus {
  let s = statusCache.get(obj);
  if (!s) statusCache.set(obj, (s = podDisplayStatus(obj)));
  return s;
}

function serviceType(s: Service): ServiceType {
  const t = s.spec?.type;
  return t === 'NodePort' || t === 'LoadBalancer' || t === 'ExternalName' ? t : 'ClusterIP';
}

function portText(p: NonNullable<NonNullable<Service['spec']>['ports']>[number]): string {
  const target = p.targetPort ?? p.port;
  return `${p.port}→${target}/${p.protocol ?? 'TCP'}`;
}

function externalIPOf(s: Service): string {
  const ing = s.status?.loadBalancer?.ingress ?? [];
  const ips = ing.map((i) => i.ip ?? i.hostname ?? '').filter(Boolean);
  if (ips.length) return ips.join(',');
  if (s.spec?.externalIPs?.length) return s.spec.externalIPs.join(',');
  return '<pending>';
}

function describeService(obj: KubeObject): ServiceItem {
  const s = obj as unknown as Service;
  const type = serviceType(s);
  const spec = s.spec ?? {};
  const item: ServiceItem = {
    id: obj.metadata.uid ?? `Service/${obj.metadata.namespace}/${obj.metadata.name}`,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace ?? 'default',
    type,
    clusterIP: type === 'ExternalName' ? '' : (spec.clusterIP ?? ''),
    headless: spec.clusterIP === 'None',
    ports: (spec.ports ?? []).map(portText),
    nodePorts: (spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n > 0),
    selector: Object.entries(spec.selector ?? {}).map(([k, v]) => `${k}=${v}`),
    slices: [],
    podIds: [],
    ready: 0,
    notReady: 0,
    loose: [],
  };
  if (type === 'ExternalName') item.externalName = spec.externalName ?? '';
  if (type === 'LoadBalancer') item.externalIP = externalIPOf(s);
  return item;
}

/** The name a headless Service's DNS gives one endpoint: its hostname if set, else its dashed IP. */
export function podDnsName(ep: { hostname?: string; ip: string }, service: string, namespace: string): string {
  const host = ep.hostname || ep.ip.replace(/[.:]/g, '-');
  return `${host}.${service}.${namespace}.svc.cluster.local`;
}

/**
 * Slice endpoints by the pod they point at (`ns/name`), and endpoints without a pod by Service.
 * One pass over the slices: O(endpoints).
 */
function indexSlices(slices: readonly KubeObject[], services: Map<string, ServiceItem>): Map<string, SliceEndpoint[]> {
  const byPod = new Map<string, SliceEndpoint[]>();
  for (const obj of slices) {
    const slice = obj as unknown as EndpointSlice & KubeObject;
    const ns = obj.metadata.namespace ?? 'default';
    const svcName = obj.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!svcName) continue;
    const svc = services.get(`${ns}/${svcName}`);
    if (svc) svc.slices.push(obj.metadata.name);
    const ports = (slice.ports ?? []).map((p) => p.port).filter((p): p is number => typeof p === 'number');
    for (const ep of slice.endpoints ?? []) {
      // Ready unless it says otherwise, as kube-proxy reads it.
      const ready = ep.conditions?.ready !== false;
      const addresses = ep.addresses.flatMap((a) => (ports.length ? ports.map((p) => `${a}:${p}`) : [a]));
      const ref = ep.targetRef;
      if (ref?.kind === 'Pod' && ref.name) {
        const key = `${ref.namespace ?? ns}/${ref.name}`;
        const list = byPod.get(key) ?? [];
        const entry: SliceEndpoint = { service: svcName, ready, addresses };
        if (ep.hostname) entry.hostname = ep.hostname;
        list.push(entry);
        byPod.set(key, list);
      } else if (svc) {
        for (const a of addresses) svc.loose.push({ address: a, ready });
      }
    }
  }
  return byPod;
}

/** Services indexed by one of their selector pairs, so a pod is checked only against Services that could match it. */
function selectorIndex(services: readonly ServiceItem[]): Map<string, ServiceItem[]> {
  const idx = new Map<string, ServiceItem[]>();
  for (const s of services) {
    const first = s.selector[0];
    if (!first) continue;
    const list = idx.get(first) ?? [];
    list.push(s);
    idx.set(first, list);
  }
  return idx;
}

function selectorOf(s: ServiceItem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of s.selector) {
    const i = pair.indexOf('=');
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return naturalCompare(a.name, b.name);
}

/**
 * Everything the Services view draws, from the mirror alone: per namespace each Service
 * with its selector and the pods it matches (each pod drawn once, beside the first Service
 * that selects it), their endpoint state from the EndpointSlices, and the pods no Service
 * selects. Cost: O(pods × labels + endpoints), never pods × Services.
 */
export function buildServiceScene(objects: Objects): ServiceScene {
  const r = NETWORK_RESOURCES;
  const services = new Map<string, ServiceItem>();
  const svcByNs = new Map<string, ServiceItem[]>();
  for (const obj of objects[r.services]?.values() ?? []) {
    const item = describeService(obj);
    services.set(`${item.namespace}/${item.name}`, item);
    const list = svcByNs.get(item.namespace) ?? [];
    list.push(item);
    svcByNs.set(item.namespace, list);
  }
  const endpointsByPod = indexSlices([...(objects[r.endpointSlices]?.values() ?? [])], services);
  const indexByNs = new Map<string, { idx: Map<string, ServiceItem[]>; selectors: Map<ServiceItem, Record<string, string>> }>();
  for (const [ns, list] of svcByNs) {
    list.sort(byName);
    indexByNs.set(ns, { idx: selectorIndex(list), selectors: new Map(list.map((s) => [s, selectorOf(s)])) });
  }

  const pods = new Map<string, PodEntry>();
  const podsByNs = new Map<string, PodEntry[]>();
  for (const obj of objects[r.pods]?.values() ?? []) {
    const pod = obj as unknown as Pod & KubeObject;
    const ns = obj.metadata.namespace ?? 'default';
    const labels = obj.metadata.labels ?? {};
    const selectedBy: ServiceItem[] = [];
    const nsIndex = indexByNs.get(ns);
    if (nsIndex) {
      for (const [k, v] of Object.entries(labels)) {
        for (const s of nsIndex.idx.get(`${k}=${v}`) ?? []) {
          if (!selectedBy.includes(s) && matchesSelector(nsIndex.selectors.get(s) as Record<string, string>, labels)) selectedBy.push(s);
        }
      }
    }
    selectedBy.sort(byName);
    const key = `${ns}/${obj.metadata.name}`;
    const eps = (endpointsByPod.get(key) ?? []).filter((e) => selectedBy.some((s) => s.name === e.service));
    const endpoint: EndpointState = eps.some((e) => e.ready) ? 'ready' : eps.length ? 'not-ready' : 'none';
    const ip = pod.status?.podIP ?? '';
    const addresses = [...new Set(eps.flatMap((e) => e.addresses))];
    const dnsNames: string[] = [];
    for (const e of eps) {
      const svc = services.get(`${ns}/${e.service}`);
      if (svc?.headless && ip) dnsNames.push(podDnsName({ ...(e.hostname ? { hostname: e.hostname } : {}), ip }, svc.name, ns));
    }
    const entry: PodEntry = {
      id: obj.metadata.uid ?? `Pod/${key}`,
      name: obj.metadata.name,
      namespace: ns,
      node: pod.spec?.nodeName ?? '',
      ip,
      status: statusOf(obj),
      color: namespaceColor(ns),
      selectedBy: selectedBy.map((s) => s.name),
      endpoint,
      addresses,
      dnsNames,
    };
    for (const s of selectedBy) {
      s.podIds.push(entry.id);
      for (const e of eps) {
        if (e.service !== s.name) continue;
        if (e.ready) s.ready++;
        else s.notReady++;
      }
    }
    pods.set(entry.id, entry);
    const list = podsByNs.get(ns) ?? [];
    list.push(entry);
    podsByNs.set(ns, list);
  }

  const nsNames = new Set<string>([...svcByNs.keys()]);
  // A learner's namespace with pods but no Service still shows: its pods wait, unselected, for one.
  for (const ns of podsByNs.keys()) if (!isSystemNamespace(ns)) nsNames.add(ns);
  const namespaces: ServiceNamespace[] = [...nsNames].map((ns) => {
    const list = svcByNs.get(ns) ?? [];
    const nsPods = (podsByNs.get(ns) ?? []).sort(byName);
    const rows: ServiceRow[] = list.map((service) => ({ service, pods: [] }));
    const rowOf = new Map(rows.map((row) => [row.service.name, row]));
    const unselected: PodEntry[] = [];
    for (const p of nsPods) {
      const first = p.selectedBy[0];
      if (first) rowOf.get(first)?.pods.push(p);
      else unselected.push(p);
    }
    for (const s of list) s.podIds.sort((a, b) => naturalCompare(pods.get(a)?.name ?? '', pods.get(b)?.name ?? ''));
    return { namespace: ns, color: namespaceColor(ns), system: isSystemNamespace(ns), rows, unselected };
  });
  namespaces.sort((a, b) => Number(a.system) - Number(b.system) || (a.namespace === 'default' ? -1 : b.namespace === 'default' ? 1 : naturalCompare(a.namespace, b.namespace)));
  const empty = ![...services.values()].some((s) => !isSystemNamespace(s.namespace) && !(s.namespace === 'default' && s.name === 'kubernetes'));
  return { namespaces, services, pods, empty };
}
