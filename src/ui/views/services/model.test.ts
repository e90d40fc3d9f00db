import { describe, expect, it } from 'vitest';
import { buildServiceScene } from './model';
import { objectsOf, pod, service, slice } from './fixtures';

const web = service('web', { selector: { app: 'web' }, clusterIP: '10.96.0.42', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });

describe('buildServiceScene', () => {
  it('draws each matched pod beside its Service with its endpoint state and address', () => {
    const scene = buildServiceScene(
      objectsOf({
        services: [web],
        pods: [pod('web-1', { app: 'web' }, '10.244.1.5'), pod('web-2', { app: 'web' }, '10.244.2.3', false), pod('db', { app: 'db' }, '10.244.1.9')],
        'endpointslices.discovery.k8s.io': [slice('web-abcde', 'web', 8080, [{ pod: 'web-1', ip: '10.244.1.5' }, { pod: 'web-2', ip: '10.244.2.3', ready: false }])],
      }),
    );
    const ns = scene.namespaces[0];
    expect(ns?.namespace).toBe('default');
    const row = ns?.rows[0];
    expect(row?.service.ports).toEqual(['80→8080/TCP']);
    expect(row?.service.selector).toEqual(['app=web']);
    expect(row?.service.slices).toEqual(['web-abcde']);
    expect(row?.pods.map((p) => [p.name, p.endpoint, p.addresses.join()])).toEqual([
      ['web-1', 'ready', '10.244.1.5:8080'],
      ['web-2', 'not-ready', '10.244.2.3:8080'],
    ]);
    expect(ns?.unselected.map((p) => p.name)).toEqual(['db']);
    expect(scene.empty).toBe(false);
  });

  it('a pod matched before the EndpointSlice lists it is selected but not an endpoint yet', () => {
    const scene = buildServiceScene(objectsOf({ services: [web], pods: [pod('new', { app: 'web', extra: 'x' }, '10.244.1.7')] }));
    const p = [...scene.pods.values()][0];
    expect(p?.selectedBy).toEqual(['web']);
    expect(p?.endpoint).toBe('none');
  });

  it('a pod two Services select is drawn once, under the first by name, and names both', () => {
    const np = service('web-np', { type: 'NodePort', selector: { app: 'web' }, clusterIP: '10.96.0.50', ports: [{ port: 80, targetPort: 80, nodePort: 30080 }] });
    const lb = service('web-lb', { type: 'LoadBalancer', selector: { app: 'web' }, clusterIP: '10.96.0.51', ports: [{ port: 80, nodePort: 31000 }] });
    const scene = buildServiceScene(objectsOf({ services: [np, lb, web], pods: [pod('web-1', { app: 'web' }, '10.244.1.5')] }));
    const rows = scene.namespaces[0]?.rows ?? [];
    expect(rows.map((r) => [r.service.name, r.pods.length])).toEqual([
      ['web', 1],
      ['web-lb', 0],
      ['web-np', 0],
    ]);
    expect(rows[2]?.service.nodePorts).toEqual([30080]);
    expect(rows[1]?.service.externalIP).toBe('<pending>');
    expect(rows[1]?.service.podIds).toHaveLength(1);
    expect(scene.pods.values().next().value?.selectedBy).toEqual(['web', 'web-lb', 'web-np']);
  });

  it('a selector needs every pair; a Service without one selects nothing and lists its own endpoints', () => {
    const two = service('two', { selector: { app: 'web', tier: 'fe' }, clusterIP: '10.96.0.9', ports: [{ port: 80 }] });
    const api = service('kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] });
    const scene = buildServiceScene(
      objectsOf({
        services: [two, api],
        pods: [pod('a', { app: 'web' }, '10.244.1.2'), pod('b', { app: 'web', tier: 'fe' }, '10.244.1.3')],
        'endpointslices.discovery.k8s.io': [slice('kubernetes', 'kubernetes', 6443, [{ ip: '172.18.0.2' }])],
      }),
    );
    const byName = new Map([...scene.services.values()].map((s) => [s.name, s]));
    expect(byName.get('two')?.podIds).toEqual(['pod-default-b']);
    expect(byName.get('kubernetes')?.loose).toEqual([{ address: '172.18.0.2:6443', ready: true }]);
  });

  it('headless Services give per-pod DNS names; ExternalName keeps its CNAME target', () => {
    const headless = service('nginx', { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ port: 80 }] });
    const ext = service('my-db', { type: 'ExternalName', externalName: 'my.database.example.com' });
    const scene = buildServiceScene(
      objectsOf({
        services: [headless, ext],
        pods: [pod('web-0', { app: 'nginx' }, '10.244.1.4'), pod('other', { app: 'nginx' }, '10.244.2.8')],
        'endpointslices.discovery.k8s.io': [slice('nginx-x', 'nginx', 80, [{ pod: 'web-0', ip: '10.244.1.4', hostname: 'web-0' }, { pod: 'other', ip: '10.244.2.8' }])],
      }),
    );
    const pods = new Map([...scene.pods.values()].map((p) => [p.name, p]));
    expect(pods.get('web-0')?.dnsNames).toEqual(['web-0.nginx.default.svc.cluster.local']);
    expect(pods.get('other')?.dnsNames).toEqual(['10-244-2-8.nginx.default.svc.cluster.local']);
    const e = [...scene.services.values()].find((s) => s.name === 'my-db');
    expect(e?.type).toBe('ExternalName');
    expect(e?.externalName).toBe('my.database.example.com');
    expect(e?.clusterIP).toBe('');
  });

  it('only bootstrap Services means the empty state; a namespace of pods without Services still shows', () => {
    const api = service('kubernetes', { clusterIP: '10.96.0.1', ports: [{ port: 443 }] });
    const scene = buildServiceScene(objectsOf({ services: [api], pods: [pod('x', { app: 'x' }, '10.244.3.3', true, 'team')] }));
    expect(scene.empty).toBe(true);
    expect(scene.namespaces.map((n) => n.namespace)).toEqual(['default', 'team']);
    expect(scene.namespaces[1]?.unselected.map((p) => p.name)).toEqual(['x']);
  });

  it('stays fast with 1,000 pods and 50 Services in one namespace', () => {
    const services = Array.from({ length: 50 }, (_, i) => service(`svc-${i}`, { selector: { app: `a${i}` }, clusterIP: `10.96.1.${i}`, ports: [{ port: 80 }] }));
    const pods = Array.from({ length: 1000 }, (_, i) => pod(`p-${i}`, { app: `a${i % 60}` }, `10.244.${i >> 8}.${i & 255}`));
    const t0 = performance.now();
    const scene = buildServiceScene(objectsOf({ services, pods }));
    const ms = performance.now() - t0;
    expect(scene.namespaces[0]?.unselected.length).toBe(pods.filter((_, i) => i % 60 >= 50).length);
    expect(ms).toBeLessThan(300);
  });
});
