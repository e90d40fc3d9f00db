import type { Rect } from '../cluster/layout';
import type { Translate } from '../cluster/drawNodes';
import { drawPodContent, fittedLabel, podSignature } from '../cluster/drawPods';
import type { PodItem } from '../cluster/scene';
import { textWidth } from '../cluster/measure';
import { el } from '../svgElement';
import type { PhaseCategory } from '../model/podStatus';
import type { OwnerItem } from './tree';

/** The chip the cluster view draws for the same pod: one vocabulary across views. */
export function podItemOf(item: OwnerItem, color: string, system: boolean): PodItem {
  const pod = item.pod as NonNullable<OwnerItem['pod']>;
  return { key: `${item.namespace}/${item.name}`, name: item.name, namespace: item.namespace, node: pod.node, status: pod.status, color, system };
}

/** What a workload box says on its third line. */
export function countsLine(item: OwnerItem, t: Translate): string {
  if (item.replicas) return t('owners.counts', { ...item.replicas });
  if (item.kind === 'Job') return t('owners.completions', { detail: item.detail ?? '' });
  if (item.kind === 'CronJob') return t('owners.schedule', { schedule: item.detail ?? '' });
  return '';
}

export function itemSignature(item: OwnerItem, r: Rect, color: string, lang: string): string {
  // The owner is part of it: an orphaned pod (owner deleted with --cascade=orphan) must lose its data-owner.
  const owner = item.owner ? `${item.owner.kind}/${item.owner.name}` : '';
  if (item.pod) return `${podSignature(podItemOf(item, color, false), r.w, lang)}|${owner}`;
  const rep = item.replicas;
  return [lang, r.w, r.h, item.kind, item.name, color, rep?.desired, rep?.current, rep?.ready, item.revision, item.images?.join(','), item.detail, item.idle, item.terminating, owner].join('|');
}

function claimCategory(phase: string): PhaseCategory {
  if (phase === 'Bound') return 'running';
  if (phase === 'Lost') return 'failed';
  return 'pending';
}

/** (Re)draws one owner-view object: a pod chip, a claim chip, or a workload box. */
export function drawItemContent(g: SVGGElement, item: OwnerItem, r: Rect, color: string, system: boolean, t: Translate): void {
  if (item.pod) {
    drawPodContent(g, podItemOf(item, color, system), r.w, r.h, t);
    return;
  }
  g.replaceChildren();
  if (item.kind === 'PersistentVolumeClaim') {
    const phase = item.detail ?? 'Pending';
    const cat = claimCategory(phase);
    el(g, 'rect', { class: 'ko-chip-bg ko-claim-bg', width: r.w, height: r.h, rx: 6 });
    el(g, 'rect', { class: 'ko-halo', x: -3, y: -3, width: r.w + 6, height: r.h + 6, rx: 9 });
    el(g, 'use', { class: `ko-chip-icon ko-ph-${cat}`, href: `#ko-icon-${cat}`, x: 12, y: (r.h - 16) / 2, width: 16, height: 16 });
    el(g, 'text', { class: 'ko-chip-name', x: 34, y: 14 }, fittedLabel(item.name, r.w - 42, 12, 600));
    el(g, 'text', { class: `ko-chip-status ko-ph-${cat}`, x: 34, y: 27 }, fittedLabel(`PVC · ${phase}`, r.w - 42, 10.5, 500));
    el(g, 'title', {}, `PersistentVolumeClaim ${item.namespace}/${item.name} — ${phase}`);
    return;
  }
  el(g, 'rect', { class: 'ko-owner-bg', width: r.w, height: r.h, rx: 8 });
  el(g, 'rect', { class: 'ko-chip-tint', width: r.w, height: r.h, rx: 8, fill: color });
  el(g, 'rect', { class: 'ko-chip-stripe', width: 4, height: r.h - 10, x: 3, y: 5, rx: 2, fill: color });
  el(g, 'rect', { class: 'ko-halo', x: -3, y: -3, width: r.w + 6, height: r.h + 6, rx: 11 });
  let right = r.w - 10;
  if (item.revision) {
    const label = t('owners.revision', { revision: item.revision });
    const w = textWidth(label, 10.5, 600) + 14;
    right -= w;
    el(g, 'rect', { class: 'ko-owner-rev', x: right, y: 6, width: w, height: 17, rx: 8.5 });
    el(g, 'text', { class: 'ko-owner-rev-text', x: right + w / 2, y: 18, 'text-anchor': 'middle' }, label);
    right -= 6;
  }
  el(g, 'text', { class: 'ko-owner-kind', x: 14, y: 18 }, fittedLabel(item.kind, right - 14, 10.5, 600));
  el(g, 'text', { class: 'ko-owner-name', x: 14, y: 36 }, fittedLabel(item.name, r.w - 24, 13, 650));
  const counts = countsLine(item, t);
  const ready = item.replicas ? item.replicas.ready >= item.replicas.desired && item.replicas.current === item.replicas.desired : !item.idle;
  el(g, 'text', { class: `ko-owner-counts${ready ? '' : ' ko-owner-counts-busy'}`, x: 14, y: 51 }, fittedLabel(counts, r.w - 24, 11, 500));
  const image = item.images?.join(', ');
  if (image) el(g, 'text', { class: 'ko-owner-image', x: 14, y: 64 }, fittedLabel(image, r.w - 24, 10.5, 400));
  const tip = [`${item.kind} ${item.namespace}/${item.name}`, counts, image, item.revision ? `deployment.kubernetes.io/revision: ${item.revision}` : ''].filter(Boolean).join('\n');
  el(g, 'title', {}, tip);
}
