import type { KubeObject } from '../objects';
import type { NodeObject } from '../scheduler/types';
import type { LeaseObject } from '../api/kinds/lease';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** The kubelet's nodeLeaseDurationSeconds default. */
export const NODE_LEASE_DURATION_SECONDS = 40;
/** The kubelet renews its lease every quarter of the duration: 10 s. */
export const NODE_LEASE_RENEW_SECONDS = 10;

/** The Lease a kubelet holds in kube-node-lease, named after and owned by its Node. */
export function nodeLease(node: NodeObject, renewTime: string): LeaseObject & KubeObject {
  const name = node.metadata.name;
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: NODE_LEASE_NAMESPACE,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }],
    },
    spec: { holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime },
  };
}

/**
 * The tick offset (0..period-1) at which a node's kubelet renews: spread by name, so 500 nodes
 * do not all write in the same tick (real kubelets started at different moments).
 */
export function renewOffset(nodeName: string, period: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < nodeName.length; i++) {
    h ^= nodeName.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % period;
}
