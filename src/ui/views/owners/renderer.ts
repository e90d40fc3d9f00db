import { select } from 'd3';
// Side-effect import: adds selection.transition() for the joins below.
import 'd3-transition';
import type { MirrorState } from '../../state/mirror';
import { drawn, joinFocusable, MirrorSvgRenderer, type G, type RendererOptions } from '../svgRenderer';
import { buildOwnerForest, flatten, type NamespaceGroup, type OwnerItem } from './tree';
import { computeOwnerLayout, OWNER_METRICS, type OwnerLayout, type OwnerLink } from './layout';
import { drawItemContent, itemSignature } from './drawOwners';

interface Placed {
  item: OwnerItem;
  color: string;
  system: boolean;
}

/**
 * The owner view's SVG, drawn like the cluster view's: keyed joins by uid, content redrawn
 * only when its signature changes, positions tweened so pods visibly leave an old
 * ReplicaSet and gather under the new one during a rolling update.
 */
export class OwnersRenderer extends MirrorSvgRenderer {
  private readonly headerLayer: G;
  private readonly bandLayer: G;
  private readonly linkLayer: G;
  private readonly itemLayer: G;
  private groups: NamespaceGroup[] = [];

  constructor(host: HTMLElement, opts: RendererOptions) {
    super(host, opts, 'ko-owners-svg');
    this.headerLayer = this.layer('ko-owner-headers');
    this.bandLayer = this.layer('ko-owner-bands');
    this.linkLayer = this.layer('ko-owner-links');
    this.itemLayer = this.layer('ko-owner-items');
  }

  protected rebuild(state: MirrorState): void {
    this.groups = buildOwnerForest(state.objects);
  }

  protected render(relayoutOnly: boolean): void {
    const state = this.state;
    if (!state) return;
    const layout = computeOwnerLayout(this.groups, this.width);
    const animate = this.fit(layout.width, layout.height, relayoutOnly);
    this.drawHeaders(layout);
    this.drawBands(layout);
    this.drawLinks(layout, animate);
    this.drawItems(layout, state, animate);
    this.markSelection();
  }

  private drawHeaders(layout: OwnerLayout): void {
    const { t } = this.opts;
    const titles = [t('owners.column.workloads'), t('owners.column.controlled'), t('owners.column.pods')];
    // The outline has no columns to head.
    this.headerLayer
      .selectAll<SVGTextElement, { x: number; title: string }>('text')
      .data(layout.compact ? [] : layout.columns.map((c, i) => ({ x: c.x, title: titles[i] as string })))
      .join('text')
      .attr('class', 'ko-owner-col-title')
      .attr('x', (d) => d.x)
      .attr('y', 19)
      .text((d) => d.title);
  }

