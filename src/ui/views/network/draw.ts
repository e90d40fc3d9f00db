import type { CniPlugin } from '../../../sim/settings';
import type { NetworkModel } from '../../../sim/network/types';
import type { Rect } from '../cluster/layout';
import type { Translate } from '../cluster/drawNodes';
import { fittedLabel } from '../cluster/drawPods';
import { textWidth } from '../cluster/measure';
import { el } from '../svgElement';
import type { BadgePlace, LinkPlace } from './layout';
import { NET, routeLines } from './layout';
import type { NetNode, NetPod, PolicyBadge } from './scene';

const SHIELD = 'M6 1l4.5 1.8v3.1c0 2.9-1.9 4.9-4.5 6.1C3.4 10.8 1.5 8.8 1.5 5.9V2.8z';
const LOCK = 'M3 6V4.5a3 3 0 016 0V6h.5a1 1 0 011 1v4a1 1 0 01-1 1h-7a1 1 0 01-1-1V7a1 1 0 011-1zm1.5 0h3V4.5a1.5 1.5 0 00-3 0z';
const OPEN_LOCK = 'M3 6V4.5a3 3 0 015.8-1.1l-1.4.6A1.5 1.5 0 004.5 4.5V6h5a1 1 0 011 1v4a1 1 0 01-1 1h-7a1 1 0 01-1-1V7a1 1 0 011-1z';

/** What a policy badge says: its name and whether anything enforces it (never colour alone). */
export function badgeText(b: PolicyBadge, cni: CniPlugin, t: Translate): { name: string; status: string } {
  return { name: b.name, status: b.enforced ? t('network.badge.enforced') : t('network.badge.ignored', { cni: t(`network.cniName.${cni}`) }) };
}

export function netNodeSignature(n: NetNode, r: Rect, m: NetworkModel, lang: string, routesY: number): string {
  return [lang, r.w, r.h, routesY, m.cni, n.internalIP, n.podCIDR, n.pods.length, n.routes.map((x) => x.text).join(';')].join('|');
}

/** Box, header (name, InternalIP, podCIDR, the CNI's devices) and the routing table at the bottom. */
export function drawNetNode(g: SVGGElement, n: NetNode, r: Rect, m: NetworkModel, routesY: number, t: Translate): void {
  g.replaceChildren();
  el(g, 'rect', { class: 'ko-node-box', width: r.w, height: r.h, rx: 10 });
  el(g, 'rect', { class: 'ko-halo', x: -3, y: -3, width: r.w + 6, height: r.h + 6, rx: 13 });
  el(g, 'text', { class: 'ko-node-name', x: 14, y: 24 }, fittedLabel(n.name, r.w - 110, 14, 700));
  el(g, 'text', { class: 'ko-node-count', x: r.w - 14, y: 24, 'text-anchor': 'end' }, t('node.pods', { count: n.pods.length }));
  el(g, 'text', { class: 'ko-net-addr', x: 14, y: 44 }, `InternalIP ${n.internalIP || '—'}`);
  // The podCIDR as a pill: it is what the pods' addresses below come from.
  const cidr = `podCIDR ${n.podCIDR || '—'}`;
  const cw = textWidth(cidr, 11, 600) + 16;
  el(g, 'rect', { class: 'ko-net-cidr-pill', x: 12, y: 51, width: cw, height: 19, rx: 9.5 });
  el(g, 'text', { class: 'ko-net-cidr', x: 20, y: 64.5 }, cidr);
  el(g, 'text', { class: 'ko-net-device', x: 14, y: 86 }, fittedLabel(t(`network.device.${m.cni}`), r.w - 28, 10.5, 500));

  if (n.pods.length === 0) el(g, 'text', { class: 'ko-empty', x: r.w / 2, y: NET.header + 16, 'text-anchor': 'middle' }, t('node.empty'));

  el(g, 'line', { class: 'ko-net-sep', x1: 10, x2: r.w - 10, y1: routesY, y2: routesY });
  el(g, 'text', { class: 'ko-net-routes-title', x: 14, y: routesY + 18 }, t('network.routes'));
  let y = routesY + NET.routesTitle + 8;
  for (const { text, full, route } of n.routes) {
    const learned = route.dev === 'tunl0' || route.dev === 'flannel.1' || route.dev === 'weave';
    const cls = `ko-net-route${learned ? ' ko-net-route-cni' : ''}${route.type === 'blackhole' ? ' ko-net-route-blackhole' : ''}`;
    for (const part of routeLines(text, r.w)) {
      const line = el(g, 'text', { class: cls, x: 14, y }, part);
      el(line, 'title', {}, `${full}\n${route.note}`);
      y += NET.routeH;
    }
  }
}

export function netPodSignature(p: NetPod, r: Rect, lang: string): string {
  return [lang, r.w, p.name, p.ip, p.color, p.status.text, p.status.category].join('|');
}

