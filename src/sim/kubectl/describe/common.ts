import type { Event, Toleration } from 'kubernetes-types/core/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { age } from '../duration';

/** kubectl's describe writes tab-separated cells at indent levels; tabwrite aligns them later. */
export class DescribeWriter {
  text = '';
  write(level: number, s: string): void {
    this.text += '  '.repeat(level) + s;
  }
}

const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

export function writeLabels(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, indent = '\t'): void {
  w.write(0, `${title}:${indent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return w.write(0, '<none>\n');
  keys.forEach((k, i) => {
    if (i > 0) w.write(0, indent);
    w.write(0, `${k}=${(labels as Record<string, string>)[k]}\n`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}

export function writeAnnotations(w: DescribeWriter, annotations: Record<string, string> | undefined): void {
  w.write(0, 'Annotations:\t');
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)).sort();
  if (!keys.length) return w.write(0, '<none>\n');
  keys.forEach((k, i) => {
    if (i > 0) w.write(0, '\t');
    const value = ((annotations as Record<string, string>)[k] as string).replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const line of value.split('\n')) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(0, `${k}: ${value}\n`);
  });
}

export function writeTolerations(w: DescribeWriter, title: string, tolerations: readonly Toleration[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!tolerations?.length) return w.write(0, '<none>\n');
  tolerations.forEach((t, i) => {
    if (i > 0) w.write(0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, s + '\n');
  });
}

/** Events about one object, oldest first, as `describe` lists them. */
export function eventsFor(cluster: Cluster, obj: KubeObject): (Event & KubeObject)[] {
  const ns = obj.metadata.namespace;
  const all = cluster.store.list<Event & KubeObject>('events', ns ? { namespace: ns } : {});
  const mine = all.filter((e) =>
    obj.metadata.uid && e.involvedObject.uid
      ? e.involvedObject.uid === obj.metadata.uid
      : e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name,
  );
  const ts = (e: Event) => e.lastTimestamp ?? e.firstTimestamp ?? '';
  return mine.sort((a, b) => (ts(a) < ts(b) ? -1 : ts(a) > ts(b) ? 1 : 0));
}

export function writeEvents(w: DescribeWriter, events: (Event & KubeObject)[], now: number): void {
  if (!events.length) return w.write(0, 'Events:\t<none>\n');
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = age(e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp, now);
    const interval = (e.count ?? 1) > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
