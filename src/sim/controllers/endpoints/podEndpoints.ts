import type { Pod, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import type { Store } from '../../store/store';
import { matchesSelector } from '../../store/labels';
import type { ServiceObject } from './serviceIndex';
import { serviceSelector } from './serviceIndex';

export type PodObject = Pod & KubeObject;

/** One pod as an endpoint of a Service, after the controllers' rules. */
export interface PodEndpoint {
  pod: PodObject;
  ip: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** Resolved ports for this pod, in Service port order (a named targetPort it lacks is left out). */
  ports: { name: string; port: number; protocol: string }[];
}

function podReady(pod: PodObject): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** FindPort: a numeric targetPort is itself; a named one is looked up among the pod's container ports. */
export function resolveTargetPort(pod: PodObject, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  return undefined;
}

/**
 * The pods a Service's selector chooses that can be endpoints: they have an IP and have not
 * finished. Not-ready pods are kept (ready:false), terminating ones too (terminating:true), as
 * the EndpointSlice controller does; publishNotReadyAddresses makes every one ready.
 */
export function podEndpoints(store: Store, svc: ServiceObject): PodEndpoint[] {
  const selector = serviceSelector(svc);
  if (!selector) return [];
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const out: PodEndpoint[] = [];
  for (const pod of store.list<PodObject>('pods', { namespace: svc.metadata.namespace })) {
    if (!matchesSelector(selector, pod.metadata.labels)) continue;
    const ip = pod.status?.podIP;
    const phase = pod.status?.phase;
    if (!ip || phase === 'Succeeded' || phase === 'Failed') continue;
    const terminating = !!pod.metadata.deletionTimestamp;
    const isReady = podReady(pod);
    const ports: PodEndpoint['ports'] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const port = resolveTargetPort(pod, sp);
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
    }
    out.push({ pod, ip, ready: publish || (isReady && !terminating), serving: publish || isReady, terminating, ports });
  }
  return out.sort((a, b) => (a.pod.metadata.name < b.pod.metadata.name ? -1 : a.pod.metadata.name > b.pod.metadata.name ? 1 : 0));
}

/** Groups endpoints by their resolved port list (each group becomes one slice / one subset). */
export function groupByPorts(eps: PodEndpoint[]): { sig: string; ports: PodEndpoint['ports']; endpoints: PodEndpoint[] }[] {
  const groups = new Map<string, { sig: string; ports: PodEndpoint['ports']; endpoints: PodEndpoint[] }>();
  for (const e of eps) {
    const sig = portsSignature(e.ports);
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { sig, ports: e.ports, endpoints: [] }));
    g.endpoints.push(e);
  }
  return [...groups.values()];
}

export function portsSignature(ports: readonly { name?: string; port?: number; protocol?: string }[] | undefined): string {
  return (ports ?? []).map((p) => `${p.name ?? ''}:${p.port ?? ''}/${p.protocol ?? 'TCP'}`).join(',');
}
