import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec, ReplicationController } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../objects';
import { age } from '../duration';
import type { TableSpec } from './tables';

/** metav1.FormatLabelSelector: requirements sorted by key, `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelector | Record<string, string> | undefined): string {
  if (!sel) return '<none>';
  const structured = 'matchLabels' in sel || 'matchExpressions' in sel;
  const ml = (structured ? ((sel as LabelSelector).matchLabels ?? {}) : sel) as Record<string, string>;
  const reqs: [string, string][] = Object.keys(ml).map((k) => [k, `${k}=${ml[k]}`]);
  for (const e of structured ? ((sel as LabelSelector).matchExpressions ?? []) : []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') reqs.push([e.key, `${e.key} in (${vals})`]);
    else if (e.operator === 'NotIn') reqs.push([e.key, `${e.key} notin (${vals})`]);
    else if (e.operator === 'Exists') reqs.push([e.key, e.key]);
    else if (e.operator === 'DoesNotExist') reqs.push([e.key, `!${e.key}`]);
  }
  if (!reqs.length) return '<none>';
  return reqs
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((r) => r[1])
    .join(',');
}

/** The -o wide columns every pod-template workload adds: CONTAINERS, IMAGES, SELECTOR. */
export function templateColumns(t: PodTemplateSpec | undefined, sel: LabelSelector | Record<string, string> | undefined): string[] {
  const cs = t?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(','), formatLabelSelector(sel)];
}

const deployments: TableSpec = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now) {
    const d = obj as Deployment & KubeObject;
    const st = d.status ?? {};
    return [d.metadata.name, `${st.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`, String(st.updatedReplicas ?? 0), String(st.availableReplicas ?? 0), age(d.metadata.creationTimestamp, now)];
  },
  wide(obj) {
    const d = obj as Deployment & KubeObject;
    return templateColumns(d.spec?.template, d.spec?.selector);
  },
};

function replicaRow(obj: KubeObject, now: number): string[] {
  const rs = obj as ReplicaSet & KubeObject;
  const st = rs.status;
  return [rs.metadata.name, String(rs.spec?.replicas ?? 1), String(st?.replicas ?? 0), String(st?.readyReplicas ?? 0), age(rs.metadata.creationTimestamp, now)];
}

const replicasets: TableSpec = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: replicaRow,
  wide(obj) {
    const rs = obj as ReplicaSet & KubeObject;
    return templateColumns(rs.spec?.template, rs.spec?.selector);
  },
};

const replicationcontrollers: TableSpec = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: replicaRow,
  wide(obj) {
    const rc = obj as ReplicationController & KubeObject;
    return templateColumns(rc.spec?.template, rc.spec?.selector as Record<string, string> | undefined);
  },
};

/** Tables for the workloads the Deployment and ReplicaSet controllers manage, by store key. */
export const WORKLOAD_TABLES: Record<string, TableSpec> = {
  'deployments.apps': deployments,
  'replicasets.apps': replicasets,
  replicationcontrollers,
};
