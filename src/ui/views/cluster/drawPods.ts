import type { PodItem } from './scene';
import type { Translate } from './drawNodes';

const SVG = 'http://www.w3.org/2000/svg';
/** Average glyph width at the chip's font size; measuring hundreds of labels per tick is not worth it. */
const NAME_CHAR_PX = 6.9;
const STATUS_CHAR_PX = 6.1;

function el<K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  parent.appendChild(e);
  return e;
}

/** Cuts a label to fit `px`, keeping the end of generated names (the random suffix tells replicas apart). */
export function fitLabel(label: string, px: number, charPx: number): string {
  const max = Math.max(4, Math.floor(px / charPx));
  if (label.length <= max) return label;
  const tail = Math.min(6, Math.floor((max - 1) / 2));
  return `${label.slice(0, max - 1 - tail)}…${label.slice(label.length - tail)}`;
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
  el(g, 'use', { class: `ko-chip-icon ko-ph-${s.category}`, href: `#ko-icon-${s.category}`, x: 12, y: (h - 16) / 2, width: 16, height: 16 });
  el(g, 'text', { class: 'ko-chip-name', x: 34, y: 14 }, fitLabel(p.name, w - 42, NAME_CHAR_PX));
  const extra = s.restarts > 0 ? ` · ${t('pod.restarts', { count: s.restarts })}` : s.total > 1 ? ` · ${s.ready}/${s.total}` : '';
  el(g, 'text', { class: `ko-chip-status ko-ph-${s.category}`, x: 34, y: 27 }, fitLabel(s.text + extra, w - 42, STATUS_CHAR_PX));
  el(g, 'title', {}, `${p.namespace}/${p.name} — ${s.text}`);
}
