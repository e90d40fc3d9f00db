import { select } from 'd3';
// Side-effect import: adds selection.transition() for the joins below.
import 'd3-transition';
import type { MirrorState } from '../../state/mirror';
import { drawn, MirrorSvgRenderer, type G, type RendererOptions } from '../svgRenderer';
import { buildScene, type NodeItem, type PodItem, type Scene } from './scene';
import { computeLayout, type Layout, type Rect } from './layout';
import { drawNodeContent, nodeSignature } from './drawNodes';
import { drawPodContent, podSignature } from './drawPods';

/**
 * The cluster view's SVG: keyed joins for nodes and pods, content redrawn only when an item's
 * signature changes, positions tweened.
 */
export class ClusterRenderer extends MirrorSvgRenderer {
  private readonly laneLayer: G;
  private readonly nodeLayer: G;
  private readonly podLayer: G;
  private scene: Scene | null = null;
  private layout: Layout | null = null;

  constructor(host: HTMLElement, opts: RendererOptions) {
    super(host, opts, 'ko-cluster-svg');
    this.laneLayer = this.layer('ko-lane');
    this.nodeLayer = this.layer('ko-nodes');
    this.podLayer = this.layer('ko-pods');
  }

  protected rebuild(state: MirrorState): void {
    this.scene = buildScene(state.objects);
  }

  protected render(relayoutOnly: boolean): void {
    const scene = this.scene;
    const state = this.state;
    if (!scene || !state) return;
    const layout = computeLayout({
      width: this.width,
      nodes: scene.nodes.map((n) => ({ key: n.key, pods: n.pods.map((p) => p.key) })),
      unscheduled: scene.unscheduled.map((p) => p.key),
    });
    this.layout = layout;
    const animate = this.fit(layout.width, layout.height, relayoutOnly);
    this.drawLane(scene, layout);
    this.drawNodes(scene, layout, state, animate);
    this.drawPods(scene, layout, state, animate);
    this.markSelection();
  }

  private drawLane(scene: Scene, layout: Layout): void {
    const { t } = this.opts;
    const r = layout.lane;
    const g = this.laneLayer.attr('transform', `translate(${r.x},${r.y})`);
    g.selectAll<SVGRectElement, Rect>('rect.ko-lane-box')
      .data([r])
      .join('rect')
      .attr('class', 'ko-lane-box')
      .attr('width', (d) => d.w)
      .attr('height', (d) => d.h)
      .attr('rx', 10);
    const title = t('lane.title');
    g.selectAll<SVGTextElement, string>('text.ko-lane-title')
      .data([title])
      .join('text')
      .attr('class', 'ko-lane-title')
      .attr('x', 14)
      .attr('y', 20)
      .text((d) => d);
    // In a narrow graph (details panel open) the count would run into the title; the chips still show it.
    g.selectAll<SVGTextElement, number>('text.ko-lane-count')
      .data(r.w >= 480 ? [scene.unscheduled.length] : [])
      .join('text')
      .attr('class', 'ko-lane-count')
      .attr('x', r.w - 14)
      .attr('y', 20)
      .attr('text-anchor', 'end')
      .text((n) => t('lane.count', { count: n }));
    g.selectAll<SVGTextElement, string>('text.ko-empty')
      .data(scene.unscheduled.length ? [] : [t('lane.empty')])
      .join('text')
      .attr('class', 'ko-empty')
      .attr('x', r.w / 2)
      .attr('y', 30 + 21)
      .attr('text-anchor', 'middle')
      .text((d) => d);
  }

  private drawNodes(scene: Scene, layout: Layout, state: MirrorState, animate: boolean): void {
    const { t, lang } = this.opts;
    this.nodeLayer
      .selectAll<SVGGElement, NodeItem>('g.ko-node')
      .data(scene.nodes, (d) => d.key)
      .join(
        (enter) =>
          enter
            .append('g')
            .attr('class', 'ko-node')
            .attr('tabindex', 0)
            .attr('role', 'button')
            .attr('data-kind', 'Node')
            .attr('data-namespace', '')
            .attr('data-name', (d) => d.summary.name),
        (update) => update,
        (exit) => {
          exit.attr('class', 'ko-node-exiting').attr('data-kind', null).attr('tabindex', null).attr('role', null);
          return animate ? exit.transition().duration(250).style('opacity', 0).remove() : exit.remove();
        },
      )
      .each(function (d) {
        const r = layout.nodes.get(d.key) as Rect;
        const cache = drawn(this);
        const sig = nodeSignature(d, r, lang);
        if (cache.sig !== sig) {
          drawNodeContent(this, d, r, t);
          cache.sig = sig;
        }
        const pos = `translate(${r.x},${r.y})`;
        if (cache.pos !== pos) {
          this.setAttribute('transform', pos);
          cache.pos = pos;
        }
        const ready = d.summary.ready === 'True' ? t('node.ready') : d.summary.ready === 'False' ? t('node.notReady') : t('node.unknown');
        this.setAttribute('aria-label', t('aria.node', { name: d.summary.name, status: ready, count: d.pods.length }));
        this.setAttribute('data-ready', d.summary.ready);
      })
      .attr('class', (d) => ['ko-node', this.pulseClass(state, 'nodes', d.key)].filter(Boolean).join(' '));
  }

