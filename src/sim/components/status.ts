import type { Store } from '../store/store';
import type { NodeObject } from '../scheduler/types';
import type { StaticComponent } from './staticPods';
import { MANIFEST_DIR, STATIC_COMPONENTS } from './staticPods';

export const CONTROL_PLANE_NODE = 'control-plane';

/**
 * Static pod manifests an admin moved out of /etc/kubernetes/manifests on a node, comma-separated
 * (`mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/`). Visibly ours: the sim keeps no
 * host file system for the control plane, so this annotation on its Node stands for the
 * directory listing. The kubelet on that node stops the static pod and removes its mirror pod.
 */
export const REMOVED_MANIFESTS_ANNOTATION = 'sim.kube-orchestra.io/removed-static-manifests';

/** Which component each controller of defaultControllers() runs in (kube-controller-manager hosts most). */
export const CONTROLLER_HOSTS: Readonly<Record<string, StaticComponent>> = {
  'default-scheduler': 'kube-scheduler',
  'endpointslice-controller': 'kube-controller-manager',
  'endpoints-controller': 'kube-controller-manager',
  'namespace-controller': 'kube-controller-manager',
  'node-lifecycle-controller': 'kube-controller-manager',
  'deployment-controller': 'kube-controller-manager',
  'replicaset-controller': 'kube-controller-manager',
  'replication-controller': 'kube-controller-manager',
  'statefulset-controller': 'kube-controller-manager',
  'daemonset-controller': 'kube-controller-manager',
  'cronjob-controller': 'kube-controller-manager',
  'job-controller': 'kube-controller-manager',
  'garbage-collector': 'kube-controller-manager',
  'persistentvolume-binder-controller': 'kube-controller-manager',
  'pvc-protection-controller': 'kube-controller-manager',
  'pv-protection-controller': 'kube-controller-manager',
  'serviceaccount-controller': 'kube-controller-manager',
  'resourcequota-controller': 'kube-controller-manager',
  // Not here: the kubelets (every node), service-controller (a cloud's load balancers),
  // external-provisioner (a CSI sidecar) and ingress-nginx (an add-on): they run elsewhere.
};

export function removedManifests(node: NodeObject | undefined): string[] {
  const v = node?.metadata.annotations?.[REMOVED_MANIFESTS_ANNOTATION];
  return v ? v.split(',').filter(Boolean) : [];
}

export function manifestPath(component: StaticComponent): string {
  return `${MANIFEST_DIR}/${component}.yaml`;
}

/**
 * Whether a control-plane component runs: 'stopped' once its manifest left
 * /etc/kubernetes/manifests on the control-plane node. A cluster without that node (a bare
 * test store) runs everything.
 */
export function componentStatus(store: Store, name: StaticComponent): 'running' | 'stopped' {
  const node = store.get<NodeObject>('nodes', undefined, CONTROL_PLANE_NODE);
  return removedManifests(node).includes(name) ? 'stopped' : 'running';
}

/**
 * The controllers that must sit out this tick because their component is stopped; undefined
 * (the common case) when every component runs. One store read per tick.
 */
export function pausedControllers(store: Store): ReadonlySet<string> | undefined {
  const removed = removedManifests(store.get<NodeObject>('nodes', undefined, CONTROL_PLANE_NODE));
  if (!removed.length) return undefined;
  const out = new Set<string>();
  for (const [controller, host] of Object.entries(CONTROLLER_HOSTS)) if (removed.includes(host)) out.add(controller);
  return out;
}

export function isStaticComponent(name: string): name is StaticComponent {
  return (STATIC_COMPONENTS as readonly string[]).includes(name);
}
