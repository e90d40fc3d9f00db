import type { EndpointAddress, EndpointSubset, Endpoints } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext } from '../types';
import type { KubeObject } from '../../objects';
import { jsonEqual, splitKey } from '../../objects';
import type { PodEndpoint } from './podEndpoints';
import { groupByPorts, podEndpoints } from './podEndpoints';
import type { ServiceObject } from './serviceIndex';
import { ServiceSelectorIndex, serviceSelector } from './serviceIndex';

export type EndpointsObject = Endpoints & KubeObject;
const NAME = 'endpoints-controller';

function address(e: PodEndpoint): EndpointAddress {
  const a: EndpointAddress = { ip: e.ip };
  if (e.pod.spec?.nodeName) a.nodeName = e.pod.spec.nodeName;
  a.targetRef = { kind: 'Pod', namespace: e.pod.metadata.namespace, name: e.pod.metadata.name, uid: e.pod.metadata.uid };
  return a;
}

/** v1 Endpoints subsets: ready pods in addresses, not-ready ones in notReadyAddresses; terminating pods left out. */
export function subsetsFor(eps: PodEndpoint[]): EndpointSubset[] {
  const out: EndpointSubset[] = [];
  for (const g of groupByPorts(eps.filter((e) => !e.terminating || e.ready))) {
    const ready = g.endpoints.filter((e) => e.ready).map(address);
    const notReady = g.endpoints.filter((e) => !e.ready).map(address);
    const s: EndpointSubset = {};
    if (ready.length) s.addresses = ready;
    if (notReady.length) s.notReadyAddresses = notReady;
    s.ports = g.ports.map((p) => (p.name ? { name: p.name, port: p.port, protocol: p.protocol } : { port: p.port, protocol: p.protocol }));
    out.push(s);
  }
  return out;
}

function reconcile(ctx: ReconcileContext): void {
  const { namespace = 'default', name } = splitKey(ctx.key);
  const svc = ctx.store.get<ServiceObject>('services', namespace, name);
  const current = ctx.store.get<EndpointsObject>('endpoints', namespace, name);
  if (!svc) {
    // Endpoints carry no owner reference: the controller removes them with their Service.
    if (current) ctx.client.delete(current, { reason: `Service ${ctx.key} was deleted, so its Endpoints go too`, code: 'record.endpoints.delete', params: { service: ctx.key } });
    return;
  }
  // A Service without selector leaves its Endpoints to whoever wrote them (kube-apiserver, a person).
  if (!serviceSelector(svc)) return;
  const subsets = subsetsFor(podEndpoints(ctx.store, svc));
  const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
  const notReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
  const labels = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  const why = { service: ctx.key, ready, notReady };
  if (!current) {
    const obj: EndpointsObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace, ...(Object.keys(labels).length ? { labels } : {}) } };
    if (subsets.length) obj.subsets = subsets;
    ctx.client.create(obj, { reason: `Service ${ctx.key} gets its v1 Endpoints: ${ready} ready and ${notReady} not-ready address(es)`, code: 'record.endpoints.create', params: why });
    return;
  }
  if (jsonEqual(current.subsets ?? [], subsets) && jsonEqual(current.metadata.labels ?? {}, labels)) return;
  const next: EndpointsObject = { ...current, metadata: { ...current.metadata, labels: Object.keys(labels).length ? labels : undefined } };
  if (!next.metadata.labels) delete next.metadata.labels;
  if (subsets.length) next.subsets = subsets;
  else delete next.subsets;
  ctx.client.update(next, { reason: `The pods selected by Service ${ctx.key} changed: Endpoints now list ${ready} ready and ${notReady} not-ready address(es)`, code: 'record.endpoints.update', params: why });
}

/**
 * kube-controller-manager's Endpoints controller: the v1 Endpoints of each Service with a
 * selector (deprecated since v1.33 in favour of EndpointSlices, still written). Same narrow
 * pod mapping as the EndpointSlice controller.
 */
export function createEndpointsController(): Controller {
  const index = new ServiceSelectorIndex();
  return {
    name: NAME,
    watches: [
      ...index.watches(),
      // Someone deleted the Endpoints of a Service: write them again.
      { resource: 'endpoints', map: (ev, store) => (ev.type === 'DELETED' && store.get('services', ev.object.metadata.namespace, ev.object.metadata.name) ? [`${ev.object.metadata.namespace}/${ev.object.metadata.name}`] : []) },
    ],
    reconcile: (ctx) => reconcile(ctx),
  };
}