  private drawPods(scene: Scene, layout: Layout, state: MirrorState, animate: boolean): void {
    const { t, lang } = this.opts;
    const chipH = layout.chip.h;
    const pods = [...scene.unscheduled, ...scene.nodes.flatMap((n) => n.pods)];
    const joined = this.podLayer
      .selectAll<SVGGElement, PodItem>('g.ko-pod')
      .data(pods, (d) => d.key)
      .join(
        (enter) => {
          const g = enter
            .append('g')
            .attr('class', 'ko-pod')
            .attr('tabindex', 0)
            .attr('role', 'button')
            .attr('data-kind', 'Pod');
          if (animate) g.style('opacity', 0);
          return g;
        },
        (update) => update,
        (exit) => {
          // Out of the keyed set and out of tests' and screen readers' reach while it fades.
          exit.attr('class', 'ko-pod-exiting').attr('data-kind', null).attr('tabindex', null).attr('role', null);
          return animate ? exit.transition().duration(300).style('opacity', 0).remove() : exit.remove();
        },
      );
    joined.each(function (d) {
      const r = layout.pods.get(d.key) as Rect;
      const cache = drawn(this);
      const sig = podSignature(d, r.w, lang);
      if (cache.sig !== sig) {
        drawPodContent(this, d, r.w, chipH, t);
        cache.sig = sig;
        this.setAttribute('data-name', d.name);
        this.setAttribute('data-namespace', d.namespace);
        this.setAttribute('data-phase', d.status.text);
        this.setAttribute('data-node', d.node);
        this.setAttribute(
          'aria-label',
          d.node ? t('aria.pod', { name: d.name, status: d.status.text, node: d.node, namespace: d.namespace }) : t('aria.podUnscheduled', { name: d.name, status: d.status.text, namespace: d.namespace }),
        );
      }
      const pos = `translate(${r.x},${r.y})`;
      if (cache.pos === pos) return;
      const first = cache.pos === undefined;
      cache.pos = pos;
      const sel = select(this);
      if (!animate) {
        sel.interrupt().attr('transform', pos).style('opacity', null);
      } else if (first) {
        // Entering pods grow in where they land.
        sel
          .attr('transform', `${pos} translate(${r.w / 2},${chipH / 2}) scale(0.6) translate(${-r.w / 2},${-chipH / 2})`)
          .transition()
          .duration(350)
          .attr('transform', `${pos} translate(${r.w / 2},${chipH / 2}) scale(1) translate(${-r.w / 2},${-chipH / 2})`)
          .style('opacity', 1)
          .on('end', function () {
            this.setAttribute('transform', pos);
          });
      } else {
        // A pod being bound travels from the pending lane into its node.
        sel.transition().duration(450).attr('transform', pos).style('opacity', 1);
      }
    });
    joined.attr('class', (d) => ['ko-pod', d.system ? 'ko-system' : '', this.pulseClass(state, 'pods', d.key)].filter(Boolean).join(' '));
  }

  protected markSelection(): void {
    const match = (kind: string, ns: string, name: string) => this.isSelected(kind, ns, name);
    this.nodeLayer.selectAll<SVGGElement, NodeItem>('g.ko-node').classed('ko-selected', (d) => match('Node', '', d.summary.name)).attr('aria-pressed', (d) => String(match('Node', '', d.summary.name)));
    this.podLayer.selectAll<SVGGElement, PodItem>('g.ko-pod').classed('ko-selected', (d) => match('Pod', d.namespace, d.name)).attr('aria-pressed', (d) => String(match('Pod', d.namespace, d.name)));
  }

  /** For tests and the legend: the current layout (null before the first update). */
  currentLayout(): Layout | null {
    return this.layout;
  }
}
