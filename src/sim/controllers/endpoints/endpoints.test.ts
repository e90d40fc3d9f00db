import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Endpoints } from 'kubernetes-types/core/v1';
import { createCluster } from '../../cluster';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { runKubectl } from '../../kubectl/run';
import { ENDPOINTSLICE_RESOURCE, managedSlices } from './endpointslice';

const kubectl = (c: Cluster, line: string) => runKubectl(c, line, () => undefined);

function pod(name: string, labels: Record<string, string>, readinessPort?: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: {
      containers: [
        { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }], ...(readinessPort ? { readinessProbe: { tcpSocket: { port: readinessPort }, periodSeconds: 1 } } : {}) },
      ],
    },
  };
}

function slice(c: Cluster, svc = 'web'): EndpointSlice & KubeObject {
  const [s] = managedSlices(c, 'default', svc);
  if (!s) throw new Error('no slice');
  return s;
}

const ips = (s: EndpointSlice, ready = true) => (s.endpoints ?? []).filter((e) => !!e.conditions?.ready === ready).map((e) => e.addresses[0]).sort();
const podIP = (c: Cluster, name: string) => (c.store.get('pods', 'default', name)?.status as { podIP?: string } | undefined)?.podIP;

function setup(): Cluster {
  const c = createCluster({ seed: 4 });
  c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } });
  c.api.create(pod('a', { app: 'web' }));
  c.api.create(pod('b', { app: 'web' }));
  c.api.create(pod('other', { app: 'db' }));
  c.runUntilSettled();
  return c;
}

describe('EndpointSlice and Endpoints controllers', () => {
  it('list exactly the ready pods the selector chooses, with the named targetPort resolved', () => {
    const c = setup();
    const s = slice(c);
    expect(s.metadata.generateName).toBe('web-');
    expect(s.metadata.labels).toMatchObject({ 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(s.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true });
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(ips(s)).toEqual([podIP(c, 'a'), podIP(c, 'b')].sort());
    expect(s.endpoints?.[0]).toMatchObject({ conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', name: 'a' } });
    const ep = c.store.get<Endpoints & KubeObject>('endpoints', 'default', 'web');
    expect(ep?.subsets?.[0]?.addresses?.map((a) => a.ip).sort()).toEqual(ips(s));
    expect(ep?.subsets?.[0]?.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('a pod labelled app=web joins on the tick after it is Ready; deleted, it leaves', () => {
    const c = setup();
    c.api.create(pod('c', { app: 'other' }));
    c.runUntilSettled();
    kubectl(c, 'label pod c app=web --overwrite');
    c.tickN(1);
    expect(ips(slice(c))).toContain(podIP(c, 'c'));
    kubectl(c, 'delete pod a');
    c.runUntilSettled();
    expect(ips(slice(c))).not.toContain('10.244.0.0');
    expect((slice(c).endpoints ?? []).map((e) => e.targetRef?.name).sort()).toEqual(['b', 'c']);
  });

  it('a pod that becomes Ready in tick N appears ready:false first, then ready in tick N+1', () => {
    const c = setup();
    c.api.create(pod('slow', { app: 'web' }, 80));
    let readyAt = -1;
    let listedReadyAt = -1;
    for (let i = 0; i < 30 && listedReadyAt < 0; i++) {
      c.tickN(1);
      const p = c.store.get('pods', 'default', 'slow');
      const isReady = ((p?.status as { conditions?: { type: string; status: string }[] })?.conditions ?? []).some((k) => k.type === 'Ready' && k.status === 'True');
      if (isReady && readyAt < 0) readyAt = c.tick;
      const e = (slice(c).endpoints ?? []).find((x) => x.targetRef?.name === 'slow');
      if (e && readyAt < 0) expect(e.conditions?.ready).toBe(false);
      if (e?.conditions?.ready && listedReadyAt < 0) listedReadyAt = c.tick;
    }
    expect(readyAt).toBeGreaterThan(0);
    expect(listedReadyAt).toBe(readyAt + 1);
  });

  it('follows a selector edit and drops the managed slices when the selector goes', () => {
    const c = setup();
    const svc = c.store.get('services', 'default', 'web') as KubeObject;
    c.api.update({ ...svc, spec: { ...(svc.spec as object), selector: { app: 'db' } } });
    c.runUntilSettled();
    expect((slice(c).endpoints ?? []).map((e) => e.targetRef?.name)).toEqual(['other']);
    const now = c.store.get('services', 'default', 'web') as KubeObject;
    c.api.update({ ...now, spec: { ...(now.spec as object), selector: undefined } });
    c.runUntilSettled();
    expect(managedSlices(c, 'default', 'web')).toEqual([]);
  });

  it('deleting the Service takes its slices and Endpoints', () => {
    const c = setup();
    kubectl(c, 'delete svc web');
    c.runUntilSettled();
    expect(c.store.list(ENDPOINTSLICE_RESOURCE, { namespace: 'default' }).filter((s) => s.metadata.name !== 'kubernetes')).toEqual([]);
    expect(c.store.get('endpoints', 'default', 'web')).toBeUndefined();
  });

  it('costs nothing for pod churn when no Service selects the pods', () => {
    const c = createCluster({ seed: 2 });
    for (let i = 0; i < 10; i++) c.api.create(pod(`p${i}`, { app: 'x' }));
    c.runUntilSettled();
    expect(c.records.filter((r) => r.controller === 'endpointslice-controller' || r.controller === 'endpoints-controller')).toEqual([]);
  });
});

describe('service-controller (load balancers)', () => {
  it('leaves a LoadBalancer <pending> without a provider and gives it an address when one appears', () => {
    const c = setup();
    expect(kubectl(c, 'expose deployment nope --port=80').stderr).toContain('not found');
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] } });
    c.runUntilSettled();
    expect(kubectl(c, 'get svc lb').stdout).toMatch(/lb\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+<pending>\s+80:3\d{4}\/TCP/);
    c.configure({ loadBalancer: true }, { reason: 'test' }, ['services']);
    c.runUntilSettled();
    const lb = c.store.get('services', 'default', 'lb');
    expect((lb?.status as { loadBalancer?: unknown }).loadBalancer).toEqual({ ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] });
    expect(kubectl(c, 'describe svc lb').stdout).toContain('LoadBalancer Ingress:     172.18.255.200 (VIP)');
    const events = kubectl(c, 'get events').stdout;
    expect(events).toContain('EnsuringLoadBalancer');
    expect(events).toContain('EnsuredLoadBalancer');
    c.configure({ loadBalancer: false }, { reason: 'test' }, ['services']);
    c.runUntilSettled();
    expect((c.store.get('services', 'default', 'lb')?.status as { loadBalancer?: unknown }).loadBalancer).toEqual({});
  });
});
