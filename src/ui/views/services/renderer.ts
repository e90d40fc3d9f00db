import { select } from 'd3';
// Side-effect import: adds selection.transition() for the joins below.
import 'd3-transition';
import type { MirrorState } from '../../state/mirror';
import { drawn, joinFocusable, MirrorSvgRenderer, type G, type RendererOptions } from '../svgRenderer';
import { textWidth } from '../cluster/measure';
import { buildServiceScene, type PodEntry, type ServiceItem, type ServiceScene } from './model';
import { computeServiceLayout, SVC_METRICS, type MoreChip, type ServiceLayout, type SvcLink } from './layout';
import { drawPodEntry, drawSelectorChip, drawServiceContent, endpointText, podEntrySignature, serviceSignature } from './drawServices';
import { NETWORK_RESOURCES } from '../model/networkObjects';
import { TraceOverlay } from './traceOverlay';
import { traffic } from '../../state/traffic';

interface PodDatum {
  pod: PodEntry;
  unselected: boolean;
  system: boolean;
}
interface SvcDatum {
  svc: ServiceItem;
  system: boolean;
}

const EMPTY_TOP = 40;

/** After a fade-in the stylesheet decides opacity again (system pods are drawn quieter). */
function clearOpacity(this: SVGGElement): void {
  this.style.opacity = '';
}

/**
 * The Services view's SVG: per namespace each Service, its selector chips and the pods they
 * match (dashed selector links), then the pods nothing selects. Pods are keyed by uid and
 * tweened, so a pod relabelled `app=web` visibly moves from the unselected group to its Service.
 */
export class ServicesRenderer extends MirrorSvgRenderer {
  private readonly bandLayer: G;
  private readonly labelLayer: G;
  private readonly linkLayer: G;
  private readonly selLayer: G;
  private readonly itemLayer: G;
  private readonly moreLayer: G;
  private readonly emptyLayer: G;
  readonly trace: TraceOverlay;
  private scene: ServiceScene = { namespaces: [], services: new Map(), pods: new Map(), empty: true };
  private layoutCache: ServiceLayout | null = null;
  private readonly expanded = new Set<string>();
  private sceneKey = '';
  private readonly unsubscribeTraffic: () => void;

  constructor(host: HTMLElement, opts: RendererOptions) {
    super(host, opts, 'ko-services-svg');
    this.emptyLayer = this.layer('ko-svc-empty-layer');
    this.bandLayer = this.layer('ko-svc-bands');
    this.labelLayer = this.layer('ko-svc-labels');
    this.linkLayer = this.layer('ko-svc-links');
    this.selLayer = this.layer('ko-svc-selectors');
    this.itemLayer = this.layer('ko-svc-items');
    this.moreLayer = this.layer('ko-svc-more');
    this.trace = new TraceOverlay(this.layer('ko-svc-trace'), this.itemLayer, this.linkLayer);
    const onTraffic = () => {
      const s = traffic.getState();
      this.trace.set(s.trace, s.seq, this.layoutCache, this.scene);
    };
    onTraffic();
    this.unsubscribeTraffic = traffic.subscribe((s, prev) => {
      if (s.trace !== prev.trace || s.seq !== prev.seq) onTraffic();
    });
    const toggle = (e: Event) => {
      const more = (e.target as Element).closest<SVGGElement>('[data-more]');
      if (!more) return false;
      const id = more.dataset.more as string;
      if (this.expanded.has(id)) this.expanded.delete(id);
      else this.expanded.add(id);
      this.render(true);
      // The chip was redrawn: keep the keyboard where it was.
      this.moreLayer.select<SVGGElement>(`[data-more="${CSS.escape(id)}"]`).node()?.focus();
      return true;
    };
    this.moreLayer.on('click', toggle);
    this.moreLayer.on('keydown', (e: KeyboardEvent) => {
      if ((e.key === 'Enter' || e.key === ' ') && toggle(e)) e.preventDefault();
    });
  }

  override destroy(): void {
    this.unsubscribeTraffic();
    this.trace.destroy();
    super.destroy();
  }

  protected rebuild(state: MirrorState): void {
    // Only pods, Services and EndpointSlices change this picture: other ticks keep the scene.
    const r = NETWORK_RESOURCES;
    const v = state.versions;
    const key = `${v[r.pods] ?? 0}|${v[r.services] ?? 0}|${v[r.endpointSlices] ?? 0}`;
    if (key === this.sceneKey && this.sceneKey !== '') return;
    this.sceneKey = key;
    this.scene = buildServiceScene(state.objects);
  }

