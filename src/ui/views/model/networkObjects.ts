import type { Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { NetworkObjects } from '../../../sim/network/objects';
import type { Objects } from '../../state/mirror';

/** Mirror buckets use the store's resource keys (api/resources.ts), as networkObjectsFromStore does. */
export const NETWORK_RESOURCES = {
  nodes: 'nodes',
  pods: 'pods',
  services: 'services',
  endpointSlices: 'endpointslices.discovery.k8s.io',
  networkPolicies: 'networkpolicies.networking.k8s.io',
  ingresses: 'ingresses.networking.k8s.io',
  ingressClasses: 'ingressclasses.networking.k8s.io',
  namespaces: 'namespaces',
} as const;

function list<T>(objects: Objects, resource: string): T[] {
  const bucket = objects[resource];
  return bucket ? ([...bucket.values()] as unknown as T[]) : [];
}

/**
 * The networking functions' input built from the UI's mirror, so the Services and Network
 * views compute the same kube-proxy rules, DNS answers and policy verdicts the sim does.
 */
export function networkObjectsFromMirror(objects: Objects): NetworkObjects {
  const r = NETWORK_RESOURCES;
  return {
    nodes: list<Node>(objects, r.nodes),
    pods: list<Pod>(objects, r.pods),
    services: list<Service>(objects, r.services),
    endpointSlices: list<EndpointSlice>(objects, r.endpointSlices),
    networkPolicies: list<NetworkPolicy>(objects, r.networkPolicies),
    ingresses: list<Ingress>(objects, r.ingresses),
    ingressClasses: list<IngressClass>(objects, r.ingressClasses),
    namespaces: list<Namespace>(objects, r.namespaces),
  };
}
