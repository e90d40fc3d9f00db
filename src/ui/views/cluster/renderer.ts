import { select, type Selection as D3Selection } from 'd3';
// Side-effect import: adds selection.transition() for the joins below.
import 'd3-transition';
import type { MirrorState } from '../../state/mirror';
import type { ObjectRef } from '../../../sim/objects';
import { buildScene, type NodeItem, type PodItem, type Scene } from './scene';
import { computeLayout, type Layout, type Rect } from './layout';
import { drawNodeContent, nodeSignature, type Translate } from './drawNodes';
import { drawPodContent, podSignature } from './drawPods';
import { phaseSymbolsMarkup } from './icons';
import { setMeasureFamily } from './measure';

type Selected = ObjectRef | null;

interface Options {
  t: Translate;
  lang: string;
  onSelect: (ref: ObjectRef) => void;
}

/** Cached per element so a tick only touches what changed. */
interface Drawn {
  sig?: string;
  pos?: string;
}
type Tagged = SVGGElement & { __ko?: Drawn };

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function drawn(e: SVGGElement): Drawn {
  const t = e as Tagged;
  return (t.__ko ??= {});
}

/**
 * D3 owns the SVG: keyed joins for nodes and pods, content redrawn only when an item's
 * signature changes, positions tweened. Fed straight from the mirror store, no React.
 */
export class ClusterRenderer {
  private readonly svg: D3Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly laneLayer: D3Selection<SVGGElement, unknown, null, undefined>;
  private readonly nodeLayer: D3Selection<SVGGElement, unknown, null, undefined>;
  private readonly podLayer: D3Selection<SVGGElement, unknown, null, undefined>;
  private width = 800;
  private state: MirrorState | null = null;
  private scene: Scene | null = null;
  private layout: Layout | null = null;
  private selected: Selected = null;
  private lastVersion = -1;

  constructor(
    private readonly host: HTMLElement,
    private opts: Options,
  ) {
    this.svg = select(host).append('svg').attr('class', 'ko-cluster-svg').attr('role', 'group');
    this.svg.append('defs').html(phaseSymbolsMarkup());
    this.laneLayer = this.svg.append('g').attr('class', 'ko-lane');
    this.nodeLayer = this.svg.append('g').attr('class', 'ko-nodes');
    this.podLayer = this.svg.append('g').attr('class', 'ko-pods');
    const activate = (e: Event) => {
      const target = (e.target as Element).closest<SVGGElement>('[data-kind]');
      if (!target) return;
      const kind = target.dataset.kind as string;
      const name = target.dataset.name as string;
      const namespace = target.dataset.namespace || undefined;
      this.opts.onSelect(namespace ? { kind, namespace, name } : { kind, name });
    };
    this.svg.on('click', activate);
    this.svg.on('keydown', (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      // Only a focused object takes the key; elsewhere Space stays the global play/pause.
      if (!(e.target as Element).closest('[data-kind]')) return;
      e.preventDefault();
      activate(e);
    });
  }

  setOptions(opts: Options): void {
    const langChanged = opts.lang !== this.opts.lang;
    this.opts = opts;
    if (langChanged) this.render(true);
  }

  resize(width: number): void {
    const w = Math.floor(width);
    if (w === this.width || w <= 0) return;
    this.width = w;
    this.render(true);
  }

  update(state: MirrorState): void {
    this.state = state;
    if (state.version === this.lastVersion) return;
    this.lastVersion = state.version;
    this.scene = buildScene(state.objects);
    this.render(false);
  }

  select(sel: Selected): void {
    this.selected = sel;
    this.markSelection();
  }

  destroy(): void {
    this.svg.interrupt().remove();
  }

  private render(relayoutOnly: boolean): void {
    const scene = this.scene;
    const state = this.state;
    if (!scene || !state) return;
    const layout = computeLayout({
      width: this.width,
      nodes: scene.nodes.map((n) => ({ key: n.key, pods: n.pods.map((p) => p.key) })),
      unscheduled: scene.unscheduled.map((p) => p.key),
    });
    this.layout = layout;
    setMeasureFamily(getComputedStyle(this.host).fontFamily);
    this.svg.attr('width', layout.width).attr('height', layout.height).attr('viewBox', `0 0 ${layout.width} ${layout.height}`);
    const animate = !reducedMotion() && !relayoutOnly;
    this.drawLane(scene, layout);
    this.drawNodes(scene, layout, state, animate);
    this.drawPods(scene, layout, state, animate);
    this.markSelection();
  }

  /** Tick parity picks the keyframes, so a change in consecutive ticks restarts the pulse. */
  private pulseClass(state: MirrorState, resource: string, key: string): string | null {
    const mark = state.changed.get(`${resource}|${key}`);
    if (!mark || mark.type === 'DELETED') return null;
    return `ko-pulse-${state.tick % 2}`;
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
    g.selectAll<SVGTextElement, number>('text.ko-lane-count')
      .data([scene.unscheduled.length])
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

  private markSelection(): void {
    const s = this.selected;
    const match = (kind: string, ns: string, name: string) => s !== null && s.kind === kind && s.name === name && (s.namespace ?? '') === ns;
    this.nodeLayer.selectAll<SVGGElement, NodeItem>('g.ko-node').classed('ko-selected', (d) => match('Node', '', d.summary.name)).attr('aria-pressed', (d) => String(match('Node', '', d.summary.name)));
    this.podLayer.selectAll<SVGGElement, PodItem>('g.ko-pod').classed('ko-selected', (d) => match('Pod', d.namespace, d.name)).attr('aria-pressed', (d) => String(match('Pod', d.namespace, d.name)));
  }

  /** For tests and the legend: the current layout (null before the first update). */
  currentLayout(): Layout | null {
    return this.layout;
  }
}
