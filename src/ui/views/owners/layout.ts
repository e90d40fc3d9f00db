import type { Rect } from '../cluster/layout';
import type { NamespaceGroup, OwnerItem } from './tree';

/**
 * Layered columns per namespace band: workloads | ReplicaSets · Jobs | Pods. A parent is
 * centred on the block its children fill (a tidy tree turned sideways); pods fill a grid
 * beside their owner so a ReplicaSet of ten does not run off the screen.
 */
export const OWNER_METRICS = {
  margin: 16,
  header: 28,
  bandGap: 14,
  bandHeader: 30,
  bandPad: 12,
  columnGap: 34,
  boxHeight: 72,
  minBox: 168,
  maxBox: 260,
  /** Room the pod column keeps for one chip before the boxes take the rest. */
  minPods: 200,
  rowGap: 12,
  chipHeight: 30,
  chipGap: 6,
  minChip: 150,
  maxChip: 210,
  /** Below this width the columns become an indented outline (details panel open, small screens). */
  compactBelow: 640,
  indent: 22,
  compactGap: 8,
  maxCompactBox: 340,
} as const;

export interface OwnerLink {
  id: string;
  /** The child end: the owned object, or the first pod of a row of pods. */
  childId: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path: an S-curve between columns, an elbow in the outline. */
  d: string;
  /** A StatefulSet's claim is tied by name, not by an ownerReference: drawn dashed, not solid. */
  byName?: boolean;
}

export interface OwnerLayout {
  /** Outline mode: one column, children indented under their owner. */
  compact: boolean;
  width: number;
  height: number;
  columns: { x: number; w: number }[];
  bands: { namespace: string; rect: Rect }[];
  rects: Map<string, Rect>;
  links: OwnerLink[];
  chip: { w: number; h: number };
}

