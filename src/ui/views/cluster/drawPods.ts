import type { PodItem } from './scene';
import type { Translate } from './drawNodes';
import { textWidth } from './measure';
import { el } from '../svgElement';

/** Cuts a label to `max` characters, keeping the end of generated names (the random suffix tells replicas apart). */
export function fitLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  const keep = Math.max(3, max);
  const tail = Math.min(6, Math.floor((keep - 1) / 2));
  return `${label.slice(0, keep - 1 - tail)}…${label.slice(label.length - tail)}`;
}

/** The longest `fitLabel` cut of `label` that fits `px` at the given font. */
export function fittedLabel(label: string, px: number, size: number, weight: number): string {
  if (textWidth(label, size, weight) <= px) return label;
  let lo = 4;
  let hi = label.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(fitLabel(label, mid), size, weight) <= px) lo = mid;
    else hi = mid - 1;
  }
  return fitLabel(label, lo);
}

export function podSignature(p: PodItem, w: number, lang: string): string {
  const s = p.status;
  return [lang, w, p.name, p.namespace, p.color, s.text, s.category, s.ready, s.total, s.restarts, p.node].join('|');
}

/** (Re)draws the inside of one pod chip: namespace tint and stripe, phase icon, name, status. */
export function drawPodContent(g: SVGGElement, p: PodItem, w: number, h: number, t: Translate): void {
  g.replaceChildren();
  const s = p.status;
  el(g, 'rect', { class: 'ko-chip-bg', width: w, height: h, rx: 6 });
  el(g, 'rect', { class: 'ko-chip-tint', width: w, height: h, rx: 6, fill: p.color });
  el(g, 'rect', { class: 'ko-chip-stripe', width: 4, height: h - 8, x: 3, y: 4, rx: 2, fill: p.color });
  el(g, 'rect', { class: 'ko-halo', x: -3, y: -3, width: w + 6, height: h + 6, rx: 9 });
  // Positioned by a wrapper, not x/y: the spinning icon rotates about its fill-box, which x/y on <use> would leave behind.
  const slot = el(g, 'g', { transform: `translate(12,${(h - 16) / 2})` });
  el(slot, 'use', { class: `ko-chip-icon ko-ph-${s.category}`, href: `#ko-icon-${s.category}`, width: 16, height: 16 });
  el(g, 'text', { class: 'ko-chip-name', x: 34, y: 14 }, fittedLabel(p.name, w - 42, 12, 600));
  const extra = s.restarts > 0 ? ` · ${t('pod.restarts', { count: s.restarts })}` : s.total > 1 ? ` · ${s.ready}/${s.total}` : '';
  el(g, 'text', { class: `ko-chip-status ko-ph-${s.category}`, x: 34, y: 27 }, fittedLabel(s.text + extra, w - 42, 10.5, 500));
  el(g, 'title', {}, `${p.namespace}/${p.name} — ${s.text}`);
}
