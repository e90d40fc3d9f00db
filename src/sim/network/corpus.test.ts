import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster } from '../cluster';
import type { KubeObject } from '../objects';
import { runKubectl } from '../kubectl/index';

/** Beside the clone: /work/main → /work/shared, and CI lays shared/ at the same relative place. */
const CORPUS = resolve(__dirname, '../../../../shared/corpus/k8s-website-examples');
const KINDS = /(^|\/)(NetworkPolicy|Ingress|IngressClass)$/;

function entries(): string[] {
  return readFileSync(resolve(CORPUS, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .filter(([, , kinds]) => (kinds ?? '').split(',').some((k) => KINDS.test(k)))
    .map(([path]) => path as string);
}

function docs(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(resolve(CORPUS, path), 'utf8'))
    .map((d) => d.toJS() as KubeObject | null)
    .filter((d): d is KubeObject => !!d && typeof d === 'object');
}

/**
 * Every corpus file with a NetworkPolicy, Ingress or IngressClass, applied whole on a fresh
 * cluster, and what happened. `applied` means every document was accepted.
 */
const EXPECTED: Record<string, string> = {
  'service/networking/default-ingressclass.yaml': 'applied',
  // networking.k8s.io/v1beta1 Ingress was removed in v1.22: a current cluster has no such kind.
  'service/networking/example-ingress.yaml': 'no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"',
  'service/networking/external-lb.yaml': 'applied',
  'service/networking/ingress-resource-backend.yaml': 'applied',
  'service/networking/ingress-wildcard-host.yaml': 'applied',
  'service/networking/minimal-ingress.yaml': 'applied',
  'service/networking/name-virtual-host-ingress-no-third-host.yaml': 'applied',
  'service/networking/name-virtual-host-ingress.yaml': 'applied',
  'service/networking/namespaced-params.yaml': 'applied',
  'service/networking/network-policy-allow-all-egress-deny-all-ingress.yaml': 'applied',
  'service/networking/network-policy-allow-all-egress.yaml': 'applied',
  'service/networking/network-policy-allow-all-ingress.yaml': 'applied',
  'service/networking/network-policy-default-deny-all.yaml': 'applied',
  'service/networking/network-policy-default-deny-egress.yaml': 'applied',
  'service/networking/network-policy-default-deny-ingress.yaml': 'applied',
  'service/networking/networkpolicy-multiport-egress.yaml': 'applied',
  'service/networking/networkpolicy.yaml': 'applied',
  'service/networking/nginx-policy.yaml': 'applied',
  'service/networking/simple-fanout-example.yaml': 'applied',
  'service/networking/test-ingress.yaml': 'applied',
  'service/networking/tls-example-ingress.yaml': 'applied',
};

function applyWhole(path: string): string {
  const cluster = createCluster();
  for (const doc of docs(path)) {
    const ns = doc.metadata?.namespace;
    if (ns && !cluster.store.get('namespaces', undefined, ns)) cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    const res = cluster.api.create(doc);
    if (!res.ok) return res.status.message;
  }
  return 'applied';
}

describe.skipIf(!existsSync(CORPUS))('k8s website examples: NetworkPolicy, Ingress, IngressClass', () => {
  it('applies every file with these kinds, or rejects it as a real cluster does', () => {
    const outcomes = Object.fromEntries(entries().map((p) => [p, applyWhole(p)]));
    expect(outcomes).toEqual(EXPECTED);
  });

  it('stores the docs objects with the API server defaults', () => {
    const cluster = createCluster();
    const create = (p: string) => docs(p).map((d) => cluster.api.create(d));
    const [np] = create('service/networking/networkpolicy.yaml');
    expect(np?.ok && np.object.spec).toMatchObject({ policyTypes: ['Ingress', 'Egress'], ingress: [{ ports: [{ protocol: 'TCP', port: 6379 }] }] });
    const [deny] = create('service/networking/network-policy-default-deny-ingress.yaml');
    expect(deny?.ok && deny.object.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    create('service/networking/default-ingressclass.yaml');
    // DefaultIngressClass admission: test-ingress names no class, so it gets the default one.
    const [test] = create('service/networking/test-ingress.yaml');
    expect(test?.ok && (test.object.spec as { ingressClassName?: string }).ingressClassName).toBe('example-class');
    expect(test?.ok && test.object.status).toEqual({ loadBalancer: {} });
  });

  it('refuses invalid objects with kube-apiserver messages', () => {
    const cluster = createCluster();
    const msg = (obj: object) => {
      const r = cluster.api.create({ apiVersion: 'networking.k8s.io/v1', metadata: { name: 'x', namespace: 'default' }, ...obj } as KubeObject);
      return r.ok ? 'created' : r.status.message;
    };
    const np = (spec: object) => msg({ kind: 'NetworkPolicy', spec });
    expect(np({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/24', except: ['192.168.0.0/24'] } }] }] })).toBe(
      'NetworkPolicy.networking.k8s.io "x" is invalid: spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.0.0/24": must be a strict subset of `cidr`',
    );
    expect(np({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '300.0.0.0/8' } }] }] })).toContain(
      'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "300.0.0.0/8": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    );
    expect(np({ podSelector: {}, ingress: [{ from: [{}] }] })).toContain('spec.ingress[0].from[0]: Required value: must specify a peer');
    expect(np({ podSelector: {}, egress: [{ ports: [{ port: 'http', endPort: 90 }] }] })).toContain(
      'spec.egress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric',
    );
    expect(np({ podSelector: {}, egress: [{ ports: [{ port: 100, endPort: 90 }] }] })).toContain('spec.egress[0].ports[0].endPort: Invalid value: 100: must be greater than or equal to `port`');
    expect(np({ podSelector: {}, policyTypes: ['Inbound'] })).toContain('spec.policyTypes[0]: Unsupported value: "Inbound": supported values: "Ingress", "Egress"');
    expect(np({ podSelector: { matchExpressions: [{ key: 'app', operator: 'In' }] } })).toContain(
      "spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    );
    const ing = (spec: object) => msg({ kind: 'Ingress', spec });
    const path = (p: object) => ({ rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } }, ...p }] } }] });
    expect(ing(path({ pathType: undefined }))).toContain('spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
    expect(ing(path({ pathType: 'Regex' }))).toContain(
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    );
    expect(ing(path({ pathType: 'Prefix', path: 'foo' }))).toContain('spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path');
    expect(ing({ rules: [{ host: '*.*.foo.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] })).toContain(
      "spec.rules[0].host: Invalid value: \"*.*.foo.com\": a wildcard DNS-1123 subdomain must start with '*.'",
    );
    expect(ing({ defaultBackend: { service: { name: 'web' } } })).toContain('spec.defaultBackend: Required value: port name or number is required');
    expect(ing({})).toContain('spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified');
  });

  it('kubectl prints the docs policy the way kubectl describe does', () => {
    const cluster = createCluster();
    for (const d of docs('service/networking/networkpolicy.yaml')) cluster.api.create(d);
    const out = runKubectl(cluster, 'describe networkpolicy test-network-policy', () => undefined).stdout;
    expect(out).toContain('  PodSelector:     role=db\n  Allowing ingress traffic:\n    To Port: 6379/TCP\n    From:\n      IPBlock:\n        CIDR: 172.17.0.0/16\n        Except: 172.17.1.0/24\n');
    expect(out).toContain('    From:\n      PodSelector: role=frontend\n  Allowing egress traffic:\n    To Port: 5978/TCP\n');
    expect(out).toContain('  Policy Types: Ingress, Egress\n');
    expect(runKubectl(cluster, 'get netpol', () => undefined).stdout).toMatch(/^NAME\s+POD-SELECTOR\s+AGE\ntest-network-policy\s+role=db\s+/);
  });
});
