import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { findByKind } from '../api/resources';
import type { ResourceType } from '../api/resources';
import { inServiceRange } from './serviceIPs';

const SVC = findByKind('v1', 'Service') as ResourceType;
type Spec = { clusterIP?: string; clusterIPs?: string[]; ports?: { nodePort?: number; port: number }[]; type?: string };

function svc(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } };
}

function create(c: Cluster, name: string, spec: Record<string, unknown> = {}) {
  return c.api.create(svc(name, spec));
}

function specOf(o: KubeObject): Spec {
  return o.spec as Spec;
}

describe('Service defaulting and allocation', () => {
  it('defaults like kube-apiserver and gives a ClusterIP from 10.96.0.0/12', () => {
    const c = createCluster({ seed: 1 });
    const r = create(c, 'web', { ports: [{ port: 80, targetPort: 8080 }] });
    if (!r.ok) throw new Error(r.status.message);
    expect(r.object.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
    });
    const ip = specOf(r.object).clusterIP as string;
    expect(inServiceRange(ip)).toBe(true);
    expect(specOf(r.object).clusterIPs).toEqual([ip]);
    expect(r.object.status).toEqual({ loadBalancer: {} });
  });

  it('allocates unique IPs and node ports, the same ones for the same seed, and frees them on delete', () => {
    const run = () => {
      const c = createCluster({ seed: 9 });
      const out: string[] = [];
      for (let i = 0; i < 20; i++) {
        const r = create(c, `s${i}`, { type: 'NodePort' });
        if (!r.ok) throw new Error(r.status.message);
        out.push(`${specOf(r.object).clusterIP}:${specOf(r.object).ports?.[0]?.nodePort}`);
      }
      return { c, out };
    };
    const a = run();
    expect(run().out).toEqual(a.out);
    expect(new Set(a.out.map((s) => s.split(':')[0])).size).toBe(20);
    expect(new Set(a.out.map((s) => s.split(':')[1])).size).toBe(20);
    for (const s of a.out) {
      const port = Number(s.split(':')[1]);
      expect(port).toBeGreaterThanOrEqual(30000);
      expect(port).toBeLessThanOrEqual(32767);
    }
    // The kubernetes and kube-dns addresses are taken from the start.
    expect(a.out.some((s) => s.startsWith('10.96.0.1:') || s.startsWith('10.96.0.10:'))).toBe(false);
    const [ip, port] = (a.out[0] as string).split(':');
    expect(create(a.c, 'again', { clusterIP: ip }).ok).toBe(false);
    a.c.api.delete(SVC, 'default', 's0');
    const r = create(a.c, 'again', { type: 'NodePort', clusterIP: ip, ports: [{ port: 80, nodePort: Number(port) }] });
    expect(r.ok).toBe(true);
  });

  it('answers with kube-apiserver\'s messages for out-of-range and taken node ports and IPs', () => {
    const c = createCluster({ seed: 1 });
    const msg = (r: ReturnType<typeof create>) => (r.ok ? 'ok' : r.status.message);
    expect(msg(create(c, 'web', { type: 'NodePort', ports: [{ port: 80, nodePort: 40000 }] }))).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(msg(create(c, 'a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))).toBe('ok');
    expect(msg(create(c, 'b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    expect(msg(create(c, 'c', { clusterIP: '10.0.0.5' }))).toBe(
      'Service "c" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
    expect(msg(create(c, 'd', { clusterIP: '10.96.0.10' }))).toBe(
      'Service "d" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    expect(msg(create(c, 'e', { ports: [{ port: 80, nodePort: 30081 }] }))).toBe("Service \"e\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
    expect(msg(create(c, 'f', { ports: [] }))).toBe('Service "f" is invalid: spec.ports: Required value');
    expect(msg(create(c, 'g', { ports: [{ port: 80 }, { port: 81 }] }))).toBe('Service "g" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]');
    expect(msg(create(c, 'h', { type: 'ExternalName', selector: undefined, ports: undefined }))).toBe('Service "h" is invalid: spec.externalName: Required value');
  });

  it('keeps the ClusterIP and node ports when a manifest without them is applied again; refuses a new ClusterIP', () => {
    const c = createCluster({ seed: 1 });
    const r = create(c, 'web', { type: 'NodePort' });
    if (!r.ok) throw new Error(r.status.message);
    const again = c.api.update(svc('web', { type: 'NodePort' }));
    if (!again.ok) throw new Error(again.status.message);
    expect(specOf(again.object).clusterIP).toBe(specOf(r.object).clusterIP);
    expect(specOf(again.object).ports?.[0]?.nodePort).toBe(specOf(r.object).ports?.[0]?.nodePort);
    const moved = c.api.update(svc('web', { type: 'NodePort', clusterIP: '10.96.5.5' }));
    expect(moved.ok ? '' : moved.status.message).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.5.5"}: may not change once set');
    const back = c.api.update(svc('web', { type: 'ClusterIP' }));
    if (!back.ok) throw new Error(back.status.message);
    expect(specOf(back.object).ports?.[0]?.nodePort).toBeUndefined();
  });

  it('gives headless and ExternalName Services no IP', () => {
    const c = createCluster({ seed: 1 });
    const h = create(c, 'h', { clusterIP: 'None' });
    const e = create(c, 'e', { type: 'ExternalName', externalName: 'db.example.com', selector: undefined });
    if (!h.ok || !e.ok) throw new Error('rejected');
    expect(specOf(h.object).clusterIPs).toEqual(['None']);
    expect(specOf(e.object).clusterIP).toBeUndefined();
  });
});
