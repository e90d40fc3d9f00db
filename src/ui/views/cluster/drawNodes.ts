import type { Selection } from 'd3';
import type { NodeItem } from './scene';
import type { Rect } from './layout';
import { formatCpu } from '../../../sim/quantity';
import { approxMemory } from '../model/quantity';
import { textWidth } from './measure';
import { el } from '../svgElement';

export type Translate = (key: string, opts?: Record<string, unknown>) => string;

/** A rounded pill with a label; returns its width so the caller can lay the next one out. */
function pill(parent: Element, x: number, y: number, label: string, cls: string, icon?: string): number {
  const g = el(parent, 'g', { class: `ko-pill ${cls}`, transform: `translate(${x},${y})` });
  const rect = el(g, 'rect', { height: 20, rx: 10 });
  let tx = 9;
  if (icon) {
    el(g, 'use', { href: `#ko-icon-${icon}`, x: 6, y: 3, width: 14, height: 14 });
    tx = 24;
  }
  el(g, 'text', { x: tx, y: 14 }, label);
  const w = tx + textWidth(label, 11, 600) + 9;
  rect.setAttribute('width', String(w));
  return w;
}

function bar(parent: Element, x: number, y: number, w: number, label: string, used: number, total: number, value: string): void {
  const ratio = total > 0 ? Math.min(1, used / total) : 0;
  el(parent, 'text', { class: 'ko-bar-label', x, y }, label);
  el(parent, 'text', { class: 'ko-bar-value', x: x + w, y, 'text-anchor': 'end' }, value);
  el(parent, 'rect', { class: 'ko-bar-track', x, y: y + 5, width: w, height: 6, rx: 3 });
  const level = ratio >= 0.9 ? 'high' : ratio >= 0.7 ? 'mid' : 'low';
  if (ratio > 0) el(parent, 'rect', { class: `ko-bar-fill ko-bar-${level}`, x, y: y + 5, width: Math.max(3, w * ratio), height: 6, rx: 3 });
}

/** Signature of what a node box shows, so an unchanged box is not redrawn on every tick. */
export function nodeSignature(n: NodeItem, r: Rect, lang: string): string {
  const s = n.summary;
  return [lang, r.w, r.h, s.ready, s.controlPlane, s.noSchedule.join(','), s.unschedulable, s.podCIDR, s.cpu.requested, s.cpu.allocatable, s.memory.requested, s.memory.allocatable, n.pods.length].join('|');
}

/** (Re)draws the inside of one node box. Positioning is the caller's job. */
export function drawNodeContent(g: SVGGElement, n: NodeItem, r: Rect, t: Translate): void {
  g.replaceChildren();
  const s = n.summary;
  el(g, 'rect', { class: 'ko-node-box', width: r.w, height: r.h, rx: 10 });
  el(g, 'rect', { class: 'ko-halo', x: -3, y: -3, width: r.w + 6, height: r.h + 6, rx: 13 });
  el(g, 'text', { class: 'ko-node-name', x: 14, y: 24 }, s.name);
  el(g, 'text', { class: 'ko-node-count', x: r.w - 14, y: 24, 'text-anchor': 'end' }, t('node.pods', { count: n.pods.length }));

  let x = 14;
  const readyIcon = s.ready === 'True' ? 'running' : s.ready === 'False' ? 'failed' : 'unknown';
  const readyText = s.ready === 'True' ? t('node.ready') : s.ready === 'False' ? t('node.notReady') : t('node.unknown');
  x += pill(g, x, 34, readyText, `ko-pill-ready ko-ready-${s.ready.toLowerCase()}`, readyIcon) + 6;
  if (s.controlPlane) x += pill(g, x, 34, t('node.controlPlane'), 'ko-pill-role') + 6;
  if (s.noSchedule.length) {
    x += pill(g, x, 34, 'NoSchedule', 'ko-pill-taint') + 6;
    // The badge names the effect; the taint keys are one hover away.
    el(g.lastElementChild as Element, 'title', {}, t('node.taintTitle', { keys: s.noSchedule.join(', ') }));
  }
  if (s.unschedulable) pill(g, x, 34, 'SchedulingDisabled', 'ko-pill-taint');

  el(g, 'text', { class: 'ko-node-cidr', x: 14, y: 72 }, `podCIDR ${s.podCIDR || '—'}`);

  const bw = (r.w - 28 - 16) / 2;
  bar(g, 14, 88, bw, t('node.cpu'), s.cpu.requested, s.cpu.allocatable, `${formatCpu(s.cpu.requested)} / ${formatCpu(s.cpu.allocatable)}`);
  bar(g, 14 + bw + 16, 88, bw, t('node.memory'), s.memory.requested, s.memory.allocatable, `${approxMemory(s.memory.requested)} / ${approxMemory(s.memory.allocatable)}`);

  if (n.pods.length === 0) el(g, 'text', { class: 'ko-empty', x: r.w / 2, y: 104 + 19, 'text-anchor': 'middle' }, t('node.empty'));
}

export type NodeSelection = Selection<SVGGElement, NodeItem, SVGGElement, unknown>;
