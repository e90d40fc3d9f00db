import type { Event, Namespace, Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import { age } from '../duration';
import { podColumns } from './pod';
import type { PodObject } from './pod';
import { BATCH_TABLES } from './batch';
import { WORKLOAD_TABLES } from './workloads';
import { SET_TABLES } from './sets';
import { CONFIG_TABLES } from './config';
import { STORAGE_TABLES } from './storage';
import { NETWORKING_TABLES } from './networking';
import { RBAC_TABLES } from './rbac';
import { SERVICE_TABLES } from './services';
import { QUOTA_TABLES } from './quota';
import { COORDINATION_TABLES } from './coordination';

/** One resource type's table: header and a row per object (without NAMESPACE and LABELS). */
export interface TableSpec {
  headers: string[];
  wideHeaders: string[];
  row(obj: KubeObject, now: number): string[];
  wide(obj: KubeObject, now: number): string[];
}

const none = (s: string | undefined | null) => (s ? s : '<none>');

export function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

export function nodeStatus(node: Node & KubeObject): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  // kubectl prints Not<Type> for False and Unknown alike: a node whose kubelet went silent reads NotReady.
  const parts = [!ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

const pods: TableSpec = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row(obj, now) {
    const p = obj as PodObject;
    const c = podColumns(p, now);
    return [p.metadata.name, c.ready, c.status, c.restarts, age(p.metadata.creationTimestamp, now)];
  },
  wide(obj) {
    const p = obj as PodObject;
    const gates = p.spec?.readinessGates ?? [];
    const conds = p.status?.conditions ?? [];
    const gateText = gates.length
      ? `${gates.filter((g) => conds.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
      : '<none>';
    return [none(p.status?.podIP), none(p.spec?.nodeName), none(p.status?.nominatedNodeName), gateText];
  },
};

const nodes: TableSpec = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row(obj, now) {
    const n = obj as Node & KubeObject;
    return [n.metadata.name, nodeStatus(n), nodeRoles(n), age(n.metadata.creationTimestamp, now), n.status?.nodeInfo?.kubeletVersion ?? ''];
  },
  wide(obj) {
    const n = obj as Node & KubeObject;
    const addr = (t: string) => none(n.status?.addresses?.find((a) => a.type === t)?.address);
    const info = n.status?.nodeInfo;
    return [addr('InternalIP'), addr('ExternalIP'), none(info?.osImage), none(info?.kernelVersion), none(info?.containerRuntimeVersion)];
  },
};

const namespaces: TableSpec = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wideHeaders: [],
  row(obj, now) {
    const ns = obj as Namespace & KubeObject;
    return [ns.metadata.name, ns.status?.phase ?? '', age(ns.metadata.creationTimestamp, now)];
  },
  wide: () => [],
};

/** `LAST SEEN` of an event, with `(x3 over 2m)` when it repeated. */
export function eventLastSeen(e: Event & KubeObject, now: number): string {
  const last = e.lastTimestamp ? age(e.lastTimestamp, now) : age(e.eventTime ?? e.metadata.creationTimestamp, now);
  const first = e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime ?? e.metadata.creationTimestamp, now);
  return (e.count ?? 1) > 1 ? `${last} (x${e.count} over ${first})` : last;
}

const events: TableSpec = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeaders: ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME'],
  row(obj, now) {
    const e = obj as Event & KubeObject;
    return [eventLastSeen(e, now), e.type ?? '', e.reason ?? '', `${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name ?? ''}`, (e.message ?? '').trim()];
  },
  wide(obj, now) {
    const e = obj as Event & KubeObject;
    const source = [e.source?.component, e.source?.host].filter(Boolean).join(', ');
    return [e.involvedObject.fieldPath ?? '', source, age(e.firstTimestamp ?? e.metadata.creationTimestamp, now), String(e.count ?? 1), e.metadata.name];
  },
};

/** Tables by store key; kinds without one print kubectl's default NAME / AGE table. */
export const TABLES: Record<string, TableSpec> = { pods, nodes, namespaces, events, ...BATCH_TABLES, ...WORKLOAD_TABLES, ...SET_TABLES, ...STORAGE_TABLES, ...NETWORKING_TABLES, ...SERVICE_TABLES, ...CONFIG_TABLES, ...QUOTA_TABLES, ...RBAC_TABLES, ...COORDINATION_TABLES };

export const DEFAULT_TABLE: TableSpec = {
  headers: ['NAME', 'AGE'],
  wideHeaders: [],
  row: (obj, now) => [obj.metadata.name, age(obj.metadata.creationTimestamp, now)],
  wide: () => [],
};

export function labelsText(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(',') : '<none>';
}
