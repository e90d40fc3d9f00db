import type { Container, LimitRange, LimitRangeItem, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import type { Store } from '../../store/store';
import type { Qty } from './quantities';
import { addQty, formatQty, parseList } from './quantities';

/**
 * The LimitRanger admission plugin: on a pod's creation it fills each container's missing
 * requests and limits from the namespace's LimitRanges (`defaultRequest`, `default`), notes
 * it in the `kubernetes.io/limit-ranger` annotation, then enforces min / max /
 * maxLimitRequestRatio per Container and per Pod; on a PVC's creation or update it enforces
 * the storage min / max. Errors read exactly as the plugin words them.
 */

export type LimitRangeObject = LimitRange & KubeObject;
type PodObject = Pod & KubeObject;
type PVCObject = PersistentVolumeClaim & KubeObject;

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

/** The namespace's LimitRanges in name order; [] (and no work) when it has none. */
export function limitRangesIn(store: Store, namespace: string): LimitRangeObject[] {
  if (!store.count('limitranges')) return [];
  return store.list<LimitRangeObject>('limitranges', { namespace }).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

type Requirements = { requests?: Record<string, string>; limits?: Record<string, string> };

/** defaultContainerResourceRequirements: the Container items' defaults, a later item winning. */
function containerDefaults(lr: LimitRangeObject): { requests: Record<string, string>; limits: Record<string, string> } {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    Object.assign(limits, item.default ?? {});
    Object.assign(requests, item.defaultRequest ?? {});
  }
  return { requests, limits };
}

/** mergeContainerResources: fills what the container does not say; returns the annotation parts. */
function mergeContainer(c: Container, defaults: { requests: Record<string, string>; limits: Record<string, string> }, prefix: string): string[] {
  const res = ((c as { resources?: Requirements }).resources ??= {}) as Requirements;
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(defaults.limits)) {
    if (res.limits && k in res.limits) continue;
    res.limits = { ...res.limits, [k]: v };
    setLimits.push(k);
  }
  for (const [k, v] of Object.entries(defaults.requests)) {
    if (res.requests && k in res.requests) continue;
    res.requests = { ...res.requests, [k]: v };
    setRequests.push(k);
  }
  const notes: string[] = [];
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name}`);
  return notes;
}

/** The mutating half, on pod creation: true when it changed the pod (so QoS is worked out again). */
export function limitRangerMutatePod(pod: PodObject, ranges: LimitRangeObject[]): boolean {
  let changed = false;
  for (const lr of ranges) {
    const defaults = containerDefaults(lr);
    if (!Object.keys(defaults.limits).length && !Object.keys(defaults.requests).length) continue;
    const notes: string[] = [];
    for (const c of pod.spec?.containers ?? []) notes.push(...mergeContainer(c, defaults, 'container'));
    for (const c of pod.spec?.initContainers ?? []) notes.push(...mergeContainer(c, defaults, 'init container'));
    if (notes.length) {
      pod.metadata.annotations = { ...pod.metadata.annotations, [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
      changed = true;
    }
  }
  return changed;
}

type Lookup = Map<string, Qty>;

function minConstraint(type: string, name: string, enforced: Qty, requests: Lookup, limits: Lookup): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const e = formatQty(enforced);
  if (!req) return `minimum ${name} usage per ${type} is ${e}.  No request is specified`;
  if (req.milli < enforced.milli) return `minimum ${name} usage per ${type} is ${e}, but request is ${formatQty(req)}`;
  if (lim && lim.milli < enforced.milli) return `minimum ${name} usage per ${type} is ${e}, but limit is ${formatQty(lim)}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Qty, requests: Lookup, limits: Lookup): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const e = formatQty(enforced);
  if (!lim) return `maximum ${name} usage per ${type} is ${e}.  No limit is specified`;
  if (lim.milli > enforced.milli) return `maximum ${name} usage per ${type} is ${e}, but limit is ${formatQty(lim)}`;
  if (req && req.milli > enforced.milli) return `maximum ${name} usage per ${type} is ${e}, but request is ${formatQty(req)}`;
  return undefined;
}

