import { describe, expect, it } from 'vitest';
import { buildServiceScene } from './model';
import { computeServiceLayout, SVC_METRICS } from './layout';
import { objectsOf, pod, service } from './fixtures';
import type { Rect } from '../cluster/layout';

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const textW = (s: string) => s.length * 7;

function scene(pods: number) {
  const web = service('web', { selector: { app: 'web' }, clusterIP: '10.96.0.42', ports: [{ port: 80 }] });
  const np = service('web-np', { type: 'NodePort', selector: { app: 'web' }, clusterIP: '10.96.0.43', ports: [{ port: 80, nodePort: 30080 }] });
  return buildServiceScene(objectsOf({ services: [web, np], pods: [...Array.from({ length: pods }, (_, i) => pod(`web-${i}`, { app: 'web' }, `10.244.1.${i}`)), pod('lone', { app: 'x' })] }));
}

describe('computeServiceLayout', () => {
  it('folds a big group into a "+N more" chip until expanded, and links each Service to the fold', () => {
    const s = scene(100);
    const folded = computeServiceLayout(s, 1200, new Set(), textW);
    expect(folded.pods.size).toBe(SVC_METRICS.visible - 1 + 1); // 23 of web's pods + the unselected one
    const more = folded.more.find((m) => m.id.startsWith('more|svc|'));
    expect(more?.hidden).toBe(100 - (SVC_METRICS.visible - 1));
    expect(folded.links.filter((l) => l.to === more?.id)).toHaveLength(2);
    const open = computeServiceLayout(s, 1200, new Set([(more?.id ?? '').slice('more|'.length)]), textW);
    expect(open.pods.size).toBe(101);
  });

  it('nothing overlaps, wide or stacked (details pane open)', () => {
    const s = scene(7);
    for (const width of [1200, 600]) {
      const l = computeServiceLayout(s, width, new Set(), textW);
      const rects = [...l.services.values(), ...l.pods.values(), ...l.selectors.map((c) => c.rect)];
      for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i] as Rect, rects[j] as Rect), `${width}: ${i} ${j}`).toBe(false);
      expect(l.compact).toBe(width < SVC_METRICS.compactBelow);
    }
  });
});
