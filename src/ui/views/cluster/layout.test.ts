import { describe, expect, it } from 'vitest';
import { METRICS, computeLayout, nodeColumns, type Rect } from './layout';

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('computeLayout', () => {
  const nodes = [
    { key: 'control-plane', pods: [] },
    { key: 'worker-1', pods: ['default/web', 'default/db'] },
    { key: 'worker-2', pods: Array.from({ length: 12 }, (_, i) => `default/p${i}`) },
  ];

  it('puts the pending lane above the nodes and every pod inside its node', () => {
    const l = computeLayout({ width: 1000, nodes, unscheduled: ['default/waiting'] });
    for (const r of l.nodes.values()) expect(r.y).toBeGreaterThanOrEqual(l.lane.y + l.lane.h);
    expect(inside(l.pods.get('default/waiting') as Rect, l.lane)).toBe(true);
    expect(inside(l.pods.get('default/web') as Rect, l.nodes.get('worker-1') as Rect)).toBe(true);
    for (let i = 0; i < 12; i++) expect(inside(l.pods.get(`default/p${i}`) as Rect, l.nodes.get('worker-2') as Rect)).toBe(true);
  });

  it('never overlaps chips or nodes', () => {
    const l = computeLayout({ width: 900, nodes, unscheduled: ['a/x', 'a/y'] });
    const chips = [...l.pods.values()];
    for (let i = 0; i < chips.length; i++) for (let j = i + 1; j < chips.length; j++) expect(overlaps(chips[i] as Rect, chips[j] as Rect)).toBe(false);
    const boxes = [...l.nodes.values()];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i] as Rect, boxes[j] as Rect)).toBe(false);
  });

  it('is responsive: wide screens put nodes side by side, narrow ones stack them', () => {
    expect(nodeColumns(1400, 3)).toBe(3);
    expect(nodeColumns(400, 3)).toBe(1);
    const narrow = computeLayout({ width: 400, nodes, unscheduled: [] });
    const wide = computeLayout({ width: 1400, nodes, unscheduled: [] });
    expect(narrow.height).toBeGreaterThan(wide.height);
    for (const r of narrow.nodes.values()) expect(r.x + r.w).toBeLessThanOrEqual(400 - METRICS.margin + 0.001);
  });

  it('gives nodes in one row the same height', () => {
    const l = computeLayout({ width: 1400, nodes, unscheduled: [] });
    const hs = new Set([...l.nodes.values()].map((r) => r.h));
    expect(hs.size).toBe(1);
  });

  it('handles a few hundred pods with every chip placed', () => {
    const many = Array.from({ length: 300 }, (_, i) => `default/pod-${i}`);
    const l = computeLayout({ width: 1200, nodes: [{ key: 'worker-1', pods: many.slice(0, 150) }, { key: 'worker-2', pods: many.slice(150) }], unscheduled: [] });
    expect(l.pods.size).toBe(300);
    expect(Number.isFinite(l.height)).toBe(true);
  });
});
