import type { PersistentVolume, PersistentVolumeClaim, Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../objects';
import { matchesSelector } from '../store/labels';
import { podFinished, templateSpecOf, usesOfPodSpec, type UseKind } from './refs';

/**
 * The seed guide's safe order: the application first (nothing recreates what it cascades),
 * then the network in front of it, then the configuration it read, then its storage (claims,
 * then volumes), and the namespace last.
 */
export const CLEANUP_LEVELS = ['application', 'network', 'configuration', 'storage', 'namespace'] as const;
export type CleanupLevel = (typeof CLEANUP_LEVELS)[number];

/** Store keys per level, in the order they are deleted inside the level. */
const LEVEL_RESOURCES: Record<Exclude<CleanupLevel, 'namespace'>, string[]> = {
  application: ['deployments.apps', 'statefulsets.apps', 'daemonsets.apps', 'cronjobs.batch', 'jobs.batch', 'replicasets.apps', 'replicationcontrollers', 'pods'],
  // An Ingress routes to a Service: deleting the Ingress first leaves nothing pointing at nothing.
  network: ['ingresses.networking.k8s.io', 'services', 'networkpolicies.networking.k8s.io'],
  configuration: ['configmaps', 'secrets', 'rolebindings.rbac.authorization.k8s.io', 'roles.rbac.authorization.k8s.io', 'serviceaccounts', 'resourcequotas', 'limitranges'],
  storage: ['persistentvolumeclaims', 'persistentvolumes'],
};

export interface PlanRef {
  resource: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** What deleting one object would do right now. */
export type CleanupEffect =
  /** The garbage collector deletes these too (ownerReferences), and nothing brings them back. */
  | { type: 'cascade'; objects: PlanRef[] }
  /** A pod with no controller: gone for good once deleted. */
  | { type: 'notRecreated' }
  /** These still use it and are left broken (`how`: env, volume, pull, claim, backend, template). */
  | { type: 'breaks'; objects: PlanRef[]; how: UseKind | 'backend' | 'template' }
  /** The object stays Terminating on this finalizer until these are gone. */
  | { type: 'stuck'; finalizer: string; until: PlanRef[] }
  /** reclaimPolicy Retain: the volume goes Released and keeps its data. */
  | { type: 'keepsData'; volume: string }
  /** reclaimPolicy Delete: the volume and the data on it are destroyed. */
  | { type: 'destroysData'; volume: string }
  /** A Service that selects no pods: nothing behind it to break. */
  | { type: 'noPods' }
  /** Already being deleted, waiting for these finalizers. */
  | { type: 'terminating'; finalizers: string[] }
  /** The API server refuses: this namespace may not be deleted. */
  | { type: 'protected' }
  /** Deleting the namespace deletes everything still in it. */
  | { type: 'sweeps'; objects: PlanRef[] };

export type CleanupVerdict = 'safe' | 'breaks' | 'blocked';

export interface CleanupItem {
  ref: PlanRef;
  level: CleanupLevel;
  /** What this object depends on (a pod's claims and config, a claim's volume, an Ingress's Services ...). */
  uses: PlanRef[];
  effects: CleanupEffect[];
  verdict: CleanupVerdict;
}

export interface CleanupPlan {
  /** The namespace planned, or undefined for every user namespace. */
  namespace?: string;
  items: CleanupItem[];
}

/** What the plan reads: the store's lists by key (`pods`, `persistentvolumes` ...). */
export type ObjectLister = (resource: string) => readonly KubeObject[];

const SYSTEM_NAMESPACE = /^kube-/;

function refTo(resource: string, o: KubeObject): PlanRef {
  const r: PlanRef = { resource, kind: o.kind, name: o.metadata.name };
  if (o.metadata.namespace) r.namespace = o.metadata.namespace;
  return r;
}

/** Objects the cluster makes and re-makes by itself in every namespace: not the learner's to clean. */
function managed(resource: string, o: KubeObject): boolean {
  if (resource === 'configmaps' && o.metadata.name === 'kube-root-ca.crt') return true;
  if (resource === 'serviceaccounts' && o.metadata.name === 'default') return true;
  if (resource === 'secrets' && (o as { type?: string }).type === 'kubernetes.io/service-account-token' && o.metadata.ownerReferences?.length) return true;
  return false;
}

class Index {
  readonly byNs = new Map<string, Map<string, KubeObject[]>>();
  readonly children = new Map<string, { resource: string; obj: KubeObject }[]>();
  readonly pvs: readonly KubeObject[];

  constructor(
    readonly list: ObjectLister,
    namespaces: readonly string[],
  ) {
    const wanted = new Set(namespaces);
    const resources = [...Object.values(LEVEL_RESOURCES).flat(), 'endpointslices.discovery.k8s.io', 'endpoints'];
    for (const resource of resources) {
      if (resource === 'persistentvolumes') continue;
      for (const o of list(resource)) {
        const ns = o.metadata.namespace ?? '';
        if (!wanted.has(ns)) continue;
        let m = this.byNs.get(ns);
        if (!m) this.byNs.set(ns, (m = new Map()));
        let arr = m.get(resource);
        if (!arr) m.set(resource, (arr = []));
        arr.push(o);
        for (const owner of o.metadata.ownerReferences ?? []) {
          let c = this.children.get(owner.uid);
          if (!c) this.children.set(owner.uid, (c = []));
          c.push({ resource, obj: o });
        }
      }
    }
    this.pvs = list('persistentvolumes');
  }

  of(ns: string, resource: string): KubeObject[] {
    return this.byNs.get(ns)?.get(resource) ?? [];
  }

  /** Every object that would go with `o` through ownerReferences, depth first. */
  descendants(o: KubeObject): PlanRef[] {
    const out: PlanRef[] = [];
    const seen = new Set<string>();
    const walk = (uid: string | undefined) => {
      if (!uid || seen.has(uid)) return;
      seen.add(uid);
      for (const c of this.children.get(uid) ?? []) {
        out.push(refTo(c.resource, c.obj));
        walk(c.obj.metadata.uid);
      }
    };
    walk(o.metadata.uid);
    return out;
  }

  /** True when a controller (an owner that still exists) would recreate or own this object. */
  hasLiveController(o: KubeObject, ns: string): boolean {
    const ctl = o.metadata.ownerReferences?.find((r) => r.controller);
    if (!ctl) return false;
    for (const m of this.byNs.get(ns)?.values() ?? []) if (m.some((x) => x.metadata.uid === ctl.uid)) return true;
    return false;
  }
}

function volumeOfClaim(idx: Index, pvc: PersistentVolumeClaim & KubeObject): (PersistentVolume & KubeObject) | undefined {
  const name = pvc.spec?.volumeName;
  return name ? (idx.pvs.find((pv) => pv.metadata.name === name) as (PersistentVolume & KubeObject) | undefined) : undefined;
}

function reclaimEffect(pv: PersistentVolume & KubeObject): CleanupEffect {
  return pv.spec?.persistentVolumeReclaimPolicy === 'Delete' ? { type: 'destroysData', volume: pv.metadata.name } : { type: 'keepsData', volume: pv.metadata.name };
}

/** Live pods and top-level workload templates of `ns` that use a ConfigMap, Secret or claim. */
function usersOf(idx: Index, ns: string, resource: string, name: string): { pods: Map<UseKind, PlanRef[]>; templates: PlanRef[] } {
  const pods = new Map<UseKind, PlanRef[]>();
  for (const p of idx.of(ns, 'pods')) {
    if (podFinished(p) || p.metadata.deletionTimestamp) continue;
    for (const u of usesOfPodSpec((p as { spec?: Parameters<typeof usesOfPodSpec>[0] }).spec)) {
      if (u.resource !== resource || u.name !== name) continue;
      const arr = pods.get(u.how) ?? [];
      if (!arr.some((r) => r.name === p.metadata.name)) arr.push(refTo('pods', p));
      pods.set(u.how, arr);
    }
  }
  const templates: PlanRef[] = [];
  for (const wl of LEVEL_RESOURCES.application.filter((r) => r !== 'pods')) {
    for (const o of idx.of(ns, wl)) {
      if (idx.hasLiveController(o, ns)) continue;
      if (usesOfPodSpec(templateSpecOf(o)).some((u) => u.resource === resource && u.name === name)) templates.push(refTo(wl, o));
    }
  }
  return { pods, templates };
}

function ingressServices(ing: Ingress): string[] {
  const names = new Set<string>();
  if (ing.spec?.defaultBackend?.service?.name) names.add(ing.spec.defaultBackend.service.name);
  for (const rule of ing.spec?.rules ?? []) for (const p of rule.http?.paths ?? []) if (p.backend.service?.name) names.add(p.backend.service.name);
  return [...names];
}

function selectedPods(idx: Index, ns: string, svc: Service & KubeObject): KubeObject[] {
  const sel = svc.spec?.selector;
  if (!sel || !Object.keys(sel).length) return [];
  return idx.of(ns, 'pods').filter((p) => !p.metadata.deletionTimestamp && matchesSelector(sel, p.metadata.labels));
}

function verdictOf(effects: CleanupEffect[]): CleanupVerdict {
  if (effects.some((e) => e.type === 'stuck' || e.type === 'protected')) return 'blocked';
  if (effects.some((e) => e.type === 'breaks' || e.type === 'destroysData')) return 'breaks';
  return 'safe';
}

function planItem(idx: Index, ns: string, level: CleanupLevel, resource: string, o: KubeObject): CleanupItem {
  const effects: CleanupEffect[] = [];
  const uses: PlanRef[] = [];
  if (o.metadata.deletionTimestamp) effects.push({ type: 'terminating', finalizers: [...(o.metadata.finalizers ?? [])] });
  const cascade = idx.descendants(o);
  if (cascade.length) effects.push({ type: 'cascade', objects: cascade });

  if (level === 'application') {
    const spec = resource === 'pods' ? (o.spec as Parameters<typeof usesOfPodSpec>[0]) : templateSpecOf(o);
    for (const u of usesOfPodSpec(spec)) {
      const target = idx.of(ns, u.resource).find((x) => x.metadata.name === u.name);
      if (target && !uses.some((r) => r.resource === u.resource && r.name === u.name)) uses.push(refTo(u.resource, target));
    }
    if (resource === 'pods') effects.push({ type: 'notRecreated' });
  } else if (resource === 'services') {
    const svc = o as Service & KubeObject;
    const pods = selectedPods(idx, ns, svc);
    for (const p of pods) uses.push(refTo('pods', p));
    if (!pods.length && !o.metadata.deletionTimestamp) effects.push({ type: 'noPods' });
    const ingresses = idx.of(ns, 'ingresses.networking.k8s.io').filter((i) => !i.metadata.deletionTimestamp && ingressServices(i as Ingress).includes(o.metadata.name));
    if (ingresses.length) effects.push({ type: 'breaks', how: 'backend', objects: ingresses.map((i) => refTo('ingresses.networking.k8s.io', i)) });
  } else if (resource === 'ingresses.networking.k8s.io') {
    for (const name of ingressServices(o as Ingress)) {
      const svc = idx.of(ns, 'services').find((s) => s.metadata.name === name);
      if (svc) uses.push(refTo('services', svc));
    }
  } else if (resource === 'configmaps' || resource === 'secrets' || resource === 'persistentvolumeclaims') {
    const { pods, templates } = usersOf(idx, ns, resource, o.metadata.name);
    if (resource === 'persistentvolumeclaims') {
      const users = pods.get('claim') ?? [];
      const pv = volumeOfClaim(idx, o as PersistentVolumeClaim & KubeObject);
      if (pv) uses.push(refTo('persistentvolumes', pv));
      if (users.length) effects.push({ type: 'stuck', finalizer: 'kubernetes.io/pvc-protection', until: users });
      if (templates.length) effects.push({ type: 'breaks', how: 'template', objects: templates });
      if (pv) effects.push(reclaimEffect(pv));
    } else {
      for (const [how, objects] of pods) effects.push({ type: 'breaks', how, objects });
      if (templates.length) effects.push({ type: 'breaks', how: 'template', objects: templates });
    }
  } else if (resource === 'persistentvolumes') {
    const pv = o as PersistentVolume & KubeObject;
    const claimRef = pv.spec?.claimRef;
    const claim = claimRef ? idx.of(claimRef.namespace ?? '', 'persistentvolumeclaims').find((c) => c.metadata.name === claimRef.name && (!claimRef.uid || c.metadata.uid === claimRef.uid)) : undefined;
    if (claim) effects.push({ type: 'stuck', finalizer: 'kubernetes.io/pv-protection', until: [refTo('persistentvolumeclaims', claim)] });
    // Deleting the PV object of a Retain volume leaves the data on the backing storage for an admin.
    effects.push(reclaimEffect(pv));
  }
  return { ref: refTo(resource, o), level, uses, effects, verdict: verdictOf(effects) };
}

/** PVs that belong to a namespace: bound to (or released from) one of its claims. */
function volumesOf(idx: Index, ns: string): KubeObject[] {
  return idx.pvs.filter((pv) => (pv as PersistentVolume).spec?.claimRef?.namespace === ns);
}

/**
 * What depends on what in a namespace (or in every user namespace), and for each object,
 * in the safe order, what deleting it now would do.
 */
export function cleanupPlan(list: ObjectLister, namespace?: string): CleanupPlan {
  const namespaces = namespace !== undefined ? [namespace] : list('namespaces').map((n) => n.metadata.name).filter((n) => !SYSTEM_NAMESPACE.test(n)).sort();
  const idx = new Index(list, namespaces);
  const items: CleanupItem[] = [];
  for (const level of CLEANUP_LEVELS) {
    for (const ns of namespaces) {
      if (level === 'namespace') {
        const nsObj = list('namespaces').find((n) => n.metadata.name === ns);
        if (!nsObj) continue;
        const effects: CleanupEffect[] = [];
        if (nsObj.metadata.deletionTimestamp) effects.push({ type: 'terminating', finalizers: [...((nsObj.spec as { finalizers?: string[] })?.finalizers ?? [])] });
        if (ns === 'default') effects.push({ type: 'protected' });
        const left: PlanRef[] = [];
        for (const [resource, objs] of idx.byNs.get(ns) ?? []) for (const o of objs) if (!managed(resource, o)) left.push(refTo(resource, o));
        if (left.length && ns !== 'default') effects.push({ type: 'sweeps', objects: left });
        items.push({ ref: refTo('namespaces', nsObj), level, uses: [], effects, verdict: verdictOf(effects) });
        continue;
      }
      for (const resource of LEVEL_RESOURCES[level]) {
        const objs = resource === 'persistentvolumes' ? volumesOf(idx, ns) : idx.of(ns, resource);
        const sorted = [...objs].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
        for (const o of sorted) {
          if (managed(resource, o)) continue;
          // Owned objects (ReplicaSets of a Deployment, pods of a ReplicaSet) go with their owner.
          if (resource !== 'persistentvolumes' && idx.hasLiveController(o, ns)) continue;
          items.push(planItem(idx, ns, level, resource, o));
        }
      }
    }
  }
  const plan: CleanupPlan = { items };
  if (namespace !== undefined) plan.namespace = namespace;
  return plan;
}
