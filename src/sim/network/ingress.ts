import type { HTTPIngressPath, Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import type { Node } from 'kubernetes-types/core/v1';
import type { ObjectRef } from '../objects';
import type { ClusterSettings } from '../settings';
import type { NetworkObjects } from './objects';

/**
 * How an ingress controller (ingress-nginx in the sim) routes a request by Host header and path
 * over every Ingress of its class: a rule whose host equals the request's wins over a wildcard
 * (`*.foo.com` covers exactly one more label), which wins over rules without a host; among the
 * matching paths the longest wins, Exact over Prefix at equal length; Prefix matches whole path
 * elements (`/foo` matches `/foo/bar`, not `/foobar`); nothing matching → a default backend.
 */

export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export interface IngressRoute {
  ingress: ObjectRef;
  service: { namespace: string; name: string; port: number | string };
  /** The rule that matched (absent when the default backend answered). */
  rule?: { host: string; path: string; pathType: string };
}

export type IngressRouteResult = IngressRoute | { error: string };

/** The IngressClass an Ingress belongs to: spec.ingressClassName, the legacy annotation, or the default class. */
export function ingressClassOf(ing: Ingress, classes: readonly IngressClass[]): string | undefined {
  const named = ing.spec?.ingressClassName ?? ing.metadata?.annotations?.[CLASS_ANNOTATION];
  if (named) return named;
  const defaults = classes.filter((c) => c.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  defaults.sort((a, b) => ((a.metadata?.creationTimestamp ?? '') < (b.metadata?.creationTimestamp ?? '') ? 1 : -1));
  return defaults[0]?.metadata?.name;
}

/** Whether ingress-nginx serves this Ingress: its class is an IngressClass with controller k8s.io/ingress-nginx. */
export function servedByIngressNginx(ing: Ingress, classes: readonly IngressClass[]): boolean {
  const name = ingressClassOf(ing, classes);
  if (!name) return false;
  const cls = classes.find((c) => c.metadata?.name === name);
  // The legacy annotation `kubernetes.io/ingress.class: nginx` is honoured even without a class object.
  if (!cls) return name === 'nginx' && ing.metadata?.annotations?.[CLASS_ANNOTATION] === 'nginx';
  return cls.spec?.controller === INGRESS_NGINX_CONTROLLER;
}

/** Host rule matching: exact (3), wildcard for one extra label (2), no host (1), no match (0). */
export function hostMatch(ruleHost: string | undefined, host: string): number {
  if (!ruleHost) return 1;
  const h = host.toLowerCase().replace(/:\d+$/, '');
  if (ruleHost === h) return 3;
  if (ruleHost.startsWith('*.')) {
    const suffix = ruleHost.slice(1);
    if (h.endsWith(suffix)) {
      const label = h.slice(0, h.length - suffix.length);
      if (label && !label.includes('.')) return 2;
    }
  }
  return 0;
}

const elements = (p: string) => p.split('/').filter(Boolean);

/** Whether an Ingress path matches a request path; the number is the match length for precedence. */
export function pathMatch(p: HTTPIngressPath, requestPath: string): number | undefined {
  const path = p.path || '/';
  const req = requestPath.split('?')[0] || '/';
  if (p.pathType === 'Exact') return req === path ? path.length : undefined;
  // Prefix, and ImplementationSpecific which ingress-nginx treats as a prefix too.
  const want = elements(path);
  const got = elements(req);
  if (want.length > got.length) return undefined;
  for (let i = 0; i < want.length; i++) if (want[i] !== got[i]) return undefined;
  return want.join('/').length + 1;
}

function refOfIngress(ing: Ingress): ObjectRef {
  return { kind: 'Ingress', namespace: ing.metadata?.namespace ?? 'default', name: ing.metadata?.name ?? '' };
}

function backendRoute(ing: Ingress, backend: IngressBackend, rule?: IngressRoute['rule']): IngressRouteResult {
  const ref = refOfIngress(ing);
  if (!backend.service) {
    const r = backend.resource;
    return { error: `Ingress ${ref.namespace}/${ref.name} sends this request to a resource backend (${r?.apiGroup ?? ''}${r?.apiGroup ? '/' : ''}${r?.kind ?? ''} ${r?.name ?? ''}), which ingress-nginx does not serve` };
  }
  const port = backend.service.port?.number ?? backend.service.port?.name ?? 80;
  const route: IngressRoute = { ingress: ref, service: { namespace: ref.namespace as string, name: backend.service.name, port } };
  if (rule) route.rule = rule;
  return route;
}

/** Routes `host` + `path` through the Ingresses the installed controller serves. */
export function routeIngress(input: NetworkObjects, settings: Readonly<ClusterSettings>, host: string, path: string): IngressRouteResult {
  if (!settings.ingressController) return { error: 'no ingress controller is installed, so Ingress objects are stored but nothing routes them (cluster ingress-controller on)' };
  const served = input.ingresses
    .filter((i) => servedByIngressNginx(i, input.ingressClasses))
    .sort((a, b) => ((a.metadata?.creationTimestamp ?? '') + (a.metadata?.name ?? '') < (b.metadata?.creationTimestamp ?? '') + (b.metadata?.name ?? '') ? -1 : 1));
  if (!served.length) return { error: 'no Ingress of the nginx class exists: ingress-nginx answers 404 Not Found' };
  let bestHost = 0;
  for (const ing of served) for (const r of ing.spec?.rules ?? []) bestHost = Math.max(bestHost, hostMatch(r.host, host));
  let best: { ing: Ingress; p: HTTPIngressPath; len: number; exact: boolean; host: string } | undefined;
  if (bestHost > 0)
    for (const ing of served)
      for (const r of ing.spec?.rules ?? []) {
        if (hostMatch(r.host, host) !== bestHost) continue;
        for (const p of r.http?.paths ?? []) {
          const len = pathMatch(p, path);
          if (len === undefined) continue;
          const exact = p.pathType === 'Exact';
          if (!best || len > best.len || (len === best.len && exact && !best.exact)) best = { ing, p, len, exact, host: r.host ?? '' };
        }
      }
  if (best) return backendRoute(best.ing, best.p.backend, { host: best.host, path: best.p.path ?? '/', pathType: best.p.pathType });
  // No rule matched: the default backend of an Ingress for this host (or any), else the controller's own 404.
  const withDefault = served.find((i) => i.spec?.defaultBackend && (i.spec.rules ?? []).some((r) => hostMatch(r.host, host) >= 2)) ?? served.find((i) => i.spec?.defaultBackend);
  if (withDefault?.spec?.defaultBackend) return backendRoute(withDefault, withDefault.spec.defaultBackend);
  return { error: `no Ingress rule matches host "${host}" and path "${path}": ingress-nginx's default backend answers 404 Not Found` };
}

/**
 * The address ingress-nginx publishes in status.loadBalancer.ingress: the InternalIP of the node
 * it runs on (hostPort 80/443, as on kind or bare metal without a load balancer): the first
 * Ready worker by name, else the first node.
 */
export function ingressControllerAddress(nodes: readonly Node[]): string | undefined {
  const sorted = [...nodes].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
  const ready = (n: Node) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
  const worker = (n: Node) => !Object.keys(n.metadata?.labels ?? {}).includes('node-role.kubernetes.io/control-plane');
  const node = sorted.find((n) => ready(n) && worker(n)) ?? sorted.find(ready) ?? sorted[0];
  return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}
