import type { ObjectRef } from '../objects';
import type { CniPlugin } from '../settings';

/**
 * The contract between the networking sim (traffic, kube-proxy, DNS, policy, CNI) and its
 * readers (kubectl exec/port-forward/curl, the Services and Network views). Every function
 * that produces these is pure over plain object lists, so the UI can compute the same
 * pictures from its mirror that the sim uses to route a request.
 */

/** One step a simulated request takes; the views animate `ref` (or `node`) in order. */
export interface TrafficHop {
  kind: 'client' | 'dns' | 'port-forward' | 'load-balancer' | 'node-port' | 'ingress' | 'service' | 'kube-proxy' | 'policy' | 'overlay' | 'pod';
  /** The object this hop happens at (Service, Pod, Node, NetworkPolicy, Ingress). */
  ref?: ObjectRef;
  /** The node whose kube-proxy / routing table handled this hop. */
  node?: string;
  /** English sentence; `code` + `params` say it in the learner's language. */
  text: string;
  code?: string;
  params?: Record<string, string | number>;
}

export type TrafficOutcome = 'ok' | 'refused' | 'timeout' | 'denied' | 'nxdomain' | 'no-endpoints' | 'unreachable';

/** A request from a pod, from outside, or through a port-forward, and where it went. */
export interface TrafficTrace {
  tick: number;
  /** What was asked, as curl would show it: `GET http://web.default.svc.cluster.local:80/`. */
  request: string;
  hops: TrafficHop[];
  outcome: TrafficOutcome;
  /** HTTP status when a server answered. */
  status?: number;
  /** The pod that answered, when one did. */
  servedBy?: ObjectRef;
  /** Set when a NetworkPolicy decided (denied, or would have denied under an enforcing CNI). */
  policy?: PolicyVerdict;
}

/** What NetworkPolicy says about one connection. */
export interface PolicyVerdict {
  allowed: boolean;
  /** False when the CNI plugin ignores NetworkPolicy (Flannel): `allowed` is then true anyway. */
  enforced: boolean;
  /** Where the connection was judged: leaving the client pod, or entering the server pod. */
  direction?: 'ingress' | 'egress';
  /** The policies that isolate the pod in that direction (none of which allowed the connection). */
  policies: ObjectRef[];
  /** English explanation, e.g. `ingress to default/db is isolated by deny-all; no rule allows 10.244.1.5`. */
  reason: string;
  code?: string;
  params?: Record<string, string | number>;
}

/** A route in a node's table, as `ip route` would show it. */
export interface NodeRoute {
  destination: string;
  via?: string;
  dev: string;
  /** What `ip route` prints after the device: `onlink`, `proto bird`, `proto kernel scope link src 10.244.1.1`. */
  options?: string;
  /** `blackhole` for Calico's own-block route; absent for a unicast route. */
  type?: 'blackhole';
  /** Why this route exists (the CNI's overlay, a BGP peer, the local bridge). */
  note: string;
}

export interface NodeNetwork {
  node: string;
  internalIP: string;
  podCIDR?: string;
  pods: { namespace: string; name: string; ip: string }[];
  routes: NodeRoute[];
}

/** The Network view's picture: one per CNI plugin, computed from nodes, pods and settings. */
export interface NetworkModel {
  cni: CniPlugin;
  clusterCIDR: string;
  serviceCIDR: string;
  /** How pod traffic crosses nodes: Flannel's VXLAN overlay, Calico's BGP routes, Weave's mesh. */
  transport: 'vxlan' | 'bgp' | 'mesh';
  encrypted: boolean;
  policyEnforced: boolean;
  nodes: NodeNetwork[];
}
