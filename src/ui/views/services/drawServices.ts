import type { Rect } from '../cluster/layout';
import type { Translate } from '../cluster/drawNodes';
import { fittedLabel } from '../cluster/drawPods';
import { el } from '../svgElement';
import type { EndpointState, PodEntry, ServiceItem } from './model';
import { serviceLines, SVC_METRICS } from './layout';

/** Shape and word for each endpoint state, so it never rests on colour alone. */
export const ENDPOINT_MARK: Record<EndpointState | 'unselected', string> = {
  ready: '✓',
  'not-ready': '◐',
  none: '○',
  unselected: '–',
};

export function endpointText(state: EndpointState | 'unselected', t: Translate): string {
  return t(`services.endpoint.${state === 'not-ready' ? 'notReady' : state}`);
}

function lineText(line: string, s: ServiceItem, t: Translate): string {
  switch (line) {
    case 'clusterIP':
      return t('services.clusterIP', { ip: s.clusterIP || '—' });
    case 'headless':
      return t('services.headless');
    case 'ports':
      return s.ports.join(', ');
    case 'nodePort':
      return t('services.nodePort', { ports: s.nodePorts.join(', ') });
    case 'externalIP':
      return t('services.externalIP', { ip: s.externalIP ?? '<pending>' });
    case 'lbNote':
      return t('services.lbNote');
    case 'loose':
      return t('services.loose', { list: s.loose.map((l) => l.address).join(', ') });
    case 'counts':
      return t('services.counts', { ready: s.ready, notReady: s.notReady });
    case 'noSelector':
      return t('services.noSelector');
    default:
      return t('services.cname', { target: s.externalName ?? '' });
  }
}

export function serviceSignature(s: ServiceItem, r: Rect, lang: string): string {
  return [lang, r.w, r.h, s.type, s.name, s.clusterIP, s.externalName, s.externalIP, s.ports.join(), s.nodePorts.join(), s.selector.join(), s.ready, s.notReady, s.loose.map((l) => l.address).join()].join('|');
}

/** One Service box: type, name, ClusterIP, ports, node port / external IP, endpoint counts. */
export function drawServiceContent(g: SVGGElement, s: ServiceItem, r: Rect, t: Translate): void {
  g.replaceChildren();
  el(g, 'rect', { class: 'ko-svc-bg', width: r.w, height: r.h, rx: 8 });
  el(g, 'rect', { class: 'ko-halo', x: -3, y: -3, width: r.w + 6, height: r.h + 6, rx: 11 });
  const badge = s.type;
  el(g, 'text', { class: 'ko-svc-kind', x: 12, y: 16 }, `Service · ${badge}`);
  el(g, 'text', { class: 'ko-svc-name', x: 12, y: 34 }, fittedLabel(s.name, r.w - 24, 13.5, 650));
  let y = SVC_METRICS.svcHead + 10;
  for (const line of serviceLines(s)) {
    const text = lineText(line, s, t);
    const cls = line === 'lbNote' ? 'ko-svc-note' : line === 'counts' || line === 'noSelector' ? 'ko-svc-counts' : 'ko-svc-line';
    el(g, 'text', { class: cls, x: 12, y }, fittedLabel(text, r.w - 24, line === 'lbNote' || line === 'counts' ? 11 : 11.5, 500));
    y += SVC_METRICS.line;
  }
  const tip = [`Service ${s.namespace}/${s.name} (${s.type})`, ...serviceLines(s).map((l) => lineText(l, s, t))].join('\n');
  el(g, 'title', {}, tip);
}

export function podEntrySignature(p: PodEntry, w: number, lang: string, unselected: boolean): string {
  const s = p.status;
  return [lang, w, p.name, p.color, s.text, s.category, s.ready, s.total, p.endpoint, p.addresses.join(), p.dnsNames.join(), p.ip, p.node, p.selectedBy.join(), unselected].join('|');
}

/** A pod in the Services view: status, endpoint mark + words, then the address the Service sends to. */
export function drawPodEntry(g: SVGGElement, p: PodEntry, r: Rect, t: Translate, unselected: boolean): void {
  g.replaceChildren();
  const s = p.status;
  const state = unselected ? 'unselected' : p.endpoint;
  el(g, 'rect', { class: 'ko-chip-bg', width: r.w, height: r.h, rx: 6 });
  el(g, 'rect', { class: 'ko-chip-tint', width: r.w, height: r.h, rx: 6, fill: p.color });
  el(g, 'rect', { class: 'ko-chip-stripe', width: 4, height: r.h - 8, x: 3, y: 4, rx: 2, fill: p.color });
  el(g, 'rect', { class: 'ko-halo', x: -3, y: -3, width: r.w + 6, height: r.h + 6, rx: 9 });
  const slot = el(g, 'g', { transform: 'translate(12,7)' });
  el(slot, 'use', { class: `ko-chip-icon ko-ph-${s.category}`, href: `#ko-icon-${s.category}`, width: 14, height: 14 });
  el(g, 'text', { class: 'ko-chip-name', x: 32, y: 18 }, fittedLabel(p.name, r.w - 40, 12, 600));
  const epLabel = `${ENDPOINT_MARK[state]} ${endpointText(state, t)}`;
  el(g, 'text', { class: `ko-svc-ep ko-ep-${state}`, x: 12, y: 32 }, fittedLabel(`${epLabel} · ${s.text}`, r.w - 20, 10.5, 600));
  const where = p.dnsNames[0] ?? p.addresses.join(', ') ?? '';
  const addr = where || (p.ip ? p.ip : t('services.noIP'));
  el(g, 'text', { class: 'ko-svc-addr', x: 12, y: 44 }, fittedLabel(addr, r.w - 20, 10.5, 400));
  const tip = [`Pod ${p.namespace}/${p.name} — ${s.text}`, epLabel, p.selectedBy.length ? `Services: ${p.selectedBy.join(', ')}` : '', ...p.addresses, ...p.dnsNames, p.node ? `node ${p.node}` : ''].filter(Boolean).join('\n');
  el(g, 'title', {}, tip);
}

export function drawSelectorChip(g: SVGGElement, text: string, r: Rect): void {
  g.replaceChildren();
  el(g, 'rect', { class: 'ko-svc-sel-bg', width: r.w, height: r.h, rx: r.h / 2 });
  el(g, 'text', { class: 'ko-svc-sel-text', x: 9, y: 15 }, fittedLabel(text, r.w - 18, 11, 600));
  el(g, 'title', {}, `selector ${text}`);
}
