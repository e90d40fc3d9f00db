import type { Container, PersistentVolumeClaim, Pod, ResourceQuota, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import type { Store } from '../../store/store';
import { qosClass } from '../kinds/pod';
import type { Qty } from './quantities';
import { ZERO, addQty, canonical, formatList, parseList, prettyPrint, toQty } from './quantities';

/**
 * ResourceQuota admission and usage: what an object charges against a quota (the quota
 * evaluators of kube-controller-manager / kube-apiserver), which quotas it falls under
 * (scopes, scopeSelector), and the admission check with kube-apiserver's messages:
 * `exceeded quota: NAME, requested: ..., used: ..., limited: ...` and
 * `failed quota: NAME: must specify limits.cpu for: CTR; ...`.
 *
 * `used` is worked out from the store when it is needed (the namespace's objects of the
 * incoming kind), so a burst of creates in one tick (a ReplicaSet scaling up) is charged
 * exactly; the resourcequota controller writes the same numbers to status one tick later.
 */

export type ResourceQuotaObject = ResourceQuota & KubeObject;
type PodObject = Pod & KubeObject;
type Usage = Map<string, Qty>;

/** The namespace's quotas in name order; [] (and no work) when the cluster has none. */
export function quotasIn(store: Store, namespace: string): ResourceQuotaObject[] {
  if (!store.count('resourcequotas')) return [];
  return store.list<ResourceQuotaObject>('resourcequotas', { namespace }).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

const ONE: Qty = { milli: 1000, binary: false };
const COMPUTE = ['cpu', 'memory', 'ephemeral-storage'];
/** Resources a quota makes every container name explicitly (the pod evaluator's validationSet). */
const MUST_SPECIFY = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** Legacy object-count names besides `count/<resource>`. */
const LEGACY_COUNTS: Record<string, string> = {
  pods: 'pods',
  services: 'services',
  persistentvolumeclaims: 'persistentvolumeclaims',
  configmaps: 'configmaps',
  secrets: 'secrets',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

/** podComputeUsageHelper: `cpu` and `requests.cpu` from requests, `limits.cpu` from limits ... */
function computeUsage(requests: Usage, limits: Usage, withPods: boolean): Usage {
  const out: Usage = new Map();
  if (withPods) out.set('pods', ONE);
  for (const [k, v] of requests) {
    if (COMPUTE.includes(k) || k.startsWith('hugepages-')) out.set(k, v);
    out.set(`requests.${k}`, v);
  }
  for (const [k, v] of limits) if (COMPUTE.includes(k)) out.set(`limits.${k}`, v);
  return out;
}

function containerList(c: Container, which: 'requests' | 'limits'): Usage {
  return parseList(c.resources?.[which] as Record<string, unknown> | undefined);
}

/** QuotaV1Pod: a pod that finished (or whose grace period ran out) no longer holds compute quota. */
export function podCountsForQuota(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** PodUsageFunc: count/pods always; pods and compute only while the pod is not terminal. */
export function podUsage(pod: PodObject): Usage {
  const out: Usage = new Map([['count/pods', ONE]]);
  if (!podCountsForQuota(pod)) return out;
  const requests: Usage = new Map();
  const limits: Usage = new Map();
  for (const c of pod.spec?.containers ?? []) {
    for (const [k, v] of containerList(c, 'requests')) requests.set(k, addQty(requests.get(k), v));
    for (const [k, v] of containerList(c, 'limits')) limits.set(k, addQty(limits.get(k), v));
  }
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [k, v] of containerList(c, 'requests')) if (v.milli > (requests.get(k)?.milli ?? 0)) requests.set(k, v);
    for (const [k, v] of containerList(c, 'limits')) if (v.milli > (limits.get(k)?.milli ?? 0)) limits.set(k, v);
  }
  for (const [k, v] of computeUsage(requests, limits, true)) out.set(k, v);
  return out;
}

function serviceUsage(svc: Service & KubeObject): Usage {
  const out: Usage = new Map([['services', ONE], ['count/services', ONE]]);
  const type = svc.spec?.type ?? 'ClusterIP';
  const ports = svc.spec?.ports?.length ?? 0;
  if (type === 'LoadBalancer') out.set('services.loadbalancers', ONE);
  if (type === 'NodePort' || (type === 'LoadBalancer' && svc.spec?.allocateLoadBalancerNodePorts !== false))
    out.set('services.nodeports', { milli: ports * 1000, binary: false });
  return out;
}

function pvcUsage(pvc: PersistentVolumeClaim & KubeObject): Usage {
  const out: Usage = new Map([['persistentvolumeclaims', ONE], ['count/persistentvolumeclaims', ONE]]);
  const storage = toQty(pvc.spec?.resources?.requests?.storage);
  const cls = pvc.spec?.storageClassName;
  if (cls) out.set(`${cls}.storageclass.storage.k8s.io/persistentvolumeclaims`, ONE);
  if (storage) {
    out.set('requests.storage', storage);
    if (cls) out.set(`${cls}.storageclass.storage.k8s.io/requests.storage`, storage);
  }
  return out;
}

/** What one object of store key `resource` charges (every name any quota could hold for it). */
export function usageOf(resource: string, obj: KubeObject): Usage {
  if (resource === 'pods') return podUsage(obj as PodObject);
  if (resource === 'services') return serviceUsage(obj as Service & KubeObject);
  if (resource === 'persistentvolumeclaims') return pvcUsage(obj as PersistentVolumeClaim & KubeObject);
  const out: Usage = new Map([[`count/${resource}`, ONE]]);
  for (const [name, key] of Object.entries(LEGACY_COUNTS)) if (key === resource) out.set(name, ONE);
  return out;
}

/** The store key whose objects produce quota resource `name`. */
export function resourceForQuotaName(name: string): string {
  if (name.startsWith('count/')) return name.slice('count/'.length);
  if (name in LEGACY_COUNTS && name !== 'pods') return LEGACY_COUNTS[name] as string;
  if (name.startsWith('services.')) return 'services';
  if (name === 'requests.storage' || name.includes('.storageclass.storage.k8s.io/')) return 'persistentvolumeclaims';
  return 'pods';
}

/** Whether a pod falls under the quota's scopes and scopeSelector (every one must match). */
function podMatchesScopes(q: ResourceQuotaObject, pod: PodObject): boolean {
  const reqs = [...(q.spec?.scopes ?? []).map((s) => ({ scopeName: s, operator: 'Exists', values: [] as string[] })), ...(q.spec?.scopeSelector?.matchExpressions ?? [])];
  for (const r of reqs) {
    const spec = pod.spec ?? { containers: [] };
    switch (r.scopeName) {
      case 'Terminating':
        if (!(typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0)) return false;
        break;
      case 'NotTerminating':
        if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0) return false;
        break;
      case 'BestEffort':
        if (qosClass(spec) !== 'BestEffort') return false;
        break;
      case 'NotBestEffort':
        if (qosClass(spec) === 'BestEffort') return false;
        break;
      case 'PriorityClass': {
        const pc = spec.priorityClassName ?? '';
        const values = r.values ?? [];
        if (r.operator === 'In' && !values.includes(pc)) return false;
        if (r.operator === 'NotIn' && values.includes(pc)) return false;
        if (r.operator === 'Exists' && !pc) return false;
        if (r.operator === 'DoesNotExist' && pc) return false;
        break;
      }
      default:
        // CrossNamespacePodAffinity and unknown scopes: the sim's pods never use cross-namespace affinity terms.
        return false;
    }
  }
  return true;
}

function hasScopes(q: ResourceQuotaObject): boolean {
  return !!(q.spec?.scopes?.length || q.spec?.scopeSelector?.matchExpressions?.length);
}

/** Evaluator.Matches: the quota holds some resource the object charges, and its scopes take the object. */
function quotaMatches(q: ResourceQuotaObject, resource: string, obj: KubeObject, usage: Usage): boolean {
  if (hasScopes(q) && (resource !== 'pods' || !podMatchesScopes(q, obj as PodObject))) return false;
  return Object.keys(q.spec?.hard ?? {}).some((k) => usage.has(k) || (resource === 'pods' && MUST_SPECIFY.has(k)));
}

/** Total usage of the namespace's `resource` objects under quota `q`, for the names in `names`. */
export function usedFor(store: Store, q: ResourceQuotaObject, resource: string, names: Set<string>): Usage {
  const out: Usage = new Map();
  for (const n of names) out.set(n, ZERO);
  if (!names.size) return out;
  for (const o of store.list(resource, { namespace: q.metadata.namespace })) {
    if (hasScopes(q) && (resource !== 'pods' || !podMatchesScopes(q, o as PodObject))) continue;
    for (const [k, v] of usageOf(resource, o)) if (names.has(k)) out.set(k, addQty(out.get(k), v));
  }
  return out;
}

/** The quota's whole status.used, every hard resource listed (zero when nothing uses it). */
export function quotaStatus(store: Store, q: ResourceQuotaObject): { hard: Record<string, string>; used: Record<string, string> } {
  const hard: Record<string, string> = {};
  const byResource = new Map<string, Set<string>>();
  for (const [k, v] of Object.entries(q.spec?.hard ?? {})) {
    hard[k] = canonical(v);
    const r = resourceForQuotaName(k);
    if (!byResource.has(r)) byResource.set(r, new Set());
    byResource.get(r)?.add(k);
  }
  const used: Usage = new Map();
  for (const [r, names] of byResource) for (const [k, v] of usedFor(store, q, r, names)) used.set(k, v);
  return { hard: sortedRecord(hard), used: formatList(used) };
}

function sortedRecord(r: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k] as string;
  return out;
}

