import type { Rect } from '../cluster/layout';
import { curvePath, elbowPath } from '../owners/layout';
import type { PodEntry, ServiceItem, ServiceNamespace, ServiceScene } from './model';

export const SVC_METRICS = {
  margin: 16,
  bandGap: 14,
  bandHeader: 32,
  bandPad: 12,
  rowGap: 14,
  svcMin: 230,
  svcMax: 280,
  svcHead: 42,
  line: 15,
  selW: 132,
  chipH: 22,
  chipGap: 6,
  podH: 50,
  podGap: 6,
  podMin: 184,
  podMax: 236,
  groupHead: 22,
  /** Pods drawn per group before the rest fold into a "+N more" chip (1,000-pod namespaces stay light). */
  visible: 24,
  compactBelow: 720,
  indent: 22,
} as const;
const M = SVC_METRICS;

/** The lines a Service box prints under its name (the renderer writes them; the layout counts them). */
export function serviceLines(s: ServiceItem): string[] {
  const lines: string[] = [];
  if (s.type === 'ExternalName') lines.push(`cname ${s.externalName ?? ''}`);
  else lines.push(s.headless ? 'headless' : 'clusterIP');
  if (s.ports.length) lines.push('ports');
  if (s.nodePorts.length) lines.push('nodePort');
  if (s.type === 'LoadBalancer') {
    lines.push('externalIP');
    if (s.externalIP === '<pending>') lines.push('lbNote');
  }
  if (s.loose.length) lines.push('loose');
  if (s.type !== 'ExternalName') lines.push(s.selector.length ? 'counts' : 'noSelector');
  return lines;
}

export function serviceBoxHeight(s: ServiceItem): number {
  return M.svcHead + serviceLines(s).length * M.line + 8;
}

export interface SvcLink {
  id: string;
  /** The pod end (pod id or a "more" chip id), for highlighting a traced request. */
  to: string;
  service: string;
  d: string;
}

export interface GroupLabel {
  id: string;
  x: number;
  y: number;
  kind: 'unselected' | 'noServices' | 'shared';
  namespace: string;
  count?: number;
}

export interface MoreChip {
  id: string;
  rect: Rect;
  hidden: number;
  expanded: boolean;
}

export interface ServiceLayout {
  compact: boolean;
  width: number;
  height: number;
  bands: { namespace: string; rect: Rect }[];
  services: Map<string, Rect>;
  selectors: { id: string; service: string; text: string; rect: Rect }[];
  pods: Map<string, Rect>;
  more: MoreChip[];
  links: SvcLink[];
  labels: GroupLabel[];
  /** Service box → its selector chips: solid, the selector belongs to the Service. */
  stems: { id: string; d: string }[];
  podW: number;
}

interface Grid {
  x: number;
  cols: number;
  w: number;
}

/** Pods of one group, folded past `visible` unless the learner expanded it. */
function shown(pods: readonly PodEntry[], groupId: string, expanded: ReadonlySet<string>): { pods: readonly PodEntry[]; hidden: number } {
  if (pods.length <= M.visible || expanded.has(groupId)) return { pods, hidden: 0 };
  return { pods: pods.slice(0, M.visible - 1), hidden: pods.length - (M.visible - 1) };
}

function placeGrid(pods: readonly PodEntry[], hidden: number, groupId: string, expanded: boolean, grid: Grid, y: number, out: ServiceLayout): number {
  const n = pods.length + (hidden || expanded ? 1 : 0);
  for (let i = 0; i < n; i++) {
    const r: Rect = { x: grid.x + (i % grid.cols) * (grid.w + M.podGap), y: y + Math.floor(i / grid.cols) * (M.podH + M.podGap), w: grid.w, h: M.podH };
    const p = pods[i];
    if (p) out.pods.set(p.id, r);
    else out.more.push({ id: `more|${groupId}`, rect: { ...r, h: 30 }, hidden, expanded });
  }
  if (n === 0) return 0;
  const rows = Math.ceil(n / grid.cols);
  return rows * M.podH + (rows - 1) * M.podGap;
}

