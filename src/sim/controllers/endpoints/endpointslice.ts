import type { EndpointSlice, Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { Controller, ReconcileContext } from '../types';
import type { KubeObject } from '../../objects';
import { jsonEqual, ownerRefTo, splitKey } from '../../objects';
import type { PodEndpoint } from './podEndpoints';
import { groupByPorts, podEndpoints, portsSignature } from './podEndpoints';
import type { ServiceObject } from './serviceIndex';
import { ServiceSelectorIndex, serviceSelector } from './serviceIndex';

export type EndpointSliceObject = EndpointSlice & KubeObject;

export const ENDPOINTSLICE_RESOURCE = 'endpointslices.discovery.k8s.io';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const NAME = 'endpointslice-controller';

/** The EndpointSlices this controller manages for a Service. */
export function managedSlices(ctx: Pick<ReconcileContext, 'store'>, namespace: string, service: string): EndpointSliceObject[] {
  return ctx.store.list<EndpointSliceObject>(ENDPOINTSLICE_RESOURCE, {
    namespace,
    labelSelector: { [SERVICE_NAME_LABEL]: service, [MANAGED_BY_LABEL]: ENDPOINTSLICE_CONTROLLER },
  });
}

function endpointOf(e: PodEndpoint): Endpoint {
  const ep: Endpoint = {
    addresses: [e.ip],
    conditions: { ready: e.ready, serving: e.serving, terminating: e.terminating },
    targetRef: { kind: 'Pod', namespace: e.pod.metadata.namespace, name: e.pod.metadata.name, uid: e.pod.metadata.uid },
  };
  return e.pod.spec?.nodeName ? { addresses: ep.addresses, conditions: ep.conditions, nodeName: e.pod.spec.nodeName, targetRef: ep.targetRef } : ep;
}

function labelsFor(svc: ServiceObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY_LABEL]: ENDPOINTSLICE_CONTROLLER };
  if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  return labels;
}

function countReady(eps: readonly Endpoint[]): number {
  return eps.filter((e) => e.conditions?.ready).length;
}

function reconcile(ctx: ReconcileContext): void {
  const { namespace = 'default', name } = splitKey(ctx.key);
  const svc = ctx.store.get<ServiceObject>('services', namespace, name);
  const existing = managedSlices(ctx, namespace, name);
  // A deleted Service's slices go with it through their owner reference (the garbage collector).
  if (!svc) return;
  if (!serviceSelector(svc)) {
    for (const s of existing)
      ctx.client.delete(s, { reason: `Service ${ctx.key} no longer has a selector, so its managed EndpointSlice ${s.metadata.name} is removed`, code: 'record.endpointslice.deleteNoSelector', params: { service: ctx.key, slice: s.metadata.name } });
    return;
  }
  const groups = groupByPorts(podEndpoints(ctx.store, svc));
  // No pods: one slice without endpoints still says the Service has been looked at.
  const desired = groups.length ? groups.map((g) => ({ sig: g.sig, ports: g.ports as EndpointPort[] | undefined, endpoints: g.endpoints.map(endpointOf) })) : [{ sig: '', ports: undefined, endpoints: [] as Endpoint[] }];
  const unused = [...existing];
  const labels = labelsFor(svc);
  for (const d of desired) {
    const i = unused.findIndex((s) => (s.ports ? portsSignature(s.ports as { name?: string; port?: number; protocol?: string }[]) : '') === d.sig);
    // No slice with these ports yet: reuse a leftover one (the placeholder) rather than churn names.
    const found = i >= 0 ? unused.splice(i, 1)[0] : unused.shift();
    const ready = countReady(d.endpoints);
    const params = { service: ctx.key, ready, notReady: d.endpoints.length - ready };
    if (!found) {
      const slice: EndpointSliceObject = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: '', generateName: `${name}-`, namespace, labels, ownerReferences: [ownerRefTo(svc)] },
        addressType: 'IPv4',
        endpoints: d.endpoints,
        ...(d.ports ? { ports: d.ports } : {}),
      };
      ctx.client.create(slice, {
        reason: `Service ${ctx.key} selects ${d.endpoints.length} pod(s) with an IP (${ready} ready): the EndpointSlice controller writes them into a new EndpointSlice`,
        code: 'record.endpointslice.create',
        params,
      });
      continue;
    }
    if (jsonEqual(found.endpoints ?? [], d.endpoints) && jsonEqual(found.ports, d.ports) && jsonEqual(found.metadata.labels, labels)) continue;
    const next: EndpointSliceObject = { ...found, metadata: { ...found.metadata, labels }, endpoints: d.endpoints };
    if (d.ports) next.ports = d.ports;
    else delete next.ports;
    ctx.client.update(next, {
      reason: `The pods selected by Service ${ctx.key} changed: EndpointSlice ${found.metadata.name} now lists ${ready} ready and ${d.endpoints.length - ready} not-ready endpoint(s)`,
      code: 'record.endpointslice.update',
      params: { ...params, slice: found.metadata.name },
    });
  }
  for (const s of unused)
    ctx.client.delete(s, { reason: `EndpointSlice ${s.metadata.name} of Service ${ctx.key} is no longer needed (its port mapping is used by no pod)`, code: 'record.endpointslice.delete', params: { service: ctx.key, slice: s.metadata.name } });
}

/**
 * kube-controller-manager's EndpointSlice controller: for each Service with a selector, the
 * pods it chooses (with an IP) as discovery.k8s.io/v1 EndpointSlices, readiness-aware. Pod
 * events reach only the Services of their namespace whose selector matched the pod's old or
 * new labels, so a cluster without Services spends nothing on pod churn.
 */
export function createEndpointSliceController(): Controller {
  const index = new ServiceSelectorIndex();
  return {
    name: NAME,
    watches: [
      ...index.watches(),
      {
        resource: ENDPOINTSLICE_RESOURCE,
        // Someone deleted a managed slice: put it back. (Our own writes must not wake us, or a
        // Service would see a pod change in the same tick the kubelet wrote it.)
        map: (ev) => {
          const l = ev.object.metadata.labels ?? {};
          return ev.type === 'DELETED' && l[MANAGED_BY_LABEL] === ENDPOINTSLICE_CONTROLLER && l[SERVICE_NAME_LABEL] ? [`${ev.object.metadata.namespace}/${l[SERVICE_NAME_LABEL]}`] : [];
        },
      },
    ],
    reconcile: (ctx) => reconcile(ctx),
  };
}
