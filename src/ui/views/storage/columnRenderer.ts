import { select } from 'd3';
// Side-effect import: adds selection.transition() for the joins below.
import 'd3-transition';
import type { MirrorState } from '../../state/mirror';
import { drawn, joinFocusable, MirrorSvgRenderer, type G, type RendererOptions } from '../svgRenderer';
import { fittedLabel } from '../cluster/drawPods';
import { el } from '../svgElement';
import type { Translate } from '../cluster/drawNodes';
import { textWidth } from '../cluster/measure';
import { COL, computeColumnLayout, wrapWords, type ColumnItem, type ColumnLayout, type ColumnScene, type WrappedText } from './columns';

type LinkDatum = ColumnLayout['links'][number];

const MARKERS = `
<marker id="ko-col-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker>`;

function itemSignature(it: ColumnItem, w: number, h: number): string {
  return [w, h, it.heading, it.badge, it.name, it.phase, it.category, it.lines.join('\u0001'), it.note, it.missing, it.aria].join('|');
}

const wrap = (text: string, width: number) => wrapWords(text, width, (s) => textWidth(s, 11, 600));

/** One box: heading (+ badge), name, phase icon + word, detail lines, the note. */
function drawItem(g: SVGGElement, it: ColumnItem, text: WrappedText, w: number, h: number): void {
  g.replaceChildren();
  el(g, 'rect', { class: 'ko-col-bg', width: w, height: h, rx: 8 });
  el(g, 'rect', { class: 'ko-halo', x: -3, y: -3, width: w + 6, height: h + 6, rx: 11 });
  let headW = w - 24;
  if (it.badge) {
    const bw = Math.min(90, 16 + it.badge.length * 6.6);
    el(g, 'rect', { class: 'ko-col-badge-bg', x: w - bw - 8, y: 6, width: bw, height: 16, rx: 8 });
    el(g, 'text', { class: 'ko-col-badge', x: w - bw / 2 - 8, y: 18, 'text-anchor': 'middle' }, it.badge);
    headW -= bw + 6;
  }
  el(g, 'text', { class: 'ko-col-heading', x: 12, y: 17 }, fittedLabel(it.heading, headW, 10.5, 600));
  el(g, 'text', { class: 'ko-col-name', x: 12, y: 35 }, fittedLabel(it.missing ? `✕ ${it.name}` : it.name, w - 24, 13, 650));
  let y = COL.head + 8;
  if (it.phase) {
    const slot = el(g, 'g', { transform: `translate(12,${y - 11})` });
    el(slot, 'use', { class: `ko-chip-icon ko-ph-${it.category}`, href: `#ko-icon-${it.category}`, width: 13, height: 13 });
  }
  text.lines.forEach((rows, i) => {
    const x = i === 0 && it.phase ? 30 : 12;
    for (const row of rows) {
      el(g, 'text', { class: i === 0 && it.phase ? `ko-col-phase ko-ph-${it.category}` : 'ko-col-line', x, y }, fittedLabel(row, w - x - 10, 11, i === 0 ? 600 : 450));
      y += COL.line;
    }
  });
  for (const row of text.note) {
    el(g, 'text', { class: 'ko-col-note', x: 12, y }, fittedLabel(row, w - 22, 11, 600));
    y += COL.line;
  }
  el(g, 'title', {}, [`${it.heading} ${it.namespace ? `${it.namespace}/` : ''}${it.name}`, ...it.lines, it.note ?? ''].filter(Boolean).join('\n'));
}

/**
 * A column flow fed from the mirror. Subclasses say which resources matter (so other ticks keep
 * the scene) and build the scene; boxes are keyed by id and tween, a new link draws itself in,
 * and a box whose object changed this tick pulses.
 */
export abstract class ColumnRenderer extends MirrorSvgRenderer {
  private readonly bannerLayer: G;
  private readonly headLayer: G;
  private readonly linkLayer: G;
  private readonly itemLayer: G;
  protected scene: ColumnScene = { columns: [], items: [], links: [], banners: [] };
  private sceneKey = '';
  private layoutCache: ColumnLayout | null = null;

  constructor(host: HTMLElement, opts: RendererOptions, svgClass: string) {
    super(host, opts, `ko-col-svg ${svgClass}`);
    this.svg.select('defs').html(this.svg.select('defs').html() + MARKERS);
    this.bannerLayer = this.layer('ko-col-banners');
    this.headLayer = this.layer('ko-col-heads');
    this.linkLayer = this.layer('ko-col-links');
    this.itemLayer = this.layer('ko-col-items');
  }

  /** Store resources whose change redraws this view. */
  protected abstract resources(): readonly string[];
  protected abstract buildScene(state: MirrorState, t: Translate): ColumnScene;

  protected rebuild(state: MirrorState): void {
    this.state = state;
  }

  private ensureScene(state: MirrorState): void {
    const key = [this.opts.lang, ...this.resources().map((r) => state.versions[r] ?? 0), state.settings === this.lastSettings ? 's' : 'S'].join('|');
    if (key === this.sceneKey) return;
    this.sceneKey = key;
    this.lastSettings = state.settings;
    this.scene = this.buildScene(state, this.opts.t);
  }
  private lastSettings: unknown = null;

  layout(): ColumnLayout | null {
    return this.layoutCache;
  }

