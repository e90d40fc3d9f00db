import { describe, expect, it } from 'vitest';
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import { DEFAULT_SETTINGS } from '../settings';
import { objects } from './testObjects';
import { routeIngress } from './ingress';

const on = { ...DEFAULT_SETTINGS, ingressController: true };
const nginx: IngressClass = {
  metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
  spec: { controller: 'k8s.io/ingress-nginx' },
};
const backend = (name: string, number = 80) => ({ service: { name, port: { number } } });

function ing(name: string, spec: Ingress['spec']): Ingress {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', creationTimestamp: `2026-01-01T00:00:0${name.length % 10}Z` }, spec };
}

const fanout = ing('simple-fanout-example', {
  rules: [
    {
      host: 'foo.bar.com',
      http: {
        paths: [
          { path: '/foo', pathType: 'Prefix', backend: backend('service1', 4200) },
          { path: '/bar', pathType: 'Prefix', backend: backend('service2', 8080) },
          { path: '/foo/exact', pathType: 'Exact', backend: backend('exact') },
        ],
      },
    },
    { host: '*.foo.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('wild') }] } },
    { http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('any') }] } },
  ],
});
const input = objects({ ingresses: [fanout], ingressClasses: [nginx] });
const svc = (host: string, path: string) => {
  const r = routeIngress(input, on, host, path);
  return 'error' in r ? r.error : `${r.service.name}:${r.service.port}`;
};

describe('routeIngress', () => {
  it('Prefix matches whole path elements and the longest path wins', () => {
    expect(svc('foo.bar.com', '/foo')).toBe('service1:4200');
    expect(svc('foo.bar.com', '/foo/')).toBe('service1:4200');
    expect(svc('foo.bar.com', '/foo/x')).toBe('service1:4200');
    expect(svc('foo.bar.com', '/bar/baz')).toBe('service2:8080');
    expect(svc('foo.bar.com', '/foobar')).toContain('404');
  });

  it('Exact matches only the exact path and beats a shorter Prefix', () => {
    expect(svc('foo.bar.com', '/foo/exact')).toBe('exact:80');
    expect(svc('foo.bar.com', '/foo/exact/more')).toBe('service1:4200');
  });

  it('a wildcard host covers exactly one label; other hosts use the rule without a host', () => {
    expect(svc('baz.foo.com', '/anything')).toBe('wild:80');
    expect(svc('a.baz.foo.com', '/')).toBe('any:80');
    expect(svc('foo.com', '/')).toBe('any:80');
    expect(svc('FOO.bar.com:80', '/foo')).toBe('service1:4200');
  });

  it('falls back to the default backend, and says when nothing routes', () => {
    const withDefault = objects({ ingresses: [ing('test-ingress', { defaultBackend: backend('test') })], ingressClasses: [nginx] });
    expect(routeIngress(withDefault, on, 'x', '/')).toMatchObject({ service: { name: 'test', port: 80 } });
    expect(routeIngress(withDefault, DEFAULT_SETTINGS, 'x', '/')).toMatchObject({ error: expect.stringContaining('no ingress controller') });
  });

  it('serves only Ingresses whose class belongs to ingress-nginx', () => {
    const other = objects({ ingresses: [ing('x', { ingressClassName: 'nginx-example', defaultBackend: backend('test') })], ingressClasses: [nginx] });
    expect(routeIngress(other, on, 'x', '/')).toHaveProperty('error');
    const exampleClass: IngressClass = { metadata: { name: 'nginx-example' }, spec: { controller: 'k8s.io/ingress-nginx' } };
    expect(routeIngress({ ...other, ingressClasses: [nginx, exampleClass] }, on, 'x', '/')).toHaveProperty('service');
  });
});
