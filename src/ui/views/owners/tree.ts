import type { Pod, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet, StatefulSet, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Job, CronJob } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../../sim/objects';
import { keyOf } from '../../../sim/objects';
import type { Objects } from '../../state/mirror';
import { podDisplayStatus, type PodDisplayStatus } from '../model/podStatus';
import { podNodeName } from '../model/nodeInfo';
import { isSystemNamespace, namespaceColor } from '../model/nsColor';
import { naturalCompare } from '../cluster/layout';

/** The kinds the owner view draws; everything else in the mirror is not part of this picture. */
export const OWNER_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'ReplicationController', 'Pod', 'PersistentVolumeClaim'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/**
 * The column an object sits in: top-level workloads, the objects they create (ReplicaSets,
 * Jobs), then pods and claims. Fixed per kind, so a standalone ReplicaSet still lines up
 * with the ones Deployments made, and a learner reads every namespace the same way.
 */
export function columnOf(kind: OwnerKind): 0 | 1 | 2 {
  if (kind === 'Pod' || kind === 'PersistentVolumeClaim') return 2;
  if (kind === 'ReplicaSet' || kind === 'Job' || kind === 'ReplicationController') return 1;
  return 0;
}

export interface ReplicaCounts {
  desired: number;
  current: number;
  ready: number;
}

export interface OwnerItem {
  /** uid when the object has one (hand-made test objects may not): the join key. */
  id: string;
  kind: OwnerKind;
  name: string;
  namespace: string;
  /** The mirror bucket it came from, for the change pulse (`resource|ns/name`). */
  resource: string;
  column: 0 | 1 | 2;
  children: OwnerItem[];
  /** Deployment / ReplicaSet / StatefulSet / DaemonSet / RC replica counts. */
  replicas?: ReplicaCounts;
  /** `deployment.kubernetes.io/revision` of a Deployment or its ReplicaSets. */
  revision?: string;
  /** Images of the pod template (what a rolling update changes). */
  images?: string[];
  /** Job: succeeded / completions; CronJob: schedule; PVC: phase. */
  detail?: string;
  /** Pods only. */
  pod?: { status: PodDisplayStatus; node: string };
  /** The controlling owner this item hangs under, when it is drawn. */
  owner?: { kind: OwnerKind; name: string };
  /** Nothing left to run: a ReplicaSet scaled to 0, a finished Job. Drawn quieter. */
  idle: boolean;
  /** metadata.deletionTimestamp is set. */
  terminating: boolean;
}

export interface NamespaceGroup {
  namespace: string;
  color: string;
  system: boolean;
  roots: OwnerItem[];
}

interface Entry {
  obj: KubeObject;
  resource: string;
  item: OwnerItem;
}

const REVISION = 'deployment.kubernetes.io/revision';

function isOwnerKind(kind: string): kind is OwnerKind {
  return (OWNER_KINDS as readonly string[]).includes(kind);
}

function imagesOf(spec: { containers?: { image?: string }[] } | undefined): string[] | undefined {
  const images = (spec?.containers ?? []).map((c) => c.image ?? '').filter(Boolean);
  return images.length ? images : undefined;
}

function describe(obj: KubeObject, resource: string): OwnerItem {
  const kind = obj.kind as OwnerKind;
  const namespace = obj.metadata.namespace ?? '';
  const item: OwnerItem = {
    id: obj.metadata.uid ?? `${kind}/${keyOf(obj)}`,
    kind,
    name: obj.metadata.name,
    namespace,
    resource,
    column: columnOf(kind),
    children: [],
    idle: false,
    terminating: Boolean(obj.metadata.deletionTimestamp),
  };
  const revision = obj.metadata.annotations?.[REVISION];
  if (revision) item.revision = revision;
  switch (kind) {
    case 'Deployment': {
      const d = obj as unknown as Deployment;
      item.replicas = { desired: d.spec?.replicas ?? 1, current: d.status?.replicas ?? 0, ready: d.status?.readyReplicas ?? 0 };
      const images = imagesOf(d.spec?.template?.spec);
      if (images) item.images = images;
      break;
    }
    case 'ReplicaSet':
    case 'ReplicationController': {
      // ReplicationController's spec/status have the same replica fields as a ReplicaSet's.
      const rs = obj as unknown as ReplicaSet;
      item.replicas = { desired: rs.spec?.replicas ?? 1, current: rs.status?.replicas ?? 0, ready: rs.status?.readyReplicas ?? 0 };
      item.idle = item.replicas.desired === 0 && item.replicas.current === 0;
      const images = imagesOf(rs.spec?.template?.spec);
      if (images) item.images = images;
      break;
    }
    case 'StatefulSet': {
      const s = obj as unknown as StatefulSet;
      item.replicas = { desired: s.spec?.replicas ?? 1, current: s.status?.replicas ?? 0, ready: s.status?.readyReplicas ?? 0 };
      const images = imagesOf(s.spec?.template?.spec);
      if (images) item.images = images;
      break;
    }
    case 'DaemonSet': {
      const s = (obj as unknown as DaemonSet).status;
      item.replicas = { desired: s?.desiredNumberScheduled ?? 0, current: s?.currentNumberScheduled ?? 0, ready: s?.numberReady ?? 0 };
      const images = imagesOf((obj as unknown as DaemonSet).spec?.template?.spec);
      if (images) item.images = images;
      break;
    }
    case 'Job': {
      const j = obj as unknown as Job;
      const done = j.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
      item.detail = `${j.status?.succeeded ?? 0}/${j.spec?.completions ?? 1}`;
      if (done) {
        item.detail += ` · ${done.type}`;
        item.idle = true;
      }
      break;
    }
    case 'CronJob': {
      const c = obj as unknown as CronJob;
      item.detail = c.spec?.schedule ?? '';
      item.idle = Boolean(c.spec?.suspend);
      break;
    }
    case 'PersistentVolumeClaim':
      item.detail = (obj as unknown as PersistentVolumeClaim).status?.phase ?? 'Pending';
      break;
    case 'Pod': {
      item.pod = { status: podDisplayStatus(obj), node: podNodeName(obj as unknown as Pod & KubeObject) };
      break;
    }
  }
  return item;
}

