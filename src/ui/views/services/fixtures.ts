import type { KubeObject } from '../../../sim/objects';
import { keyOf } from '../../../sim/objects';
import type { Objects } from '../../state/mirror';

/** Test objects in the shapes the API server stores (Service, EndpointSlice, Pod). */
export function objectsOf(resources: Record<string, KubeObject[]>): Objects {
  const out: Objects = {};
  for (const [r, list] of Object.entries(resources)) out[r] = new Map(list.map((o) => [keyOf(o), o]));
  return out;
}

export function service(name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}, ns = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, uid: `svc-${ns}-${name}` }, spec: { type: 'ClusterIP', ...spec }, status } as KubeObject;
}

export function pod(name: string, labels: Record<string, string>, ip = '', ready = true, ns = 'default', node = 'worker-1'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, uid: `pod-${ns}-${name}`, labels },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: ip ? 'Running' : 'Pending',
      ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: ip ? [{ name: 'c', ready, restartCount: 0, image: 'nginx', imageID: '', state: { running: { startedAt: '2024-01-01T00:00:00Z' } } }] : [],
    },
  } as KubeObject;
}

export interface Ep {
  pod?: string;
  ip: string;
  ready?: boolean;
  hostname?: string;
  node?: string;
}

export function slice(name: string, svc: string, port: number, eps: Ep[], ns = 'default'): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace: ns, uid: `eps-${name}`, labels: { 'kubernetes.io/service-name': svc, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } },
    addressType: 'IPv4',
    ports: [{ name: '', port, protocol: 'TCP' }],
    endpoints: eps.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.ready ?? true, terminating: false },
      ...(e.hostname ? { hostname: e.hostname } : {}),
      ...(e.node ? { nodeName: e.node } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod', namespace: ns, name: e.pod, uid: `pod-${ns}-${e.pod}` } } : {}),
    })),
  } as KubeObject;
}