/** A horizontal S-curve from an owner's right edge to what it owns. */
export function curvePath(x1: number, y1: number, x2: number, y2: number): string {
  const mx = (x1 + x2) / 2;
  return `M${x1},${y1}C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
}

/** Down from under the owner, then across to the child: the outline's connector. */
export function elbowPath(x1: number, y1: number, x2: number, y2: number): string {
  return `M${x1},${y1}V${y2}H${x2}`;
}

interface Ctx {
  columns: { x: number; w: number }[];
  grid: { cols: number; w: number };
  rects: Map<string, Rect>;
  links: OwnerLink[];
}

const M = OWNER_METRICS;

function gridHeight(n: number, cols: number): number {
  if (n === 0) return 0;
  const rows = Math.ceil(n / cols);
  return rows * M.chipHeight + (rows - 1) * M.chipGap;
}

function isLeaf(i: OwnerItem): boolean {
  return i.column === 2;
}

/** Height a list of siblings needs: subtrees stacked, then the leaves' grid. */
function blockHeight(items: readonly OwnerItem[], ctx: Ctx): number {
  const trees = items.filter((i) => !isLeaf(i));
  const leaves = items.length - trees.length;
  let h = 0;
  for (const t of trees) h += subtreeHeight(t, ctx) + M.rowGap;
  if (leaves) h += gridHeight(leaves, ctx.grid.cols);
  else if (trees.length) h -= M.rowGap;
  return h;
}

function subtreeHeight(item: OwnerItem, ctx: Ctx): number {
  return Math.max(M.boxHeight, blockHeight(item.children, ctx));
}

function link(parent: { id: string; x: number; y: number }, child: OwnerItem, r: Rect): OwnerLink {
  const y2 = r.y + r.h / 2;
  const l: OwnerLink = { id: `${parent.id}>${child.id}`, childId: child.id, x1: parent.x, y1: parent.y, x2: r.x, y2, d: curvePath(parent.x, parent.y, r.x, y2) };
  if (child.kind === 'PersistentVolumeClaim') l.byName = true;
  return l;
}

/** Places siblings from `y`; links each to `parent` (its right-middle), if any. */
function placeBlock(items: readonly OwnerItem[], y: number, ctx: Ctx, parent?: { id: string; x: number; y: number }): void {
  let cursor = y;
  for (const t of items.filter((i) => !isLeaf(i))) {
    const h = subtreeHeight(t, ctx);
    placeTree(t, cursor, h, ctx);
    if (parent) {
      const r = ctx.rects.get(t.id) as Rect;
      ctx.links.push(link(parent, t, r));
    }
    cursor += h + M.rowGap;
  }
  const leaves = items.filter(isLeaf);
  const col = ctx.columns[2] as { x: number; w: number };
  leaves.forEach((leaf, i) => {
    const row = Math.floor(i / ctx.grid.cols);
    const c = i % ctx.grid.cols;
    const r: Rect = { x: col.x + c * (ctx.grid.w + M.chipGap), y: cursor + row * (M.chipHeight + M.chipGap), w: ctx.grid.w, h: M.chipHeight };
    ctx.rects.set(leaf.id, r);
    if (parent && (c === 0 || leaf.kind === 'PersistentVolumeClaim')) ctx.links.push(link(parent, leaf, r));
  });
}

function placeTree(item: OwnerItem, y: number, h: number, ctx: Ctx): void {
  const col = ctx.columns[item.column] as { x: number; w: number };
  const box: Rect = { x: col.x, y: y + (h - M.boxHeight) / 2, w: col.w, h: M.boxHeight };
  ctx.rects.set(item.id, box);
  const inner = blockHeight(item.children, ctx);
  placeBlock(item.children, y + (h - inner) / 2, ctx, { id: item.id, x: box.x + box.w, y: box.y + box.h / 2 });
}

/** The outline: each object on its own line, indented by its column, children right under it. */
function computeCompact(groups: readonly NamespaceGroup[], width: number): OwnerLayout {
  const full = Math.max(width, 300);
  const x0 = M.margin + M.bandPad;
  const avail = full - 2 * (M.margin + M.bandPad);
  const colX = (c: number) => x0 + c * M.indent;
  const columns = [0, 1, 2].map((c) => ({ x: colX(c), w: Math.min(M.maxCompactBox, avail - c * M.indent) }));
  const podsW = avail - 2 * M.indent;
  const cols = Math.max(1, Math.floor((podsW + M.chipGap) / (M.minChip + M.chipGap)));
  // One chip per row here: let it use the width the names need.
  const chipW = Math.floor(Math.min(cols === 1 ? M.maxCompactBox : M.maxChip, (podsW - (cols - 1) * M.chipGap) / cols));
  const rects = new Map<string, Rect>();
  const links: OwnerLink[] = [];
  let y = M.margin;

  const place = (items: readonly OwnerItem[], parent?: { id: string; x: number; y: number }) => {
    for (const item of items.filter((i) => !isLeaf(i))) {
      const col = columns[item.column] as { x: number; w: number };
      const r: Rect = { x: col.x, y, w: col.w, h: M.boxHeight };
      rects.set(item.id, r);
      if (parent) links.push({ id: `${parent.id}>${item.id}`, childId: item.id, x1: parent.x, y1: parent.y, x2: r.x, y2: r.y + r.h / 2, d: elbowPath(parent.x, parent.y, r.x, r.y + r.h / 2) });
      y += M.boxHeight + M.compactGap;
      place(item.children, { id: item.id, x: r.x + 10, y: r.y + r.h });
    }
    const leaves = items.filter(isLeaf);
    leaves.forEach((leaf, i) => {
      const c = i % cols;
      if (i > 0 && c === 0) y += M.chipHeight + M.chipGap;
      const r: Rect = { x: colX(2) + c * (chipW + M.chipGap), y, w: chipW, h: M.chipHeight };
      rects.set(leaf.id, r);
      if (parent && (c === 0 || leaf.kind === 'PersistentVolumeClaim')) {
        const l: OwnerLink = { id: `${parent.id}>${leaf.id}`, childId: leaf.id, x1: parent.x, y1: parent.y, x2: r.x, y2: r.y + r.h / 2, d: elbowPath(parent.x, parent.y, r.x, r.y + r.h / 2) };
        if (leaf.kind === 'PersistentVolumeClaim') l.byName = true;
        links.push(l);
      }
    });
    if (leaves.length) y += M.chipHeight + M.compactGap;
  };

  const bands: OwnerLayout['bands'] = [];
  for (const g of groups) {
    const top = y;
    y = top + M.bandHeader;
    if (g.roots.length) place(g.roots);
    else y += M.chipHeight;
    const rect: Rect = { x: M.margin, y: top, w: full - 2 * M.margin, h: y - top + M.bandPad - M.compactGap };
    bands.push({ namespace: g.namespace, rect });
    y = rect.y + rect.h + M.bandGap;
  }
  return { compact: true, width: full, height: Math.max(y, M.margin + 40), columns, bands, rects, links, chip: { w: chipW, h: M.chipHeight } };
}

export function computeOwnerLayout(groups: readonly NamespaceGroup[], width: number): OwnerLayout {
  if (width < M.compactBelow) return computeCompact(groups, width);
  const inner = Math.max(480, width - 2 * M.margin - 2 * M.bandPad);
  // Boxes take what the pod column can spare: their names and counts are the longest text here.
  const boxW = Math.round(Math.min(M.maxBox, Math.max(M.minBox, (inner - 2 * M.columnGap - M.minPods) / 2)));
  const x0 = M.margin + M.bandPad;
  const podsX = x0 + 2 * (boxW + M.columnGap);
  const podsW = Math.max(M.minChip, x0 + inner - podsX);
  const columns = [
    { x: x0, w: boxW },
    { x: x0 + boxW + M.columnGap, w: boxW },
    { x: podsX, w: podsW },
  ];
  const cols = Math.max(1, Math.floor((podsW + M.chipGap) / (M.minChip + M.chipGap)));
  const chipW = Math.floor(Math.min(M.maxChip, (podsW - (cols - 1) * M.chipGap) / cols));
  const ctx: Ctx = { columns, grid: { cols, w: chipW }, rects: new Map(), links: [] };

  // Narrower than the columns need: the SVG grows and the host scrolls rather than overlap.
  const full = Math.max(width, podsX + podsW + M.bandPad + M.margin);
  const bands: OwnerLayout['bands'] = [];
  let y = M.header;
  for (const g of groups) {
    const top = y;
    const contentTop = top + M.bandHeader;
    const h = g.roots.length ? blockHeight(g.roots, ctx) : M.chipHeight;
    placeBlock(g.roots, contentTop, ctx);
    const rect: Rect = { x: M.margin, y: top, w: full - 2 * M.margin, h: M.bandHeader + h + M.bandPad };
    bands.push({ namespace: g.namespace, rect });
    y = rect.y + rect.h + M.bandGap;
  }
  return { compact: false, width: full, height: Math.max(y, M.header + 40), columns, bands, rects: ctx.rects, links: ctx.links, chip: { w: chipW, h: M.chipHeight } };
}