function gridOf(x: number, w: number): Grid {
  const cols = Math.max(1, Math.floor((w + M.podGap) / (M.podMin + M.podGap)));
  return { x, cols, w: Math.floor(Math.min(M.podMax, (w - (cols - 1) * M.podGap) / cols)) };
}

/** Selector chips stacked (wide) or in a row (compact); returns their block's height. */
function placeSelectors(s: ServiceItem, x: number, y: number, maxW: number, stack: boolean, out: ServiceLayout, textW: (t: string) => number): number {
  let cx = x;
  let cy = y;
  for (const text of s.selector) {
    const w = Math.min(maxW, textW(text) + 18);
    if (!stack && cx > x && cx + w > x + maxW) {
      cx = x;
      cy += M.chipH + M.chipGap;
    }
    out.selectors.push({ id: `${s.id}|${text}`, service: s.id, text, rect: { x: cx, y: cy, w, h: M.chipH } });
    if (stack) cy += M.chipH + M.chipGap;
    else cx += w + M.chipGap;
  }
  if (!s.selector.length) return 0;
  return stack ? cy - y - M.chipGap : cy - y + M.chipH;
}

/**
 * Per namespace band: rows of Service box | selector chips | the pods it is first to select,
 * then the pods no Service selects. Below `compactBelow` (details pane open) everything stacks.
 * Links are made after every pod has a place, since a pod may sit in another Service's row.
 */
export function computeServiceLayout(scene: ServiceScene, width: number, expanded: ReadonlySet<string>, textW: (t: string) => number, top: number = M.margin): ServiceLayout {
  const compact = width < M.compactBelow;
  const full = Math.max(width, compact ? 320 : 720);
  const x0 = M.margin + M.bandPad;
  const inner = full - 2 * (M.margin + M.bandPad);
  const svcW = compact ? Math.min(360, inner) : Math.round(Math.min(M.svcMax, Math.max(M.svcMin, inner * 0.24)));
  const selX = x0 + svcW + 20;
  const podsX = compact ? x0 + M.indent : selX + M.selW + 40;
  const grid = gridOf(podsX, x0 + inner - podsX);
  const out: ServiceLayout = { compact, width: full, height: 0, bands: [], services: new Map(), selectors: [], pods: new Map(), more: [], links: [], labels: [], stems: [], podW: grid.w };
  const anchors = new Map<string, { x: number; y: number }>();

  let y = top;
  for (const ns of scene.namespaces) {
    const bandTop = y;
    y += M.bandHeader;
    for (const row of ns.rows) {
      const s = row.service;
      const boxH = serviceBoxHeight(s);
      const box: Rect = { x: x0, y, w: svcW, h: boxH };
      out.services.set(s.id, box);
      const groupId = `svc|${s.id}`;
      const { pods, hidden } = shown(row.pods, groupId, expanded);
      if (compact) {
        const selH = placeSelectors(s, x0, y + boxH + 8, inner, false, out, textW);
        const podsTop = y + boxH + 8 + (selH ? selH + 10 : 0);
        const gh = placeGrid(pods, hidden, groupId, expanded.has(groupId), grid, podsTop, out);
        anchors.set(s.id, { x: x0 + 10, y: selH ? y + boxH + 8 + selH : y + boxH });
        // Its pods are drawn under an earlier Service: say so, a line up through the boxes would hide.
        const elsewhere = s.podIds.length - row.pods.length;
        if (elsewhere > 0 && !row.pods.length) {
          out.labels.push({ id: `shared|${s.id}`, x: x0 + M.indent, y: podsTop + 12, kind: 'shared', namespace: ns.namespace, count: elsewhere });
          y = podsTop + 20 + M.rowGap;
        } else y = podsTop + gh - (gh ? 0 : 10) + M.rowGap;
      } else {
        const first = out.selectors.length;
        const selH = placeSelectors(s, selX, y + 8, M.selW, true, out, textW);
        const chipsRight = out.selectors.slice(first).reduce((m, c) => Math.max(m, c.rect.x + c.rect.w), selX);
        const gh = placeGrid(pods, hidden, groupId, expanded.has(groupId), grid, y, out);
        anchors.set(s.id, { x: selH ? chipsRight : x0 + svcW, y: selH ? y + 8 + selH / 2 : y + boxH / 2 });
        if (selH) out.stems.push({ id: `stem|${s.id}`, d: `M${x0 + svcW},${y + 8 + M.chipH / 2}H${selX}` });
        y += Math.max(boxH, selH + 16, gh) + M.rowGap;
      }
    }
    if (!ns.rows.length) {
      out.labels.push({ id: `none|${ns.namespace}`, x: x0, y: y + 12, kind: 'noServices', namespace: ns.namespace });
      y += 24;
    }
    if (ns.unselected.length) {
      out.labels.push({ id: `uns|${ns.namespace}`, x: x0, y: y + 14, kind: 'unselected', namespace: ns.namespace });
      y += M.groupHead;
      const groupId = `uns|${ns.namespace}`;
      const { pods, hidden } = shown(ns.unselected, groupId, expanded);
      const g = gridOf(x0, inner);
      y += placeGrid(pods, hidden, groupId, expanded.has(groupId), { ...g, w: Math.min(g.w, grid.w) }, y, out) + M.rowGap;
    }
    const rect: Rect = { x: M.margin, y: bandTop, w: full - 2 * M.margin, h: y - bandTop - M.rowGap + M.bandPad };
    out.bands.push({ namespace: ns.namespace, rect });
    y = rect.y + rect.h + M.bandGap;
  }
  out.height = Math.max(y, top + 60);
  linkAll(scene.namespaces, out, anchors, compact);
  return out;
}

