import { select, type Selection as D3Selection } from 'd3';
import 'd3-transition';
import type { ArchMessage, Component } from '../../../sim/trace';
import { reducedMotion } from '../svgRenderer';
import type { ArchLayout, Box } from './layout';
import { boxFor } from './layout';

type Translate = (key: string, opts?: Record<string, unknown>) => string;

const center = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Where a line from `a`'s centre toward `b` leaves `a`'s rectangle. */
function edge(a: Box, b: Box): { x: number; y: number } {
  const c = center(a);
  const d = center(b);
  const dx = d.x - c.x;
  const dy = d.y - c.y;
  if (!dx && !dy) return c;
  const sx = dx ? a.w / 2 / Math.abs(dx) : Infinity;
  const sy = dy ? a.h / 2 / Math.abs(dy) : Infinity;
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/**
 * The architecture picture, drawn with D3 into a host React mounts: machines as boxes holding
 * their components, and the active message as an arrow from sender to receiver (a dot travels
 * along it unless the learner prefers reduced motion; then the ends are only highlighted).
 */
export class ArchDiagram {
  private readonly svg: D3Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly base: D3Selection<SVGGElement, unknown, null, undefined>;
  private readonly overlay: D3Selection<SVGGElement, unknown, null, undefined>;
  private layout: ArchLayout | null = null;
  private active: ArchMessage | null = null;

  constructor(host: HTMLElement, private t: Translate) {
    this.svg = select(host).append('svg').attr('class', 'ko-arch-svg').attr('role', 'img');
    this.svg
      .append('defs')
      .append('marker')
      .attr('id', 'ko-arch-arrow')
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 9)
      .attr('refY', 5)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('d', 'M0,0 L10,5 L0,10 z')
      .attr('class', 'ko-arch-arrowhead');
    this.base = this.svg.append('g');
    this.overlay = this.svg.append('g').attr('class', 'ko-arch-overlay');
  }

  setTranslate(t: Translate): void {
    this.t = t;
    if (this.layout) this.draw(this.layout);
  }

  draw(layout: ArchLayout): void {
    this.layout = layout;
    const t = this.t;
    this.svg.attr('viewBox', `0 0 ${layout.width} ${layout.height}`).attr('width', layout.width).attr('height', layout.height).attr('aria-label', t('architecture.diagramLabel'));
    this.base.selectAll('*').remove();
    for (const m of layout.machines) {
      const g = this.base.append('g').attr('class', `ko-arch-machine ko-arch-${m.role}`).attr('data-node', m.node || null).attr('data-role', m.role);
      g.append('rect').attr('x', m.x).attr('y', m.y).attr('width', m.w).attr('height', m.h).attr('rx', 8);
      const title = m.role === 'control-plane' ? t('architecture.controlPlane', { node: m.node }) : m.role === 'worker' ? t('architecture.worker', { node: m.node }) : t('architecture.moreNodes', { count: m.count ?? 0 });
      g.append('text').attr('class', 'ko-arch-machine-title').attr('x', m.x + 10).attr('y', m.role === 'more' ? m.y + m.h / 2 : m.y + 17).text(title);
    }
    for (const c of layout.components) {
      const g = this.base.append('g').attr('class', 'ko-arch-component').attr('data-component', c.component).attr('data-node', c.node ?? null);
      g.append('rect').attr('x', c.x).attr('y', c.y).attr('width', c.w).attr('height', c.h).attr('rx', 5);
      g.append('text').attr('class', 'ko-arch-component-name').attr('x', c.x + 8).attr('y', c.y + 14).text(c.component);
      g.append('text').attr('class', 'ko-arch-component-role').attr('x', c.x + 8).attr('y', c.y + 27).text(t(`architecture.role.${c.component}`));
    }
    this.show(this.active, false);
  }

  /** Draws `m` (or nothing) as the active message; `animate` when it just became active. */
  show(m: ArchMessage | null, animate = true): void {
    this.active = m;
    const layout = this.layout;
    this.overlay.selectAll('*').remove();
    this.base.selectAll<SVGGElement, unknown>('.ko-arch-component, .ko-arch-machine').attr('data-active', null);
    if (!m || !layout) return;
    const ends = (component: Component, node: string | undefined): Box[] => {
      // kube-proxy with no node: the change reaches kube-proxy on every node.
      if (component === 'kube-proxy' && !node) {
        const all: Box[] = layout.components.filter((c) => c.component === 'kube-proxy');
        const more = layout.machines.find((x) => x.role === 'more');
        return more ? [...all, more] : all;
      }
      const b = boxFor(layout, component, node);
      return b ? [b] : [];
    };
    const nodeOf = (c: Component) => (c === 'kubelet' || c === 'containerd' || c === 'kube-proxy' ? m.node : undefined);
    const from = ends(m.from, nodeOf(m.from))[0];
    const tos = ends(m.to, nodeOf(m.to));
    const mark = (component: Component, node: string | undefined, role: string) => {
      this.base
        .selectAll<SVGGElement, unknown>('.ko-arch-component')
        .filter(function () {
          const d = (this as SVGGElement).dataset;
          return d.component === component && (node === undefined || d.node === node);
        })
        .attr('data-active', role);
    };
    mark(m.from, nodeOf(m.from), 'from');
    mark(m.to, nodeOf(m.to), 'to');
    if (!from) return;
    const motion = animate && !reducedMotion();
    for (const to of tos) {
      const a = edge(from, to);
      const b = edge(to, from);
      const line = this.overlay
        .append('line')
        .attr('class', 'ko-arch-msg')
        .attr('data-message-kind', m.kind)
        .attr('x1', a.x)
        .attr('y1', a.y)
        .attr('x2', b.x)
        .attr('y2', b.y)
        .attr('marker-end', 'url(#ko-arch-arrow)');
      if (!motion) continue;
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      line.attr('stroke-dasharray', `${len} ${len}`).attr('stroke-dashoffset', len).transition().duration(450).attr('stroke-dashoffset', 0);
      this.overlay.append('circle').attr('class', 'ko-arch-dot').attr('r', 5).attr('cx', a.x).attr('cy', a.y).transition().duration(450).attr('cx', b.x).attr('cy', b.y).remove();
    }
  }

  destroy(): void {
    this.svg.remove();
  }
}
