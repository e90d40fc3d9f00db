import { select } from 'd3';
import 'd3-transition';
import type { MirrorState } from '../../state/mirror';
import { drawn, joinFocusable, MirrorSvgRenderer, type G, type RendererOptions } from '../svgRenderer';
import { networkObjectsFromMirror, NETWORK_RESOURCES } from '../model/networkObjects';
import { buildNetScene, type NetNode, type NetPod, type NetScene } from './scene';
import { computeNetLayout, type BadgePlace, type LinkPlace, type NetLayout } from './layout';
import { traffic } from '../../state/traffic';
import { badgeText, drawBadge, drawLink, drawNetNode, drawNetPod, netNodeSignature, netPodSignature } from './draw';

/**
 * The Network view's SVG: nodes with their podCIDR, InternalIP, pods with IPs and policy
 * badges, and the CNI's links between the nodes (VXLAN tunnels, BGP sessions, a Weave mesh).
 * Rebuilt only when nodes, pods, policies or the settings move.
 */
export class NetworkRenderer extends MirrorSvgRenderer {
  private readonly linkLayer: G;
  private readonly nodeLayer: G;
  private readonly podLayer: G;
  private readonly badgeLayer: G;
  private scene: NetScene | null = null;
  private layout: NetLayout | null = null;
  private inputSig = '';
  private readonly unsubscribeTraffic: () => void;

  constructor(host: HTMLElement, opts: RendererOptions) {
    super(host, opts, 'ko-network-svg');
    this.linkLayer = this.layer('ko-net-links');
    this.nodeLayer = this.layer('ko-net-nodes');
    this.podLayer = this.layer('ko-net-pods');
    this.badgeLayer = this.layer('ko-net-badges');
    this.unsubscribeTraffic = traffic.subscribe((s, prev) => {
      if (s.trace !== prev.trace) this.markTraffic();
    });
  }

  override destroy(): void {
    this.unsubscribeTraffic();
    super.destroy();
  }

  /**
   * The last traced request, over this picture: its pods ringed and, when it crossed nodes,
   * the CNI link it took (from the trace's overlay hop) drawn bold.
   */
  private markTraffic(): void {
    const trace = traffic.getState().trace;
    const pods = new Set<string>();
    const links = new Set<string>();
    for (const hop of trace?.hops ?? []) {
      if (hop.ref?.kind === 'Pod') pods.add(`${hop.ref.namespace ?? 'default'}/${hop.ref.name}`);
      const to = hop.params?.to;
      if (hop.kind === 'overlay' && hop.node && typeof to === 'string' && to !== hop.node) {
        links.add(`${hop.node}|${to}`);
        links.add(`${to}|${hop.node}`);
      }
    }
    if (trace?.servedBy) pods.add(`${trace.servedBy.namespace ?? 'default'}/${trace.servedBy.name}`);
    this.podLayer.selectAll<SVGGElement, NetPod>('g.ko-net-pod').classed('ko-net-traced', (d) => pods.has(d.key));
    this.linkLayer.selectAll<SVGGElement, LinkPlace>('g.ko-net-link').classed('ko-net-traced', (d) => links.has(d.id));
  }

  protected rebuild(state: MirrorState): void {
    const r = NETWORK_RESOURCES;
    const v = state.versions;
    // Services and EndpointSlices do not change this picture: skip the work when only they moved.
    const sig = [v[r.nodes], v[r.pods], v[r.networkPolicies], v[r.namespaces], JSON.stringify(state.settings)].join('|');
    if (sig === this.inputSig && this.scene) return;
    this.inputSig = sig;
    this.scene = buildNetScene(networkObjectsFromMirror(state.objects), state.settings);
  }

  protected render(relayoutOnly: boolean): void {
    const scene = this.scene;
    const state = this.state;
    if (!scene || !state) return;
    const { t } = this.opts;
    const layout = computeNetLayout(scene.nodes, this.width, (b) => badgeText(b, scene.model.cni, t));
    this.layout = layout;
    const animate = this.fit(layout.width, layout.height, relayoutOnly);
    this.svg.attr('data-cni', scene.model.cni).attr('data-transport', scene.model.transport);
    this.drawLinks(scene, layout);
    this.drawNodes(scene, layout, state);
    this.drawPods(scene, layout, state, animate);
    this.drawBadges(scene, layout);
    this.markSelection();
    this.markTraffic();
  }

  private drawLinks(scene: NetScene, layout: NetLayout): void {
    const { t, lang } = this.opts;
    const m = scene.model;
    this.linkLayer
      .selectAll<SVGGElement, LinkPlace>('g.ko-net-link')
      .data(layout.links, (d) => d.id)
      .join((enter) => enter.append('g').attr('class', 'ko-net-link'))
      .each(function (d) {
        const cache = drawn(this);
        const sig = [lang, d.d, m.transport, m.encrypted].join('|');
        if (cache.sig === sig) return;
        cache.sig = sig;
        drawLink(this, d, m, t);
        this.setAttribute('data-transport', m.transport);
        this.setAttribute('data-from', d.from);
        this.setAttribute('data-to', d.to);
        this.setAttribute('data-encrypted', String(m.encrypted));
      });
  }