function groupOf(p: PodEntry, s: ServiceItem, map: Map<string, string>): void {
  map.set(p.id, `svc|${s.id}`);
}

/** A dashed selector link from each Service to every drawn pod it selects (and to its group's "more" chip). */
function linkAll(namespaces: readonly ServiceNamespace[], out: ServiceLayout, anchors: Map<string, { x: number; y: number }>, compact: boolean): void {
  const moreByGroup = new Map(out.more.map((m) => [m.id, m]));
  for (const ns of namespaces) {
    const groupOfPod = new Map<string, string>();
    for (const row of ns.rows) for (const p of row.pods) groupOf(p, row.service, groupOfPod);
    for (const row of ns.rows) {
      const s = row.service;
      const a = anchors.get(s.id);
      if (!a) continue;
      const targets = new Set<string>();
      for (const podId of s.podIds) {
        const r = out.pods.get(podId);
        if (!r) {
          // Folded away: one link to the "more" chip of the group the pod sits in.
          const group = groupOfPod.get(podId);
          if (group) targets.add(`more|${group}`);
          continue;
        }
        const x2 = r.x;
        const y2 = r.y + r.h / 2;
        // In the stacked layout only the first chip of a grid row gets a line; the row reads as one group.
        if (compact && Math.abs(x2 - (out.pods.get(row.pods[0]?.id ?? '')?.x ?? x2)) > 1) continue;
        out.links.push({ id: `${s.id}>${podId}`, to: podId, service: s.id, d: compact ? elbowPath(a.x, a.y, x2, y2) : curvePath(a.x, a.y, x2, y2) });
      }
      for (const id of targets) {
        const m = moreByGroup.get(id);
        if (m) out.links.push({ id: `${s.id}>${id}`, to: id, service: s.id, d: compact ? elbowPath(a.x, a.y, m.rect.x, m.rect.y + m.rect.h / 2) : curvePath(a.x, a.y, m.rect.x, m.rect.y + m.rect.h / 2) });
      }
    }
  }
}
