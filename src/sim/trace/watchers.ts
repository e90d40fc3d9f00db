/**
 * Who watches what, so a store change can be shown reaching the informers it really reaches.
 *
 * This is a copy of the controllers' `watches` (kept equal by watchers.test.ts, which reads
 * them from `defaultControllers()`): the trace runs in the UI, and importing every controller
 * there to ask would pull the whole control plane into the page's first chunk.
 */
export const CONTROLLER_WATCHES: Readonly<Record<string, readonly string[]>> = {
  'endpointslice-controller': ['services', 'pods', 'endpointslices.discovery.k8s.io'],
  'endpoints-controller': ['services', 'pods', 'endpoints'],
  'default-scheduler': ['pods', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'storageclasses.storage.k8s.io'],
  kubelet: ['pods', 'nodes', 'configmaps', 'secrets'],
  // The kubelet's node agent (heartbeats: Lease renewals, node status), part of the kubelet too.
  'kubelet-node': ['nodes', 'pods'],
  'namespace-controller': ['namespaces', 'pods'],
  'node-lifecycle-controller': ['nodes', 'pods'],
  'deployment-controller': ['deployments.apps', 'replicasets.apps', 'pods'],
  'replicaset-controller': ['replicasets.apps', 'pods'],
  'replication-controller': ['replicationcontrollers', 'pods'],
  'statefulset-controller': ['statefulsets.apps', 'pods'],
  'daemonset-controller': ['daemonsets.apps', 'pods', 'nodes'],
  'cronjob-controller': ['cronjobs.batch', 'jobs.batch'],
  'job-controller': ['jobs.batch', 'pods'],
  'garbage-collector': ['*'],
  'service-controller': ['services'],
  'persistentvolume-binder-controller': ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses.storage.k8s.io'],
  'external-provisioner': ['persistentvolumeclaims'],
  'pvc-protection-controller': ['persistentvolumeclaims', 'pods'],
  'pv-protection-controller': ['persistentvolumes'],
  'ingress-nginx': ['ingresses.networking.k8s.io', 'ingressclasses.networking.k8s.io'],
  'serviceaccount-controller': ['namespaces', 'serviceaccounts'],
  'resourcequota-controller': ['resourcequotas', '*'],
};

/** Controllers that run as their own pods (add-ons), not inside kube-controller-manager. */
export const ADDON_CONTROLLERS: ReadonlySet<string> = new Set(['ingress-nginx', 'external-provisioner']);

/** What kube-proxy and CoreDNS watch (they are not sim controllers: they read the Services). */
export const PROXY_WATCHES: ReadonlySet<string> = new Set(['services', 'endpointslices.discovery.k8s.io']);
export const COREDNS_WATCHES: ReadonlySet<string> = new Set(['services', 'endpointslices.discovery.k8s.io', 'namespaces']);

const cache = new Map<string, string[]>();

/** kube-controller-manager's controllers whose informers see a change to `resource`, in drain order. */
export function managerWatchersOf(resource: string): string[] {
  let out = cache.get(resource);
  if (!out) {
    out = [];
    for (const [name, resources] of Object.entries(CONTROLLER_WATCHES)) {
      if (name === 'default-scheduler' || name === 'kubelet' || name === 'kubelet-node' || ADDON_CONTROLLERS.has(name)) continue;
      if (resources.includes(resource) || resources.includes('*')) out.push(name);
    }
    cache.set(resource, out);
  }
  return out;
}

export function watchedBy(controller: string, resource: string): boolean {
  const w = CONTROLLER_WATCHES[controller];
  return !!w && (w.includes(resource) || w.includes('*'));
}