  /** The drawn layout (for the trace overlay and tests). */
  layout(): ServiceLayout | null {
    return this.layoutCache;
  }

  sceneNow(): ServiceScene {
    return this.scene;
  }

  protected render(relayoutOnly: boolean): void {
    const state = this.state;
    if (!state) return;
    const top = this.scene.empty ? EMPTY_TOP + SVC_METRICS.margin : SVC_METRICS.margin;
    const layout = computeServiceLayout(this.scene, this.width, this.expanded, (s) => textWidth(s, 11, 600), top);
    this.layoutCache = layout;
    const animate = this.fit(layout.width, layout.height, relayoutOnly);
    this.drawEmpty(layout);
    this.drawBands(layout);
    this.drawLabels(layout);
    this.drawLinks(layout, animate);
    this.drawSelectors(layout);
    this.drawServices(layout, state, animate);
    this.drawPods(layout, state, animate);
    this.drawMore(layout);
    this.markSelection();
    this.trace.relayout(layout, this.scene);
  }

  private drawEmpty(layout: ServiceLayout): void {
    const { t } = this.opts;
    this.emptyLayer
      .selectAll<SVGTextElement, string>('text')
      .data(this.scene.empty ? [t('services.empty')] : [])
      .join('text')
      .attr('class', 'ko-svc-empty')
      .attr('data-testid', 'services-empty')
      .attr('x', SVC_METRICS.margin + 4)
      .attr('y', SVC_METRICS.margin + 18)
      .text((d) => d);
    void layout;
  }

