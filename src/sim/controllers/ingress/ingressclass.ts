import type { KubeObject } from '../../objects';

export const INGRESS_NGINX_CLASS = 'nginx';
export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/**
 * The IngressClass ingress-nginx installs (as its Helm chart does with
 * `controller.ingressClassResource.default=true`): the cluster's default class, so Ingresses
 * without `ingressClassName` are served too.
 */
export function ingressNginxClass(): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: {
      name: INGRESS_NGINX_CLASS,
      labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
      annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' },
    },
    spec: { controller: INGRESS_NGINX_CONTROLLER },
  };
}