  private drawBands(layout: OwnerLayout): void {
    const { t } = this.opts;
    const byNs = new Map(this.groups.map((g) => [g.namespace, g]));
    const bands = this.bandLayer
      .selectAll<SVGGElement, OwnerLayout['bands'][number]>('g.ko-owner-band')
      .data(layout.bands, (d) => d.namespace)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'ko-owner-band');
        g.append('rect').attr('class', 'ko-owner-band-bg').attr('rx', 12);
        const head = g.append('g').attr('class', 'ko-owner-band-head').attr('tabindex', 0).attr('role', 'button').attr('data-kind', 'Namespace').attr('data-namespace', '');
        head.append('rect').attr('class', 'ko-owner-band-swatch').attr('x', 14).attr('y', 10).attr('width', 10).attr('height', 10).attr('rx', 3);
        head.append('text').attr('class', 'ko-owner-band-name').attr('x', 30).attr('y', 20);
        g.append('text').attr('class', 'ko-empty ko-owner-band-empty');
        return g;
      });
    bands.each(function (d) {
      const group = byNs.get(d.namespace);
      const color = group?.color ?? '#94a3b8';
      const g = select(this);
      g.attr('transform', `translate(${d.rect.x},${d.rect.y})`).classed('ko-system', Boolean(group?.system)).style('--ns-color', color);
      g.select('rect.ko-owner-band-bg').attr('width', d.rect.w).attr('height', d.rect.h);
      const head = g.select<SVGGElement>('g.ko-owner-band-head').attr('data-name', d.namespace).attr('aria-label', t('owners.aria.namespace', { name: d.namespace }));
      head.select('rect').attr('fill', color);
      head.select('text').text(d.namespace);
      g.select('text.ko-owner-band-empty')
        .attr('x', OWNER_METRICS.bandPad)
        .attr('y', OWNER_METRICS.bandHeader + 20)
        .text(group && group.roots.length === 0 ? t('owners.emptyNamespace') : '');
    });
  }

  private drawLinks(layout: OwnerLayout, animate: boolean): void {
    this.linkLayer
      .selectAll<SVGPathElement, OwnerLink>('path.ko-owner-link')
      .data(layout.links, (d) => d.id)
      .join(
        (enter) =>
          enter
            .append('path')
            .attr('class', (d) => (d.byName ? 'ko-owner-link ko-owner-link-byname' : 'ko-owner-link'))
            .attr('d', (d) => d.d),
        (update) => update,
        (exit) => (animate ? exit.transition().duration(250).style('opacity', 0).remove() : exit.remove()),
      )
      .call((sel) => {
        const target = animate ? sel.transition().duration(400) : sel;
        target.attr('d', (d) => d.d);
      });
  }

  private drawItems(layout: OwnerLayout, state: MirrorState, animate: boolean): void {
    const { t, lang } = this.opts;
    const placed: Placed[] = [];
    for (const g of this.groups) {
      const walk = (item: OwnerItem) => {
        placed.push({ item, color: g.color, system: g.system });
        item.children.forEach(walk);
      };
      g.roots.forEach(walk);
    }
    const joined = joinFocusable(
      this.itemLayer.selectAll<SVGGElement, Placed>('g.ko-owner-item').data(placed, (d) => d.item.id),
      { enterClass: 'ko-owner-item', exitClass: 'ko-owner-exiting', animate, ms: 300 },
    );
    joined.each(function (d) {
      const { item } = d;
      const r = layout.rects.get(item.id);
      if (!r) return;
      const cache = drawn(this);
      const sig = itemSignature(item, r, d.color, lang);
      if (cache.sig !== sig) {
        drawItemContent(this, item, r, d.color, d.system, t);
        cache.sig = sig;
        this.setAttribute('data-kind', item.kind);
        this.setAttribute('data-name', item.name);
        this.setAttribute('data-namespace', item.namespace);
        if (item.pod) {
          this.setAttribute('data-phase', item.pod.status.text);
          this.setAttribute('data-node', item.pod.node);
          this.setAttribute(
            'aria-label',
            item.pod.node
              ? t('aria.pod', { name: item.name, status: item.pod.status.text, node: item.pod.node, namespace: item.namespace })
              : t('aria.podUnscheduled', { name: item.name, status: item.pod.status.text, namespace: item.namespace }),
          );
        } else {
          if (item.replicas) {
            this.setAttribute('data-desired', String(item.replicas.desired));
            this.setAttribute('data-current', String(item.replicas.current));
            this.setAttribute('data-ready', String(item.replicas.ready));
          }
          if (item.revision) this.setAttribute('data-revision', item.revision);
          this.setAttribute('aria-label', t('owners.aria.item', { kind: item.kind, name: item.name, status: [item.replicas ? t('owners.counts', { ...item.replicas }) : item.detail ?? '', item.revision ? t('owners.revision', { revision: item.revision }) : ''].filter(Boolean).join(', ') }));
        }
        this.setAttribute('data-owner-column', String(item.column));
        // Who owns it, as drawn: lets tests (and the curious) follow the links without geometry.
        if (item.owner) this.setAttribute('data-owner', `${item.owner.kind}/${item.owner.name}`);
        else this.removeAttribute('data-owner');
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
      ['ko-owner-item', d.item.pod ? 'ko-pod' : d.item.kind === 'PersistentVolumeClaim' ? 'ko-owner-claim' : 'ko-owner-box', d.system ? 'ko-system' : '', d.item.idle ? 'ko-owner-idle' : '', d.item.terminating ? 'ko-owner-terminating' : '', this.pulseClass(state, d.item.resource, `${d.item.namespace}/${d.item.name}`)]
        .filter(Boolean)
        .join(' '),
    );
  }

  protected markSelection(): void {
    const match = (kind: string, ns: string, name: string) => this.isSelected(kind, ns, name);
    this.itemLayer
      .selectAll<SVGGElement, Placed>('g.ko-owner-item')
      .classed('ko-selected', (d) => match(d.item.kind, d.item.namespace, d.item.name))
      .attr('aria-pressed', (d) => String(match(d.item.kind, d.item.namespace, d.item.name)));
    this.bandLayer.selectAll<SVGGElement, unknown>('g.ko-owner-band-head').classed('ko-selected', function () {
      return match('Namespace', '', this.dataset.name ?? '');
    });
  }

  /** Every drawn item, for tests. */
  items(): OwnerItem[] {
    return flatten(this.groups);
  }
}