  protected render(relayoutOnly: boolean): void {
    const state = this.state;
    if (!state) return;
    this.ensureScene(state);
    const layout = computeColumnLayout(this.scene, this.width, wrap);
    this.layoutCache = layout;
    const animate = this.fit(layout.width, layout.height, relayoutOnly);
    this.bannerLayer
      .selectAll<SVGTextElement, ColumnLayout['banners'][number]>('text')
      .data(layout.banners, (d) => d.id)
      .join('text')
      .attr('class', 'ko-col-banner')
      .attr('data-testid', (d) => `${d.id}`)
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('aria-label', (d) => d.text)
      .each(function (d) {
        this.replaceChildren();
        d.rows.forEach((row, i) => el(this, 'tspan', { x: d.x, dy: i === 0 ? 0 : 18 }, i < d.rows.length - 1 ? `${row} ` : row));
      });
    this.headLayer
      .selectAll<SVGTextElement, ColumnLayout['heads'][number]>('text')
      .data(layout.heads)
      .join('text')
      .attr('class', 'ko-col-head')
      .attr('x', (d) => d.x + 2)
      .attr('y', (d) => d.y)
      .text((d) => fittedLabel(d.text, d.w, 12, 700));
    this.drawLinks(layout, state, animate);
    this.drawItems(layout, state, animate);
    this.markSelection();
  }

  private drawLinks(layout: ColumnLayout, state: MirrorState, animate: boolean): void {
    this.linkLayer
      .selectAll<SVGGElement, LinkDatum>('g.ko-col-link')
      .data(layout.links, (d) => d.link.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'ko-col-link');
          g.append('path').attr('class', 'ko-col-link-path');
          g.append('text').attr('class', 'ko-col-link-mark').attr('text-anchor', 'middle');
          g.append('title');
          const p = g.select<SVGPathElement>('path').attr('d', (d) => d.d);
          if (animate) {
            // The link draws itself from its source on the tick it appears (a binding, a new use).
            p.attr('pathLength', 1).style('stroke-dasharray', '1 1').style('stroke-dashoffset', 1).transition('draw').duration(650).style('stroke-dashoffset', 0).on('end', function () {
              this.removeAttribute('pathLength');
              this.style.strokeDasharray = '';
              this.style.strokeDashoffset = '';
            });
          }
          return g;
        },
        (update) => update,
        (exit) => {
          exit.attr('class', 'ko-col-exiting');
          return animate ? exit.transition().duration(250).style('opacity', 0).remove() : exit.remove();
        },
      )
      .attr('data-link', (d) => d.link.id)
      .attr('data-from', (d) => d.link.from)
      .attr('data-to', (d) => d.link.to)
      .attr('data-state', (d) => d.link.style)
      .each(function (d) {
        const g = select(this);
        g.attr('class', `ko-col-link ko-col-link-${d.link.style}`);
        const path = g.select<SVGPathElement>('path');
        if (animate) path.transition('move').duration(450).attr('d', d.d);
        else path.attr('d', d.d);
        path.attr('marker-end', d.link.style === 'bound' || d.link.style === 'solid' ? 'url(#ko-col-arrow)' : null).attr('marker-start', d.link.style === 'bound' ? 'url(#ko-col-arrow)' : null);
        g.select('text')
          .attr('x', d.mid.x)
          .attr('y', d.mid.y + 4)
          .text(d.link.style === 'broken' ? '✕' : '');
        g.select('title').text(d.link.title);
      });
    void state;
  }

  private drawItems(layout: ColumnLayout, state: MirrorState, animate: boolean): void {
    const joined = joinFocusable(
      this.itemLayer.selectAll<SVGGElement, ColumnItem>('g.ko-col-item').data(this.scene.items, (d) => d.id),
      { exitClass: 'ko-col-exiting', animate, ms: 250 },
    );
    joined.each(function (d) {
      const r = layout.items.get(d.id);
      if (!r) return;
      const cache = drawn(this);
      const sig = itemSignature(d, r.w, r.h);
      if (cache.sig !== sig) {
        cache.sig = sig;
        drawItem(this, d, layout.text.get(d.id) as WrappedText, r.w, r.h);
        if (d.kind) {
          this.setAttribute('data-kind', d.kind);
          this.setAttribute('data-name', d.name);
          this.setAttribute('data-namespace', d.namespace);
          this.setAttribute('tabindex', '0');
          this.setAttribute('role', 'button');
        } else {
          for (const a of ['data-kind', 'data-name', 'data-namespace', 'tabindex', 'role']) this.removeAttribute(a);
        }
        this.setAttribute('data-item', d.id);
        this.setAttribute('data-phase', d.phase);
        if (d.missing) this.setAttribute('data-missing', 'true');
        else this.removeAttribute('data-missing');
        for (const [k, v] of Object.entries(d.data ?? {})) this.setAttribute(`data-${k}`, v);
        this.setAttribute('aria-label', d.aria);
      }
      const pos = `translate(${r.x},${r.y})`;
      if (cache.pos === pos) return;
      const first = cache.pos === undefined;
      cache.pos = pos;
      const sel = select(this);
      if (!animate) sel.interrupt().attr('transform', pos).style('opacity', null);
      else if (first) sel.attr('transform', pos).transition().duration(350).style('opacity', 1);
      else sel.transition().duration(450).attr('transform', pos).style('opacity', 1);
    });
    joined.attr('class', (d) =>
      ['ko-col-item', `ko-col-c${d.column}`, d.missing ? 'ko-col-missing' : '', d.kind ? '' : 'ko-col-use', this.pulseClass(state, d.resource, d.key)].filter(Boolean).join(' '),
    );
  }

  protected markSelection(): void {
    const match = (kind: string, ns: string, name: string) => this.isSelected(kind, ns, name);
    this.itemLayer.selectAll<SVGGElement, unknown>('g.ko-col-item').each(function () {
      if (!this.dataset.kind) return;
      const on = match(this.dataset.kind, this.dataset.namespace ?? '', this.dataset.name ?? '');
      this.classList.toggle('ko-selected', on);
      this.setAttribute('aria-pressed', String(on));
    });
  }
}
