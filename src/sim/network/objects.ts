import type { Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { Store } from '../store/store';

/**
 * The objects the networking functions (kube-proxy rules, DNS, policy, CNI, ingress routing,
 * traffic) read: plain readonly lists, so the sim builds them from its Store and the UI from
 * its mirror, and both compute the same answers. No Store reference inside on purpose.
 */
export interface NetworkObjects {
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  readonly services: readonly Service[];
  readonly endpointSlices: readonly EndpointSlice[];
  readonly networkPolicies: readonly NetworkPolicy[];
  readonly ingresses: readonly Ingress[];
  readonly ingressClasses: readonly IngressClass[];
  readonly namespaces: readonly Namespace[];
}

/** A snapshot of the store's networking objects (resource names as in api/resources.ts). */
export function networkObjectsFromStore(store: Store): NetworkObjects {
  const list = <T>(resource: string): T[] => store.list(resource) as unknown as T[];
  return {
    nodes: list<Node>('nodes'),
    pods: list<Pod>('pods'),
    services: list<Service>('services'),
    endpointSlices: list<EndpointSlice>('endpointslices.discovery.k8s.io'),
    networkPolicies: list<NetworkPolicy>('networkpolicies.networking.k8s.io'),
    ingresses: list<Ingress>('ingresses.networking.k8s.io'),
    ingressClasses: list<IngressClass>('ingressclasses.networking.k8s.io'),
    namespaces: list<Namespace>('namespaces'),
  };
}

/** An empty set, handy for tests and for callers that fill only some lists. */
export const EMPTY_NETWORK_OBJECTS: NetworkObjects = {
  nodes: [],
  pods: [],
  services: [],
  endpointSlices: [],
  networkPolicies: [],
  ingresses: [],
  ingressClasses: [],
  namespaces: [],
};
