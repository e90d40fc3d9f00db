import type { Rect } from '../cluster/layout';
import { textWidth } from '../cluster/measure';
import { fittedLabel } from '../cluster/drawPods';
import { transportPairs, type NetNode, type NetPod, type PolicyBadge } from './scene';

/** Sizes of the Network view, in SVG pixels. */
export const NET = {
  pad: 12,
  gap: 20,
  minNodeW: 200,
  header: 96,
  podH: 26,
  badgeH: 20,
  badgeGap: 6,
  routesTitle: 26,
  routeH: 15,
  bottom: 12,
  laneBase: 34,
  laneStep: 30,
  columnGap: 26,
};

export interface BadgePlace {
  badge: PolicyBadge;
  pod: NetPod;
  x: number;
  y: number;
  w: number;
  label: string;
}

export interface LinkPlace {
  id: string;
  from: string;
  to: string;
  d: string;
  labelX: number;
  labelY: number;
}

export interface NetLayout {
  width: number;
  height: number;
  perRow: number;
  nodes: Map<string, Rect>;
  /** Pod rows, relative to the SVG. */
  pods: Map<string, Rect>;
  badges: BadgePlace[];
  links: LinkPlace[];
  /** Where each node's routes section starts (relative to the node box). */
  routesY: Map<string, number>;
}

/** Monospace at 10.5px: the canvas measurer knows the sans font only, so estimate by characters. */
const MONO_CHAR = 6.5;

/** A route on one line when it fits the box, else its destination and then `via … dev …` indented. */
export function routeLines(text: string, boxW: number): string[] {
  if (text.length * MONO_CHAR <= boxW - 28) return [text];
  const cut = text.indexOf(' ', text.startsWith('blackhole ') ? 10 : 0);
  return cut < 0 ? [text] : [text.slice(0, cut), `  ${text.slice(cut + 1)}`];
}

/** The text a badge shows; colour never says it alone. */
export type BadgeLabel = (b: PolicyBadge) => { name: string; status: string };

/**
 * Nodes side by side (wrapping into rows), each a box listing its pods with their IPs and
 * policy badges, then its routes; above each row a lane where the CNI's links arc between
 * the nodes, higher for farther nodes so every link stays visible.
 */
export function computeNetLayout(nodes: readonly NetNode[], width: number, badgeLabel: BadgeLabel): NetLayout {
  const { pad, gap } = NET;
  const inner = Math.max(NET.minNodeW, width - 2 * pad);
  const perRow = Math.max(1, Math.min(nodes.length || 1, Math.floor((inner + gap) / (NET.minNodeW + gap))));
  const nodeW = (inner - (perRow - 1) * gap) / perRow;
  // One node per row (a narrow graph): each node links to the next one below it instead.
  const column = perRow === 1 && nodes.length > 1;
  const pairs: [number, number][] = column ? nodes.slice(1).map((_, i) => [i, i + 1]) : transportPairs(nodes.length, perRow);

  const rects = new Map<string, Rect>();
  const pods = new Map<string, Rect>();
  const routesY = new Map<string, number>();
  const badges: BadgePlace[] = [];
  let y = pad;
  for (let row = 0; row * perRow < nodes.length; row++) {
    const rowNodes = nodes.slice(row * perRow, (row + 1) * perRow);
    // Room above the row for its arcs; a row of one node has none.
    const span = column ? 0 : pairs.reduce((m, [i, j]) => (Math.floor(i / perRow) === row ? Math.max(m, j - i) : m), 0);
    y += span > 0 ? NET.laneBase + NET.laneStep * span : 8;
    let rowH = 0;
    const heights = rowNodes.map((n, col) => {
      const x = pad + col * (nodeW + gap);
      let h = NET.header;
      for (const p of n.pods) {
        pods.set(p.key, { x: x + 10, y: y + h, w: nodeW - 20, h: NET.podH - 4 });
        h += NET.podH;
        // Badges wrap under the pod they sit on.
        const left = 24;
        const maxW = nodeW - left - 12;
        let bx = left;
        let lines = p.policies.length ? 1 : 0;
        for (const b of p.policies) {
          // The status ("enforced", "ignored by Flannel") is never cut; a long name is.
          const { name, status } = badgeLabel(b);
          const tail = ` · ${status}`;
          const nameW = Math.max(24, Math.min(textWidth(name, 10.5, 600), maxW - 30 - textWidth(tail, 10.5, 600)));
          const label = `${fittedLabel(name, nameW, 10.5, 600)}${tail}`;
          const w = Math.min(maxW, textWidth(label, 10.5, 600) + 30);
          if (bx + w > nodeW - 12 && bx > left) {
            bx = left;
            lines++;
          }
          badges.push({ badge: b, pod: p, x: x + bx, y: y + h + (lines - 1) * (NET.badgeH + 4), w, label });
          bx += w + NET.badgeGap;
        }
        h += lines * (NET.badgeH + 4);
      }
      if (n.pods.length === 0) h += NET.podH;
      routesY.set(n.name, h + 6);
      h += 6 + NET.routesTitle + n.routes.reduce((sum, r) => sum + routeLines(r.text, nodeW).length, 0) * NET.routeH + NET.bottom;
      return h;
    });
    for (const h of heights) rowH = Math.max(rowH, h);
    rowNodes.forEach((n, col) => rects.set(n.name, { x: pad + col * (nodeW + gap), y, w: nodeW, h: rowH }));
    y += rowH + gap + (column ? NET.columnGap : 0);
  }

  const links: LinkPlace[] = pairs.map(([i, j]) => {
    if (column) {
      const a = rects.get((nodes[i] as NetNode).name) as Rect;
      const b = rects.get((nodes[j] as NetNode).name) as Rect;
      const x = a.x + a.w * 0.7;
      const y1 = a.y + a.h;
      const y2 = b.y;
      return { id: `${(nodes[i] as NetNode).name}|${(nodes[j] as NetNode).name}`, from: (nodes[i] as NetNode).name, to: (nodes[j] as NetNode).name, d: `M${x},${y1} L${x},${y2}`, labelX: x, labelY: (y1 + y2) / 2 };
    }
    const a = rects.get((nodes[i] as NetNode).name) as Rect;
    const b = rects.get((nodes[j] as NetNode).name) as Rect;
    const span = j - i;
    // Links leave the right half of the left node and land on the left half of the right one,
    // spread by span so arcs of different lengths do not share an end.
    const x1 = a.x + a.w * (0.62 + 0.1 * (span - 1));
    const x2 = b.x + b.w * (0.38 - 0.1 * (span - 1));
    const top = a.y;
    const h = NET.laneBase - 12 + NET.laneStep * (span - 1) + 10;
    return {
      id: `${(nodes[i] as NetNode).name}|${(nodes[j] as NetNode).name}`,
      from: (nodes[i] as NetNode).name,
      to: (nodes[j] as NetNode).name,
      d: `M${x1},${top} C${x1},${top - h * 1.3} ${x2},${top - h * 1.3} ${x2},${top}`,
      labelX: (x1 + x2) / 2,
      labelY: top - h * 0.975,
    };
  });

  return { width: Math.max(width, inner + 2 * pad), height: y - gap + pad, perRow, nodes: rects, pods, badges, links, routesY };
}