/** The pod evaluator's Constraints: every container must name each quota-restricted cpu/memory resource. */
function missingConstraints(pod: PodObject, restricted: Set<string>): string | undefined {
  const required = [...restricted].filter((r) => MUST_SPECIFY.has(r));
  if (!required.length) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const have = computeUsage(containerList(c, 'requests'), containerList(c, 'limits'), false);
    for (const r of required) if (!have.has(r)) (missing.get(r) ?? missing.set(r, new Set()).get(r))?.add(c.name);
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...(missing.get(r) as Set<string>)].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/**
 * The quota admission check (create, and update of Services and PVCs): the message after
 * `<resource> "<name>" is forbidden: `, or undefined when every matching quota has room.
 */
export function quotaAdmit(store: Store, resource: string, obj: KubeObject, old: KubeObject | undefined): string | undefined {
  const ns = obj.metadata.namespace;
  if (!ns) return undefined;
  const quotas = quotasIn(store, ns);
  if (!quotas.length) return undefined;
  if (old && resource !== 'services' && resource !== 'persistentvolumeclaims') return undefined;
  const usage = usageOf(resource, obj);
  const matching = quotas.filter((q) => quotaMatches(q, resource, obj, usage));
  if (resource === 'pods' && !old)
    for (const q of matching) {
      const err = missingConstraints(obj as PodObject, new Set(Object.keys(q.spec?.hard ?? {})));
      if (err) return `failed quota: ${q.metadata.name}: ${err}`;
    }
  // The delta an update charges: only what grows (SubtractWithNonNegativeResult, zeros removed).
  const delta: Usage = new Map();
  const prev = old ? usageOf(resource, old) : new Map<string, Qty>();
  for (const [k, v] of usage) {
    const d = v.milli - (prev.get(k)?.milli ?? 0);
    if (d > 0) delta.set(k, { milli: d, binary: v.binary });
  }
  if (!delta.size) return undefined;
  for (const q of matching) {
    const hard = parseList(q.spec?.hard as Record<string, unknown>);
    const requested: Usage = new Map([...delta].filter(([k]) => hard.has(k)));
    if (!requested.size) continue;
    // On update the stored (old) object is among those counted, as status.used would hold it.
    const used = usedFor(store, q, resource, new Set(requested.keys()));
    const exceeded = [...requested.keys()].filter((k) => (used.get(k)?.milli ?? 0) + (requested.get(k)?.milli ?? 0) > (hard.get(k)?.milli ?? 0));
    if (!exceeded.length) continue;
    const pick = (m: Usage) => new Map(exceeded.map((k) => [k, m.get(k) ?? ZERO] as [string, Qty]));
    return `exceeded quota: ${q.metadata.name}, requested: ${prettyPrint(pick(requested))}, used: ${prettyPrint(pick(used))}, limited: ${prettyPrint(pick(hard))}`;
  }
  return undefined;
}