  private drawBands(layout: ServiceLayout): void {
    const { t } = this.opts;
    const byNs = new Map(this.scene.namespaces.map((n) => [n.namespace, n]));
    this.bandLayer
      .selectAll<SVGGElement, ServiceLayout['bands'][number]>('g.ko-svc-band')
      .data(layout.bands, (d) => d.namespace)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'ko-svc-band');
        g.append('rect').attr('class', 'ko-owner-band-bg').attr('rx', 12);
        const head = g.append('g').attr('class', 'ko-owner-band-head').attr('tabindex', 0).attr('role', 'button').attr('data-kind', 'Namespace').attr('data-namespace', '');
        head.append('rect').attr('x', 14).attr('y', 11).attr('width', 10).attr('height', 10).attr('rx', 3);
        head.append('text').attr('class', 'ko-owner-band-name').attr('x', 30).attr('y', 21);
        return g;
      })
      .each(function (d) {
        const ns = byNs.get(d.namespace);
        const g = select(this);
        g.attr('transform', `translate(${d.rect.x},${d.rect.y})`).classed('ko-system', Boolean(ns?.system)).style('--ns-color', ns?.color ?? '#94a3b8');
        g.select('rect.ko-owner-band-bg').attr('width', d.rect.w).attr('height', d.rect.h);
        const head = g.select<SVGGElement>('g.ko-owner-band-head').attr('data-name', d.namespace).attr('aria-label', t('owners.aria.namespace', { name: d.namespace }));
        head.select('rect').attr('fill', ns?.color ?? '#94a3b8');
        head.select('text').text(d.namespace);
      });
  }

  private drawLabels(layout: ServiceLayout): void {
    const { t } = this.opts;
    this.labelLayer
      .selectAll<SVGTextElement, ServiceLayout['labels'][number]>('text')
      .data(layout.labels, (d) => d.id)
      .join('text')
      .attr('class', (d) => `ko-svc-group ko-svc-group-${d.kind}`)
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .text((d) => (d.kind === 'unselected' ? t('services.unselected') : d.kind === 'shared' ? t('services.shared', { count: d.count }) : t('services.noServices')));
  }

  private drawLinks(layout: ServiceLayout, animate: boolean): void {
    this.linkLayer
      .selectAll<SVGPathElement, SvcLink>('path.ko-svc-link')
      .data(layout.links, (d) => d.id)
      .join(
        (enter) => {
          const p = enter.append('path').attr('class', 'ko-svc-link').attr('d', (d) => d.d);
          // A named transition: the position tween below must not cancel the fade-in.
          if (animate) p.style('opacity', 0).transition('fade').delay(200).duration(300).style('opacity', 1);
          return p;
        },
        (update) => update,
        (exit) => (animate ? exit.transition().duration(200).style('opacity', 0).remove() : exit.remove()),
      )
      .attr('data-link', (d) => d.id)
      .call((sel) => {
        const target = animate ? sel.transition().duration(450) : sel;
        target.attr('d', (d) => d.d);
      });
  }

  private drawSelectors(layout: ServiceLayout): void {
    this.selLayer
      .selectAll<SVGPathElement, ServiceLayout['stems'][number]>('path.ko-svc-stem')
      .data(layout.stems, (d) => d.id)
      .join('path')
      .attr('class', 'ko-svc-stem')
      .attr('d', (d) => d.d);
    this.selLayer
      .selectAll<SVGGElement, ServiceLayout['selectors'][number]>('g.ko-svc-sel')
      .data(layout.selectors, (d) => d.id)
      .join('g')
      .attr('class', 'ko-svc-sel')
      .attr('data-selector', (d) => d.text)
      .attr('transform', (d) => `translate(${d.rect.x},${d.rect.y})`)
      .each(function (d) {
        const cache = drawn(this);
        const sig = `${d.text}|${d.rect.w}`;
        if (cache.sig === sig) return;
        cache.sig = sig;
        drawSelectorChip(this, d.text, d.rect);
      });
  }

  private drawServices(layout: ServiceLayout, state: MirrorState, animate: boolean): void {
    const { t, lang } = this.opts;
    const data: SvcDatum[] = [];
    for (const ns of this.scene.namespaces) for (const row of ns.rows) data.push({ svc: row.service, system: ns.system });
    const joined = this.itemLayer
      .selectAll<SVGGElement, SvcDatum | PodDatum>('g.ko-svc-box')
      .data(data, (d) => (d as SvcDatum).svc.id)
      .join(
        (enter) => enter.append('g').attr('tabindex', 0).attr('role', 'button'),
        (update) => update,
        (exit) => exit.attr('data-kind', null).remove(),
      );
    const sliceChanged = (s: ServiceItem) => s.slices.some((n) => state.changed.has(`${NETWORK_RESOURCES.endpointSlices}|${s.namespace}/${n}`));
    joined.each(function (d) {
      const { svc } = d;
      const r = layout.services.get(svc.id);
      if (!r) return;
      const cache = drawn(this);
      const sig = serviceSignature(svc, r, lang);
      if (cache.sig !== sig) {
        cache.sig = sig;
        drawServiceContent(this, svc, r, t);
        this.setAttribute('data-kind', 'Service');
        this.setAttribute('data-name', svc.name);
        this.setAttribute('data-namespace', svc.namespace);
        this.setAttribute('data-type', svc.type);
        this.setAttribute('data-cluster-ip', svc.clusterIP);
        if (svc.externalIP !== undefined) this.setAttribute('data-external-ip', svc.externalIP);
        else this.removeAttribute('data-external-ip');
        if (svc.nodePorts.length) this.setAttribute('data-node-port', svc.nodePorts.join(' '));
        else this.removeAttribute('data-node-port');
        this.setAttribute('data-ready-endpoints', String(svc.ready));
        this.setAttribute(
          'aria-label',
          t('services.aria.service', { name: svc.name, type: svc.type, ip: svc.externalName ?? svc.clusterIP, ports: svc.ports.join(', '), ready: svc.ready, notReady: svc.notReady }),
        );
      }
      const pos = `translate(${r.x},${r.y})`;
      if (cache.pos === pos) return;
      const first = cache.pos === undefined;
      cache.pos = pos;
      const sel = select(this);
      if (!animate || first) sel.interrupt().attr('transform', pos);
      else sel.transition().duration(450).attr('transform', pos);
    });
    joined.attr('class', (d) => {
      const pulse = this.pulseClass(state, NETWORK_RESOURCES.services, `${d.svc.namespace}/${d.svc.name}`) ?? (sliceChanged(d.svc) ? `ko-pulse-${state.tick % 2}` : null);
      return ['ko-svc-item', 'ko-svc-box', d.system ? 'ko-system' : '', pulse].filter(Boolean).join(' ');
    });
  }

  private drawPods(layout: ServiceLayout, state: MirrorState, animate: boolean): void {
    const { t, lang } = this.opts;
    const data: PodDatum[] = [];
    for (const ns of this.scene.namespaces) {
      for (const row of ns.rows) for (const pod of row.pods) if (layout.pods.has(pod.id)) data.push({ pod, unselected: false, system: ns.system });
      for (const pod of ns.unselected) if (layout.pods.has(pod.id)) data.push({ pod, unselected: true, system: ns.system });
    }
    const joined = joinFocusable(
      this.itemLayer.selectAll<SVGGElement, SvcDatum | PodDatum>('g.ko-svc-pod').data(data, (d) => (d as PodDatum).pod.id),
      { exitClass: 'ko-svc-exiting', animate, ms: 300 },
    );
    joined.each(function (d) {
      const { pod } = d;
      const r = layout.pods.get(pod.id);
      if (!r) return;
      const cache = drawn(this);
      const sig = podEntrySignature(pod, r.w, lang, d.unselected);
      if (cache.sig !== sig) {
        cache.sig = sig;
        drawPodEntry(this, pod, r, t, d.unselected);
        this.setAttribute('data-kind', 'Pod');
        this.setAttribute('data-name', pod.name);
        this.setAttribute('data-namespace', pod.namespace);
        this.setAttribute('data-phase', pod.status.text);
        this.setAttribute('data-node', pod.node);
        this.setAttribute('data-selected-by', pod.selectedBy.join(' '));
        this.setAttribute('data-endpoint', pod.endpoint);
        this.setAttribute('data-ip', pod.ip);
        const state = d.unselected ? 'unselected' : pod.endpoint;
        this.setAttribute(
          'aria-label',
          t('services.aria.pod', { name: pod.name, status: pod.status.text, endpoint: endpointText(state, t), address: pod.dnsNames[0] ?? (pod.addresses.join(', ') || pod.ip || t('services.noIP')), services: pod.selectedBy.join(', ') || '—' }),
        );
      }
      const pos = `translate(${r.x},${r.y})`;
      if (cache.pos === pos) return;
      const first = cache.pos === undefined;
      cache.pos = pos;
      const sel = select(this);
      if (!animate) sel.interrupt().attr('transform', pos).style('opacity', null);
      else if (first) sel.attr('transform', pos).transition().duration(350).style('opacity', 1).on('end', clearOpacity);
      else sel.transition().duration(550).attr('transform', pos).style('opacity', 1).on('end', clearOpacity);
    });
    joined.attr('class', (d) =>
      ['ko-svc-item', 'ko-svc-pod', 'ko-pod', d.unselected ? 'ko-svc-unselected' : '', d.system ? 'ko-system' : '', this.pulseClass(state, 'pods', `${d.pod.namespace}/${d.pod.name}`)].filter(Boolean).join(' '),
    );
  }

  private drawMore(layout: ServiceLayout): void {
    const { t } = this.opts;
    this.moreLayer
      .selectAll<SVGGElement, MoreChip>('g.ko-svc-more')
      .data(layout.more, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'ko-svc-more').attr('tabindex', 0).attr('role', 'button');
        g.append('rect').attr('class', 'ko-svc-more-bg').attr('rx', 6);
        g.append('text').attr('class', 'ko-svc-more-text').attr('x', 12).attr('y', 19);
        return g;
      })
      .attr('data-more', (d) => d.id.slice('more|'.length))
      .attr('aria-expanded', (d) => String(d.expanded))
      .attr('transform', (d) => `translate(${d.rect.x},${d.rect.y})`)
      .each(function (d) {
        const g = select(this);
        g.select('rect').attr('width', d.rect.w).attr('height', d.rect.h);
        g.select('text').text(d.expanded ? t('services.less') : t('services.more', { count: d.hidden }));
      });
  }

  protected markSelection(): void {
    const match = (kind: string, ns: string, name: string) => this.isSelected(kind, ns, name);
    this.itemLayer.selectAll<SVGGElement, unknown>('g.ko-svc-item').each(function () {
      const on = match(this.dataset.kind ?? '', this.dataset.namespace ?? '', this.dataset.name ?? '');
      this.classList.toggle('ko-selected', on);
      this.setAttribute('aria-pressed', String(on));
    });
    this.bandLayer.selectAll<SVGGElement, unknown>('g.ko-owner-band-head').classed('ko-selected', function () {
      return match('Namespace', '', this.dataset.name ?? '');
    });
  }
}
