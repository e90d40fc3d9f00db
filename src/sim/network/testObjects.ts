import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { NetworkObjects } from './objects';
import { EMPTY_NETWORK_OBJECTS } from './objects';

/**
 * Small builders of real-shaped objects for the networking unit tests (pure functions need
 * no cluster). Whole-cluster behaviour is tested through createCluster() elsewhere.
 */
export function node(name: string, index: number): Node {
  return {
    metadata: { name },
    spec: { podCIDR: `10.244.${index}.0/24` },
    status: { addresses: [{ type: 'InternalIP', address: `172.18.0.${index + 2}` }, { type: 'Hostname', address: name }] },
  };
}

export function service(name: string, spec: Service['spec'], namespace = 'default', status?: Service['status']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec, ...(status ? { status } : {}) };
}

export interface TestEndpoint {
  ip: string;
  node?: string;
  pod?: string;
  ready?: boolean;
  hostname?: string;
}

export function slice(svc: string, ports: { name?: string; port: number; protocol?: string }[], endpoints: TestEndpoint[], namespace = 'default'): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${svc}-abcde`, namespace, labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4',
    ports: ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol ?? 'TCP' })),
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true },
      ...(e.node ? { nodeName: e.node } : {}),
      ...(e.hostname ? { hostname: e.hostname } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod', namespace, name: e.pod } } : {}),
    })),
  };
}

export function pod(name: string, ip: string, nodeName: string, labels: Record<string, string> = {}, extra: Partial<Pod['spec']> = {}, namespace = 'default'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { nodeName, containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }], ...extra },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

export function objects(parts: Partial<NetworkObjects>): NetworkObjects {
  return { ...EMPTY_NETWORK_OBJECTS, ...parts };
}
