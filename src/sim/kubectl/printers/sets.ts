import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../objects';
import { age } from '../duration';
import type { TableSpec } from './tables';

function containerColumns(t: PodTemplateSpec | undefined): string[] {
  const cs = t?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

/** labels.FormatLabels: sorted `k=v` pairs, `<none>` when empty. */
function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${(m as Record<string, string>)[k]}`).join(',') : '<none>';
}

function selectorText(sel: LabelSelector | undefined): string {
  const ml = (sel?.matchLabels ?? {}) as Record<string, string>;
  const parts = Object.keys(ml).map((k) => [k, `${k}=${ml[k]}`]);
  for (const e of sel?.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    const text = e.operator === 'In' ? `${e.key} in (${vals})` : e.operator === 'NotIn' ? `${e.key} notin (${vals})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    parts.push([e.key, text]);
  }
  return parts.length ? parts.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)).map((p) => p[1]).join(',') : '<none>';
}

/** kubectl's printStatefulSet: NAME READY AGE, wide CONTAINERS IMAGES. */
const statefulsets: TableSpec = {
  headers: ['NAME', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES'],
  row(obj, now) {
    const s = obj as StatefulSet & KubeObject;
    return [s.metadata.name, `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 1}`, age(s.metadata.creationTimestamp, now)];
  },
  wide: (obj) => containerColumns((obj as StatefulSet & KubeObject).spec?.template),
};

/** kubectl's printDaemonSet: counts from status, the template's nodeSelector, wide CONTAINERS IMAGES SELECTOR. */
const daemonsets: TableSpec = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now) {
    const d = obj as DaemonSet & KubeObject;
    const st = d.status;
    return [
      d.metadata.name,
      String(st?.desiredNumberScheduled ?? 0),
      String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0),
      String(st?.updatedNumberScheduled ?? 0),
      String(st?.numberAvailable ?? 0),
      formatLabels(d.spec?.template.spec?.nodeSelector),
      age(d.metadata.creationTimestamp, now),
    ];
  },
  wide(obj) {
    const d = obj as DaemonSet & KubeObject;
    return [...containerColumns(d.spec?.template), selectorText(d.spec?.selector)];
  },
};

export const SET_TABLES: Record<string, TableSpec> = { 'statefulsets.apps': statefulsets, 'daemonsets.apps': daemonsets };
