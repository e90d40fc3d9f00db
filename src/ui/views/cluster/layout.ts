/**
 * Where everything goes in the cluster view, as plain numbers: no DOM, so it is tested in
 * Node and recomputed cheaply every tick. D3 only moves elements to these rectangles.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutInput {
  width: number;
  /** Nodes in display order, each with its pods' keys in display order. */
  nodes: { key: string; pods: readonly string[] }[];
  /** Pods without spec.nodeName, in display order. */
  unscheduled: readonly string[];
}

export interface Layout {
  width: number;
  height: number;
  lane: Rect;
  nodes: Map<string, Rect>;
  pods: Map<string, Rect>;
  chip: { w: number; h: number };
}

export const METRICS = {
  margin: 16,
  gap: 16,
  minNodeWidth: 280,
  nodeHeader: 104,
  nodePad: 12,
  laneHeader: 30,
  minChipWidth: 148,
  maxChipWidth: 220,
  chipHeight: 30,
  chipGap: 6,
} as const;

/** How many chips fit across `inner` pixels, and how wide each is to fill the row exactly. */
export function chipGrid(inner: number): { cols: number; w: number } {
  const { minChipWidth, maxChipWidth, chipGap } = METRICS;
  const cols = Math.max(1, Math.floor((inner + chipGap) / (minChipWidth + chipGap)));
  const w = Math.min(maxChipWidth, Math.max(1, (inner - chipGap * (cols - 1)) / cols));
  return { cols, w };
}

function placeChips(keys: readonly string[], x: number, y: number, inner: number, out: Map<string, Rect>): number {
  const { chipHeight, chipGap } = METRICS;
  const { cols, w } = chipGrid(inner);
  keys.forEach((k, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    out.set(k, { x: x + col * (w + chipGap), y: y + row * (chipHeight + chipGap), w, h: chipHeight });
  });
  // An empty area still keeps one row so it has room for its "no pods" hint.
  const rows = Math.max(1, Math.ceil(keys.length / cols));
  return rows * chipHeight + (rows - 1) * chipGap;
}

export function nodeColumns(width: number, count: number): number {
  const { margin, gap, minNodeWidth } = METRICS;
  const fit = Math.max(1, Math.floor((width - 2 * margin + gap) / (minNodeWidth + gap)));
  return Math.max(1, Math.min(count, fit));
}

export function computeLayout(input: LayoutInput): Layout {
  const { margin, gap, nodeHeader, nodePad, laneHeader } = METRICS;
  const width = Math.max(input.width, METRICS.minNodeWidth + 2 * margin);
  const pods = new Map<string, Rect>();
  const nodes = new Map<string, Rect>();

  const laneW = width - 2 * margin;
  const laneChips = placeChips(input.unscheduled, margin + nodePad, margin + laneHeader, laneW - 2 * nodePad, pods);
  const lane: Rect = { x: margin, y: margin, w: laneW, h: laneHeader + laneChips + nodePad };

  const cols = nodeColumns(width, input.nodes.length);
  const nodeW = (width - 2 * margin - gap * (cols - 1)) / cols;
  let y = lane.y + lane.h + gap;
  for (let start = 0; start < input.nodes.length; start += cols) {
    const row = input.nodes.slice(start, start + cols);
    let rowH = 0;
    row.forEach((n, i) => {
      const x = margin + i * (nodeW + gap);
      const chipsH = placeChips(n.pods, x + nodePad, y + nodeHeader, nodeW - 2 * nodePad, pods);
      rowH = Math.max(rowH, nodeHeader + chipsH + nodePad);
      nodes.set(n.key, { x, y, w: nodeW, h: 0 });
    });
    // Boxes in one row share a height so the grid reads as a grid.
    for (const n of row) (nodes.get(n.key) as Rect).h = rowH;
    y += rowH + gap;
  }

  const chip = { w: chipGrid(nodeW - 2 * nodePad).w, h: METRICS.chipHeight };
  return { width, height: y - gap + margin, lane, nodes, pods, chip };
}

/** Natural order, so worker-2 comes before worker-10. */
export const naturalCompare = new Intl.Collator('en', { numeric: true }).compare;