/** One pod row: namespace stripe, phase icon, name, and its IP at the right. */
export function drawNetPod(g: SVGGElement, p: NetPod, r: Rect): void {
  g.replaceChildren();
  el(g, 'rect', { class: 'ko-chip-bg', width: r.w, height: r.h, rx: 5 });
  el(g, 'rect', { class: 'ko-chip-tint', width: r.w, height: r.h, rx: 5, fill: p.color });
  el(g, 'rect', { class: 'ko-chip-stripe', width: 3, height: r.h - 8, x: 3, y: 4, rx: 1.5, fill: p.color });
  el(g, 'rect', { class: 'ko-halo', x: -3, y: -3, width: r.w + 6, height: r.h + 6, rx: 8 });
  const slot = el(g, 'g', { transform: `translate(10,${(r.h - 14) / 2})` });
  el(slot, 'use', { class: `ko-chip-icon ko-ph-${p.status.category}`, href: `#ko-icon-${p.status.category}`, width: 14, height: 14 });
  const ipW = textWidth(p.ip, 11, 500) + 10;
  el(g, 'text', { class: 'ko-net-pod-ip', x: r.w - 8, y: r.h / 2 + 4, 'text-anchor': 'end' }, p.ip);
  el(g, 'text', { class: 'ko-net-pod-name', x: 30, y: r.h / 2 + 4 }, fittedLabel(p.name, r.w - 40 - ipW, 11.5, 600));
  el(g, 'title', {}, `${p.namespace}/${p.name} — ${p.status.text} — ${p.ip}`);
}

/** A NetworkPolicy badge under a pod it selects: solid and shielded when enforced, dashed when ignored. */
export function drawBadge(g: SVGGElement, b: BadgePlace, cni: CniPlugin, t: Translate): void {
  g.replaceChildren();
  el(g, 'rect', { class: 'ko-net-badge-bg', width: b.w, height: NET.badgeH, rx: NET.badgeH / 2 });
  el(g, 'rect', { class: 'ko-halo', x: -3, y: -3, width: b.w + 6, height: NET.badgeH + 6, rx: NET.badgeH / 2 + 3 });
  const icon = el(g, 'g', { transform: 'translate(8,4)' });
  el(icon, 'path', { class: 'ko-net-badge-icon', d: SHIELD });
  if (!b.badge.enforced) el(icon, 'path', { class: 'ko-net-badge-strike', d: 'M0 12L12 0' });
  el(g, 'text', { class: 'ko-net-badge-text', x: 24, y: 14 }, b.label);
  const dirs = b.badge.directions.map((d) => t(`network.direction.${d}`)).join(', ');
  el(g, 'title', {}, `NetworkPolicy ${b.badge.namespace}/${b.badge.name} (${dirs})\n${b.badge.enforced ? t('network.badge.enforcedHint', { cni: t(`network.cniName.${cni}`) }) : t('network.badge.ignoredHint', { cni: t(`network.cniName.${cni}`) })}`);
}

/** One link between two nodes, drawn the way the CNI carries pod traffic, with its label. */
export function drawLink(g: SVGGElement, d: LinkPlace, m: NetworkModel, t: Translate): void {
  g.replaceChildren();
  if (m.transport === 'vxlan') {
    // A tube around a dashed line: the pod packet travels wrapped inside a UDP packet.
    el(g, 'path', { class: 'ko-net-tube', d: d.d });
    el(g, 'path', { class: 'ko-net-line ko-net-line-vxlan', d: d.d });
  } else if (m.transport === 'bgp') {
    el(g, 'path', { class: 'ko-net-line ko-net-line-bgp', d: d.d });
  } else {
    el(g, 'path', { class: `ko-net-line ko-net-line-mesh${m.encrypted ? ' ko-net-encrypted' : ''}`, d: d.d });
  }
  const label = t(`network.link.${m.transport}`);
  const lock = m.transport === 'mesh';
  const extra = lock ? ` · ${m.encrypted ? t('network.link.encrypted') : t('network.link.unencrypted')}` : '';
  const text = label + extra;
  const w = textWidth(text, 10.5, 600) + (lock ? 30 : 16);
  const lg = el(g, 'g', { class: 'ko-net-link-label', transform: `translate(${d.labelX - w / 2},${d.labelY - 10})` });
  el(lg, 'rect', { width: w, height: 19, rx: 9.5 });
  let x = 8;
  if (lock) {
    el(lg, 'path', { class: 'ko-net-lock', d: m.encrypted ? LOCK : OPEN_LOCK, transform: 'translate(6,3)' });
    x = 22;
  }
  el(lg, 'text', { x, y: 13.5 }, text);
  el(g, 'title', {}, t(`network.link.${m.transport}Title`, { from: d.from, to: d.to }));
}