  private drawNodes(scene: NetScene, layout: NetLayout, state: MirrorState): void {
    const { t, lang } = this.opts;
    const m = scene.model;
    this.nodeLayer
      .selectAll<SVGGElement, NetNode>('g.ko-net-node')
      .data(scene.nodes, (d) => d.name)
      .join((enter) => enter.append('g').attr('class', 'ko-net-node').attr('tabindex', 0).attr('role', 'button').attr('data-kind', 'Node').attr('data-namespace', ''))
      .each(function (d) {
        const r = layout.nodes.get(d.name);
        if (!r) return;
        const cache = drawn(this);
        const sig = netNodeSignature(d, r, m, lang, layout.routesY.get(d.name) ?? 0);
        if (cache.sig !== sig) {
          drawNetNode(this, d, r, m, layout.routesY.get(d.name) ?? 0, t);
          cache.sig = sig;
          this.setAttribute('data-name', d.name);
          this.setAttribute('data-pod-cidr', d.podCIDR);
          this.setAttribute('data-internal-ip', d.internalIP);
          this.setAttribute('aria-label', t('network.aria.node', { name: d.name, ip: d.internalIP, cidr: d.podCIDR || '—', count: d.pods.length }));
        }
        const pos = `translate(${r.x},${r.y})`;
        if (cache.pos !== pos) {
          this.setAttribute('transform', pos);
          cache.pos = pos;
        }
      })
      .attr('class', (d) => ['ko-net-node', this.pulseClass(state, 'nodes', d.name)].filter(Boolean).join(' '));
  }

  private drawPods(scene: NetScene, layout: NetLayout, state: MirrorState, animate: boolean): void {
    const { t, lang } = this.opts;
    const pods = scene.nodes.flatMap((n) => n.pods);
    const joined = joinFocusable(this.podLayer.selectAll<SVGGElement, NetPod>('g.ko-net-pod').data(pods, (d) => d.key), {
      enterClass: 'ko-net-pod',
      dataKind: 'Pod',
      exitClass: 'ko-net-pod-exiting',
      animate,
      ms: 250,
    });
    joined.each(function (d) {
      const r = layout.pods.get(d.key);
      if (!r) return;
      const cache = drawn(this);
      const sig = netPodSignature(d, r, lang);
      if (cache.sig !== sig) {
        drawNetPod(this, d, r);
        cache.sig = sig;
        this.setAttribute('data-name', d.name);
        this.setAttribute('data-namespace', d.namespace);
        this.setAttribute('data-phase', d.status.text);
        this.setAttribute('data-node', d.node);
        this.setAttribute('data-ip', d.ip);
        this.setAttribute('data-policies', d.policies.map((p) => p.name).join(' '));
        this.setAttribute('aria-label', t('network.aria.pod', { name: d.name, namespace: d.namespace, ip: d.ip, status: d.status.text, node: d.node }));
      }
      const pos = `translate(${r.x},${r.y})`;
      if (cache.pos === pos) return;
      const first = cache.pos === undefined;
      cache.pos = pos;
      const sel = select(this);
      if (!animate) sel.interrupt().attr('transform', pos).style('opacity', null);
      else if (first) sel.attr('transform', pos).transition().duration(300).style('opacity', 1);
      else sel.transition().duration(400).attr('transform', pos).style('opacity', 1);
    });
    joined.attr('class', (d) => ['ko-net-pod', this.pulseClass(state, 'pods', d.key)].filter(Boolean).join(' '));
  }

  private drawBadges(scene: NetScene, layout: NetLayout): void {
    const { t, lang } = this.opts;
    const cni = scene.model.cni;
    this.badgeLayer
      .selectAll<SVGGElement, BadgePlace>('g.ko-net-badge')
      .data(layout.badges, (d) => `${d.pod.key}|${d.badge.name}`)
      .join((enter) => enter.append('g').attr('class', 'ko-net-badge').attr('tabindex', 0).attr('role', 'button').attr('data-kind', 'NetworkPolicy'))
      .each(function (d) {
        const cache = drawn(this);
        const sig = [lang, d.label, d.w, d.badge.enforced, d.badge.directions.join(',')].join('|');
        if (cache.sig !== sig) {
          drawBadge(this, d, cni, t);
          cache.sig = sig;
          this.setAttribute('data-name', d.badge.name);
          this.setAttribute('data-namespace', d.badge.namespace);
          this.setAttribute('data-enforced', String(d.badge.enforced));
          this.setAttribute('data-pod', d.pod.key);
          this.setAttribute('aria-label', t(d.badge.enforced ? 'network.aria.policyEnforced' : 'network.aria.policyIgnored', { name: d.badge.name, pod: d.pod.name, cni: t(`network.cniName.${cni}`) }));
        }
        const pos = `translate(${d.x},${d.y})`;
        if (cache.pos !== pos) {
          this.setAttribute('transform', pos);
          cache.pos = pos;
        }
      })
      .attr('class', (d) => `ko-net-badge ${d.badge.enforced ? 'ko-net-enforced' : 'ko-net-ignored'}`);
  }

  protected markSelection(): void {
    const match = (kind: string, ns: string, name: string) => this.isSelected(kind, ns, name);
    this.nodeLayer.selectAll<SVGGElement, NetNode>('g.ko-net-node').classed('ko-selected', (d) => match('Node', '', d.name)).attr('aria-pressed', (d) => String(match('Node', '', d.name)));
    this.podLayer.selectAll<SVGGElement, NetPod>('g.ko-net-pod').classed('ko-selected', (d) => match('Pod', d.namespace, d.name)).attr('aria-pressed', (d) => String(match('Pod', d.namespace, d.name)));
    this.badgeLayer
      .selectAll<SVGGElement, BadgePlace>('g.ko-net-badge')
      .classed('ko-selected', (d) => match('NetworkPolicy', d.badge.namespace, d.badge.name))
      .attr('aria-pressed', (d) => String(match('NetworkPolicy', d.badge.namespace, d.badge.name)));
  }

  /** For tests: what is drawn. */
  currentScene(): NetScene | null {
    return this.scene;
  }
}