/**
 * PVCs from a StatefulSet's volumeClaimTemplates carry no ownerReference (unless a retention
 * policy asks for one): they belong to it by name, `<template>-<statefulset>-<ordinal>`.
 */
function claimOwner(pvc: KubeObject, statefulSets: readonly KubeObject[]): KubeObject | undefined {
  for (const s of statefulSets) {
    if (s.metadata.namespace !== pvc.metadata.namespace) continue;
    for (const t of (s as unknown as StatefulSet).spec?.volumeClaimTemplates ?? []) {
      const prefix = `${t.metadata?.name ?? ''}-${s.metadata.name}-`;
      if (pvc.metadata.name.startsWith(prefix) && /^\d+$/.test(pvc.metadata.name.slice(prefix.length))) return s;
    }
  }
  return undefined;
}

/** Columns left to right; in the pod column, pods before the claims they mount. */
function byName(a: OwnerItem, b: OwnerItem): number {
  return a.column - b.column || Number(a.kind === 'PersistentVolumeClaim') - Number(b.kind === 'PersistentVolumeClaim') || naturalCompare(a.name, b.name);
}

/**
 * ReplicaSets of one Deployment newest revision first, so the new one sits on top during a
 * rolling update and the old ones sink as they empty.
 */
function byRevisionThenName(a: OwnerItem, b: OwnerItem): number {
  const ra = Number(a.revision ?? 0);
  const rb = Number(b.revision ?? 0);
  return rb - ra || byName(a, b);
}

function sortTree(items: OwnerItem[], parent?: OwnerItem): void {
  items.sort(parent?.kind === 'Deployment' ? byRevisionThenName : byName);
  for (const i of items) sortTree(i.children, i);
}

/**
 * Namespace → workload → ReplicaSet/Job → Pod, from the mirror alone. Children attach to
 * their controlling owner by uid (as the garbage collector does), falling back to kind and
 * name when the uid is absent; an object whose owner is gone or not drawn is a root.
 */
export function buildOwnerForest(objects: Objects): NamespaceGroup[] {
  const entries: Entry[] = [];
  for (const [resource, bucket] of Object.entries(objects)) {
    for (const obj of bucket.values()) {
      if (!isOwnerKind(obj.kind) || !obj.metadata.namespace) continue;
      entries.push({ obj, resource, item: describe(obj, resource) });
    }
  }
  const byUid = new Map<string, Entry>();
  const byKindName = new Map<string, Entry>();
  for (const e of entries) {
    if (e.obj.metadata.uid) byUid.set(e.obj.metadata.uid, e);
    byKindName.set(`${e.obj.kind}|${e.obj.metadata.namespace}|${e.obj.metadata.name}`, e);
  }
  const statefulSets = entries.filter((e) => e.obj.kind === 'StatefulSet').map((e) => e.obj);

  const groups = new Map<string, NamespaceGroup>();
  const groupOf = (ns: string): NamespaceGroup => {
    let g = groups.get(ns);
    if (!g) {
      g = { namespace: ns, color: namespaceColor(ns), system: isSystemNamespace(ns), roots: [] };
      groups.set(ns, g);
    }
    return g;
  };
  for (const ns of objects.namespaces?.keys() ?? []) groupOf(ns);

  for (const e of entries) {
    const refs = e.obj.metadata.ownerReferences ?? [];
    const ref = refs.find((r) => r.controller) ?? refs[0];
    let parent: Entry | undefined;
    if (ref) {
      parent = (ref.uid ? byUid.get(ref.uid) : undefined) ?? byKindName.get(`${ref.kind}|${e.obj.metadata.namespace}|${ref.name}`);
      // A uid that names a different object than kind/name would is a stale reference: an owner deleted and recreated.
      if (parent && ref.uid && parent.obj.metadata.uid && parent.obj.metadata.uid !== ref.uid) parent = undefined;
    } else if (e.obj.kind === 'PersistentVolumeClaim') {
      const owner = claimOwner(e.obj, statefulSets);
      if (owner) parent = byKindName.get(`StatefulSet|${owner.metadata.namespace}|${owner.metadata.name}`);
    }
    if (parent && parent !== e) {
      parent.item.children.push(e.item);
      e.item.owner = { kind: parent.item.kind, name: parent.item.name };
    }
    else groupOf(e.obj.metadata.namespace as string).roots.push(e.item);
  }

  // kube-public and kube-node-lease hold no workloads: an empty band for them is noise.
  const out = [...groups.values()].filter((g) => g.roots.length > 0 || !g.system);
  for (const g of out) sortTree(g.roots);
  // The learner's namespaces first; the cluster's own last.
  return out.sort((a, b) => Number(a.system) - Number(b.system) || (a.namespace === 'default' ? -1 : b.namespace === 'default' ? 1 : naturalCompare(a.namespace, b.namespace)));
}

/** Every item of a forest, depth first: for the D3 keyed joins. */
export function flatten(groups: readonly NamespaceGroup[]): OwnerItem[] {
  const out: OwnerItem[] = [];
  const walk = (i: OwnerItem) => {
    out.push(i);
    i.children.forEach(walk);
  };
  for (const g of groups) g.roots.forEach(walk);
  return out;
}
