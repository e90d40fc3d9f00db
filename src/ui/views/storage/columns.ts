import type { PhaseCategory } from '../model/podStatus';

/**
 * A left-to-right flow drawn as columns of boxes joined by links: the Storage view
 * (StorageClass → PV ⇄ PVC → Pod) and the Config view (ConfigMap/Secret → use → Pod) share it.
 * The model is plain data (already translated) so it can be tested without a DOM.
 */

export interface ColumnItem {
  /** Unique in the scene, stable across ticks (so boxes tween instead of blinking). */
  id: string;
  column: number;
  /** Kubernetes kind for `data-kind` and selection; '' for boxes that are not objects (a use of a Secret). */
  kind: string;
  name: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  /** The phase word (`Bound`, `Pending`, `Running`), shown with its icon; '' for none. */
  phase: string;
  category: PhaseCategory;
  /** Small heading above the name (`StorageClass`, `Secret · Opaque`). */
  heading: string;
  /** Marked beside the heading, e.g. `default` for the default StorageClass. */
  badge?: string;
  /** Detail lines, already in the UI language. */
  lines: string[];
  /** Why it waits or what is wrong: drawn in its own emphasised line. */
  note?: string;
  /** Referenced but absent: drawn dashed with ✕. */
  missing?: boolean;
  /** Store resource and key whose change pulses this box. */
  resource: string;
  key: string;
  aria: string;
  /** Extra `data-*` attributes (without the prefix). */
  data?: Record<string, string>;
}

export type LinkStyle = 'solid' | 'bound' | 'pending' | 'broken' | 'optional';

export interface ColumnLink {
  id: string;
  from: string;
  to: string;
  style: LinkStyle;
  /** Tooltip / accessible description. */
  title: string;
}

export interface ColumnScene {
  columns: string[];
  items: ColumnItem[];
  links: ColumnLink[];
  /** Banner text above the columns (an empty state or a cluster-wide warning). */
  banners: { id: string; text: string }[];
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** An item's text as drawn: each line (and the note) wrapped to the column width. */
export interface WrappedText {
  lines: string[][];
  note: string[];
}

/** Splits a text into rows no wider than `width` (the renderer measures; tests keep one row). */
export type Wrap = (text: string, width: number) => string[];

export interface ColumnLayout {
  width: number;
  height: number;
  items: Map<string, Rect>;
  text: Map<string, WrappedText>;
  heads: { text: string; x: number; y: number; w: number }[];
  banners: { id: string; text: string; rows: string[]; x: number; y: number }[];
  links: { link: ColumnLink; d: string; mid: { x: number; y: number } }[];
}

export const COL = {
  margin: 16,
  gap: 56,
  narrowGap: 30,
  minW: 140,
  maxW: 280,
  head: 44,
  line: 15,
  pad: 10,
  itemGap: 12,
  banner: 22,
  headRow: 28,
};

export function itemHeight(text: WrappedText): number {
  const rows = text.lines.reduce((n, l) => n + l.length, 0) + text.note.length;
  return COL.head + rows * COL.line + COL.pad;
}

/** Wraps by words (a word longer than the row stays whole; the renderer fits it). */
export function wrapWords(text: string, width: number, measure: (s: string) => number, maxRows = 4): string[] {
  if (measure(text) <= width) return [text];
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(' ')) {
    const next = row ? `${row} ${word}` : word;
    if (row && measure(next) > width) {
      rows.push(row);
      row = word;
    } else row = next;
  }
  if (row) rows.push(row);
  if (rows.length <= maxRows) return rows;
  return [...rows.slice(0, maxRows - 1), rows.slice(maxRows - 1).join(' ')];
}

/**
 * Orders each column after the first by where its linked boxes sit in the column before it
 * (a one-pass barycentre), so links mostly run straight across.
 */
export function orderColumns(scene: ColumnScene): ColumnItem[][] {
  const cols: ColumnItem[][] = scene.columns.map(() => []);
  for (const it of scene.items) cols[it.column]?.push(it);
  const neighbours = new Map<string, string[]>();
  for (const l of scene.links) {
    neighbours.set(l.from, [...(neighbours.get(l.from) ?? []), l.to]);
    neighbours.set(l.to, [...(neighbours.get(l.to) ?? []), l.from]);
  }
  const index = new Map<string, number>();
  cols.forEach((col, c) => {
    if (c > 0) {
      const rank = (it: ColumnItem) => {
        const ranks = (neighbours.get(it.id) ?? []).map((n) => index.get(n)).filter((n): n is number => n !== undefined);
        return ranks.length ? Math.min(...ranks) : Number.MAX_SAFE_INTEGER;
      };
      const original = new Map(col.map((it, i) => [it.id, i]));
      col.sort((a, b) => rank(a) - rank(b) || (original.get(a.id) ?? 0) - (original.get(b.id) ?? 0));
    }
    col.forEach((it, i) => index.set(it.id, c * 100000 + i));
  });
  return cols;
}

/** Columns side by side at `width` (wider than the host scrolls), boxes stacked, links as curves. */
export function computeColumnLayout(scene: ColumnScene, width: number, wrap: Wrap = (t) => [t]): ColumnLayout {
  const n = Math.max(1, scene.columns.length);
  const gap = width < 200 * n + 56 * (n - 1) ? COL.narrowGap : COL.gap;
  const colW = Math.max(COL.minW, Math.min(COL.maxW, Math.floor((width - 2 * COL.margin - (n - 1) * gap) / n)));
  const total = 2 * COL.margin + n * colW + (n - 1) * gap;
  const text = new Map<string, WrappedText>();
  for (const it of scene.items) {
    text.set(it.id, {
      lines: it.lines.map((l, i) => wrap(l, colW - (i === 0 && it.phase ? 40 : 22))),
      note: it.note ? wrap(it.note, colW - 22) : [],
    });
  }
  let top = COL.margin;
  // Banners are 13px; the wrap measures 11px text, so give it the width scaled down.
  const bannerWidth = Math.floor(((width - 2 * COL.margin - 8) * 11) / 13);
  const banners = scene.banners.map((b) => {
    const rows = wrap(b.text, bannerWidth);
    const out = { ...b, rows, x: COL.margin + 4, y: top + 15 };
    top += COL.banner + (rows.length - 1) * 18;
    return out;
  });
  if (banners.length) top += 6;
  const heads = scene.columns.map((label, c) => ({ text: label, x: COL.margin + c * (colW + gap), y: top + 16, w: colW }));
  top += COL.headRow;
  const items = new Map<string, Rect>();
  let bottom = top;
  orderColumns(scene).forEach((col, c) => {
    let y = top;
    const x = COL.margin + c * (colW + gap);
    for (const it of col) {
      const h = itemHeight(text.get(it.id) as WrappedText);
      items.set(it.id, { x, y, w: colW, h });
      y += h + COL.itemGap;
    }
    bottom = Math.max(bottom, y);
  });
  const links = scene.links.flatMap((link) => {
    const a = items.get(link.from);
    const b = items.get(link.to);
    if (!a || !b) return [];
    const [l, r] = a.x <= b.x ? [a, b] : [b, a];
    const x1 = l.x + l.w;
    const y1 = l.y + Math.min(l.h / 2, 30);
    const x2 = r.x;
    const y2 = r.y + Math.min(r.h / 2, 30);
    const dx = Math.max(24, (x2 - x1) / 2);
    const d = `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`;
    return [{ link, d, mid: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } }];
  });
  return { width: Math.max(width, total), height: bottom + COL.margin, items, text, heads, banners, links };
}
