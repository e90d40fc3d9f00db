import { easeCubicInOut, select } from 'd3';
import 'd3-transition';
import type { TrafficTrace } from '../../../sim/network/types';
import type { ObjectRef } from '../../../sim/objects';
import { reducedMotion, type G } from '../svgRenderer';
import { el } from '../svgElement';
import type { ServiceScene } from './model';
import type { ServiceLayout } from './layout';

/** Where a failed request stops along its drawn path (0 = the client, 1 = the pod). */
export function stopFraction(outcome: TrafficTrace['outcome']): number {
  switch (outcome) {
    case 'nxdomain':
      return 0;
    case 'no-endpoints':
      return 0.35;
    case 'denied':
    case 'timeout':
      return 0.88;
    default:
      return 1;
  }
}

/** The last hop's object of a kind; the client's own pod is not where the request went. */
function lastRef(trace: TrafficTrace, kind: string): ObjectRef | undefined {
  for (let i = trace.hops.length - 1; i >= 0; i--) {
    const hop = trace.hops[i];
    if (hop?.kind !== 'client' && hop?.ref?.kind === kind) return hop.ref;
  }
  return undefined;
}

/** The endpoint kube-proxy picked (`10.244.2.2:80`), for a request that never reached its pod. */
function pickedIP(trace: TrafficTrace): string {
  for (const hop of trace.hops) {
    const ep = hop.kind === 'kube-proxy' ? hop.params?.endpoint : undefined;
    if (typeof ep === 'string') return ep.replace(/:\d+$/, '');
  }
  return '';
}

/**
 * The traced request drawn on the Services graph: the Service and the pod it reached are
 * highlighted, a packet travels client → Service → selector link → pod, and a ✕ marks where
 * a failed request stopped. Without motion (prefers-reduced-motion) it only highlights.
 */
export class TraceOverlay {
  private trace: TrafficTrace | null = null;
  private seq = 0;
  private drawnSeq = -1;

  constructor(
    private readonly layer: G,
    private readonly items: G,
    private readonly links: G,
  ) {}

  set(trace: TrafficTrace | null, seq: number, layout: ServiceLayout | null, scene: ServiceScene): void {
    this.trace = trace;
    this.seq = seq;
    if (layout) this.relayout(layout, scene);
  }

  destroy(): void {
    this.layer.interrupt().selectAll('*').interrupt();
  }

  /** After every render: the joins reset classes, so highlights are put back, and a new trace animates once. */
  relayout(layout: ServiceLayout, scene: ServiceScene): void {
    this.items.selectAll('.ko-traced').classed('ko-traced', false).classed('ko-traced-fail', false);
    this.links.selectAll('.ko-traced').classed('ko-traced', false);
    const trace = this.trace;
    if (!trace) {
      this.layer.selectAll('*').remove();
      return;
    }
    const svcRef = lastRef(trace, 'Service');
    const podRef = trace.servedBy ?? lastRef(trace, 'Pod');
    const svc = svcRef ? scene.services.get(`${svcRef.namespace ?? 'default'}/${svcRef.name}`) : undefined;
    const ip = podRef ? '' : pickedIP(trace);
    const pod = [...scene.pods.values()].find((p) => (podRef ? p.name === podRef.name && p.namespace === (podRef.namespace ?? 'default') : ip !== '' && p.ip === ip));
    const ok = trace.outcome === 'ok';
    const find = (kind: string, ns: string, name: string) => this.items.select<SVGGElement>(`g[data-kind="${kind}"][data-namespace="${CSS.escape(ns)}"][data-name="${CSS.escape(name)}"]`);
    const stop = stopFraction(trace.outcome);
    if (svc) find('Service', svc.namespace, svc.name).classed('ko-traced', true).classed('ko-traced-fail', !ok && stop < 0.5);
    if (pod) find('Pod', pod.namespace, pod.name).classed('ko-traced', true).classed('ko-traced-fail', !ok && stop >= 0.5);
    const link = svc && pod ? layout.links.find((l) => l.service === svc.id && l.to === pod.id) : undefined;
    if (link) this.links.select(`path[data-link="${CSS.escape(link.id)}"]`).classed('ko-traced', true);

    if (this.drawnSeq === this.seq) return;
    this.drawnSeq = this.seq;
    this.layer.selectAll('*').interrupt().remove();
    const box = svc ? layout.services.get(svc.id) : undefined;
    const podRect = pod ? layout.pods.get(pod.id) : undefined;
    let d = '';
    if (box && link) d = `M${box.x - 14},${box.y + 22}L${box.x + 8},${box.y + 22}L${box.x + box.w / 2},${box.y + box.h / 2}${link.d.replace(/^M/, 'L')}`;
    else if (box) d = `M${box.x - 14},${box.y + 22}L${box.x + box.w / 2},${box.y + box.h / 2}`;
    else if (podRect) d = `M${Math.max(4, podRect.x - 40)},${podRect.y + podRect.h / 2}L${podRect.x + 14},${podRect.y + podRect.h / 2}`;
    if (!d) return;
    const g = this.layer.node() as SVGGElement;
    const path = el(g, 'path', { class: 'ko-trace-path', d });
    const len = path.getTotalLength?.() ?? 0;
    const end = ok ? 1 : box && !link ? Math.min(stop, 1) : stop;
    const at = (f: number) => (len ? path.getPointAtLength(len * f) : { x: 0, y: 0 });
    const start = at(0);
    el(g, 'circle', { class: 'ko-trace-client', cx: start.x, cy: start.y, r: 5 });
    const packet = el(g, 'circle', { class: 'ko-trace-packet', r: 6, cx: 0, cy: 0, transform: `translate(${start.x},${start.y})` });
    const finish = () => {
      if (ok) return;
      const p = at(end);
      const x = el(g, 'g', { class: 'ko-trace-fail', transform: `translate(${p.x},${p.y})` });
      el(x, 'circle', { r: 9 });
      el(x, 'path', { d: 'M-4,-4L4,4M4,-4L-4,4' });
    };
    if (reducedMotion() || !len) {
      const p = at(end);
      packet.setAttribute('transform', `translate(${p.x},${p.y})`);
      finish();
      return;
    }
    select(packet)
      .transition()
      .duration(Math.round(1800 * Math.max(0.3, end)))
      .ease(easeCubicInOut)
      .attrTween('transform', () => (f: number) => {
        const p = at(f * end);
        return `translate(${p.x},${p.y})`;
      })
      .on('end', finish);
  }
}