function maxRequestConstraint(type: string, name: string, enforced: Qty, requests: Lookup): string | undefined {
  const req = requests.get(name);
  const e = formatQty(enforced);
  if (!req) return `maximum ${name} usage per ${type} is ${e}.  No request is specified`;
  if (req.milli > enforced.milli) return `maximum ${name} usage per ${type} is ${e}, but request is ${formatQty(req)}`;
  return undefined;
}

function ratioConstraint(type: string, name: string, enforced: Qty, requests: Lookup, limits: Lookup): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const e = formatQty(enforced);
  if (!req || req.milli === 0) return `${name} max limit to request ratio per ${type} is ${e}, but no request is specified or request is 0`;
  if (!lim || lim.milli === 0) return `${name} max limit to request ratio per ${type} is ${e}, but no limit is specified or limit is 0`;
  const observed = lim.milli / req.milli;
  if (observed * 1000 > enforced.milli) return `${name} max limit to request ratio per ${type} is ${e}, but provided ratio is ${observed.toFixed(6)}`;
  return undefined;
}

const sortedEntries = (list: Record<string, unknown> | undefined): [string, Qty][] =>
  [...parseList(list).entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

function checkItem(item: LimitRangeItem, type: string, requests: Lookup, limits: Lookup, errs: string[]): void {
  for (const [k, v] of sortedEntries(item.min)) push(errs, minConstraint(type, k, v, requests, limits));
  for (const [k, v] of sortedEntries(item.max)) push(errs, maxConstraint(type, k, v, requests, limits));
  for (const [k, v] of sortedEntries(item.maxLimitRequestRatio)) push(errs, ratioConstraint(type, k, v, requests, limits));
}

function push(errs: string[], e: string | undefined): void {
  if (e) errs.push(e);
}

function containerLists(c: Container): [Lookup, Lookup] {
  return [parseList(c.resources?.requests as Record<string, unknown>), parseList(c.resources?.limits as Record<string, unknown>)];
}

/** podRequests / podLimits: containers add up; an init container raises a resource to its own amount. */
function podTotals(pod: PodObject, which: 'requests' | 'limits'): Lookup {
  const out: Lookup = new Map();
  for (const c of pod.spec?.containers ?? []) for (const [k, v] of parseList(c.resources?.[which] as Record<string, unknown>)) out.set(k, addQty(out.get(k), v));
  for (const c of pod.spec?.initContainers ?? [])
    for (const [k, v] of parseList(c.resources?.[which] as Record<string, unknown>)) {
      const cur = out.get(k);
      if (!cur || v.milli > cur.milli) out.set(k, v);
    }
  return out;
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several deduplicated in brackets. */
export function aggregate(errs: string[]): string | undefined {
  const uniq = [...new Set(errs)];
  if (!uniq.length) return undefined;
  return uniq.length === 1 ? uniq[0] : `[${uniq.join(', ')}]`;
}

/** The validating half for a pod: the message after `pods "x" is forbidden: `, or undefined. */
export function limitRangerValidatePod(pod: PodObject, ranges: LimitRangeObject[]): string | undefined {
  const errs: string[] = [];
  for (const lr of ranges) {
    for (const item of lr.spec?.limits ?? []) {
      if (item.type === 'Container') {
        for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
          const [requests, limits] = containerLists(c);
          checkItem(item, 'Container', requests, limits, errs);
        }
      } else if (item.type === 'Pod') {
        checkItem(item, 'Pod', podTotals(pod, 'requests'), podTotals(pod, 'limits'), errs);
      }
    }
  }
  return aggregate(errs);
}

/** The validating half for a PVC: storage requests against the PersistentVolumeClaim items. */
export function limitRangerValidatePVC(pvc: PVCObject, ranges: LimitRangeObject[]): string | undefined {
  const errs: string[] = [];
  const requests = parseList(pvc.spec?.resources?.requests as Record<string, unknown>);
  for (const lr of ranges)
    for (const item of lr.spec?.limits ?? []) {
      if (item.type !== 'PersistentVolumeClaim') continue;
      for (const [k, v] of sortedEntries(item.min)) push(errs, minConstraint('PersistentVolumeClaim', k, v, requests, new Map()));
      for (const [k, v] of sortedEntries(item.max)) push(errs, maxRequestConstraint('PersistentVolumeClaim', k, v, requests));
    }
  return aggregate(errs);
}
