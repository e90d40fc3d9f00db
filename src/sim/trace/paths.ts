import type { KubeObject } from '../objects';

/** kube-apiserver's storage prefixes that are not simply the resource's plural. */
const ETCD_PREFIX: Record<string, string> = {
  services: 'services/specs',
  endpoints: 'services/endpoints',
  nodes: 'minions',
  'ingresses.networking.k8s.io': 'ingress',
};

function plural(resource: string): string {
  const dot = resource.indexOf('.');
  return dot < 0 ? resource : resource.slice(0, dot);
}

/** Where kube-apiserver keeps the object in etcd: `/registry/pods/default/web-abc`. */
export function etcdKey(resource: string, obj: KubeObject): string {
  const prefix = ETCD_PREFIX[resource] ?? plural(resource);
  const ns = obj.metadata.namespace;
  return `/registry/${prefix}/${ns ? `${ns}/` : ''}${obj.metadata.name}`;
}

/** The REST path of the collection (`item` false) or the object: `/apis/apps/v1/namespaces/default/deployments/web`. */
export function restPath(resource: string, obj: KubeObject, item: boolean): string {
  const gv = obj.apiVersion.includes('/') ? `/apis/${obj.apiVersion}` : `/api/${obj.apiVersion || 'v1'}`;
  const ns = obj.metadata.namespace ? `/namespaces/${obj.metadata.namespace}` : '';
  return `${gv}${ns}/${plural(resource)}${item ? `/${obj.metadata.name}` : ''}`;
}
