import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { formatQty, toQty, addQty, canonical } from './quantities';

const pod = (name: string, spec: Record<string, unknown> = {}, res?: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'nginx', ...(res ? { resources: res } : {}) }], ...spec },
});

const quota = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec });

function msg(c: Cluster, obj: KubeObject): string {
  const r = c.api.create(obj);
  return r.ok ? 'created' : r.status.message;
}

describe('quantities as Quantity.String() prints them', () => {
  it('keeps the format the user wrote and canonicalizes', () => {
    expect(canonical('1.5')).toBe('1500m');
    expect(canonical(0.5)).toBe('500m');
    expect(canonical('1.5Gi')).toBe('1536Mi');
    expect(canonical('2000')).toBe('2k');
    expect(canonical('1G')).toBe('1G');
    expect(canonical('0.5Ki')).toBe('512');
    expect(formatQty(addQty(toQty('600Mi'), toQty('100Mi')!))).toBe('700Mi');
    expect(formatQty(addQty(toQty('400m'), toQty('600m')!))).toBe('1');
  });
});

describe('quota admission', () => {
  it('charges services, NodePorts and LoadBalancers, and refuses one too many', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    // default already holds the `kubernetes` Service.
    c.api.create(quota('svc', { hard: { services: '3', 'services.nodeports': '0', 'services.loadbalancers': '1' } }));
    const svc = (name: string, type: string): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { type, selector: { a: 'b' }, ports: [{ port: 80 }] } });
    expect(msg(c, svc('np', 'NodePort'))).toBe('services "np" is forbidden: exceeded quota: svc, requested: services.nodeports=1, used: services.nodeports=0, limited: services.nodeports=0');
    expect(msg(c, svc('a', 'ClusterIP'))).toBe('created');
    expect(msg(c, { ...svc('lb', 'LoadBalancer'), spec: { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, selector: { a: 'b' }, ports: [{ port: 80 }] } })).toBe('created');
    expect(msg(c, svc('b', 'ClusterIP'))).toBe('services "b" is forbidden: exceeded quota: svc, requested: services=1, used: services=3, limited: services=3');
  });

  it('counts count/<resource>.<group> objects and configmaps', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.api.create(quota('objs', { hard: { 'count/deployments.apps': '1', configmaps: '1' } }));
    const dep = (name: string): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    expect(msg(c, dep('a'))).toBe('created');
    expect(msg(c, dep('b'))).toBe('deployments.apps "b" is forbidden: exceeded quota: objs, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1');
    expect(msg(c, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).toBe('created');
    expect(msg(c, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' } })).toMatch(/exceeded quota: objs, requested: configmaps=1, used: configmaps=2|exceeded quota: objs, requested: configmaps=1, used: configmaps=\d, limited: configmaps=1/);
  });

  it('scopes: BestEffort counts only pods without requests; PriorityClass by scopeSelector', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.api.create(quota('be', { hard: { pods: '1' }, scopes: ['BestEffort'] }));
    c.api.create(quota('high', { hard: { pods: '1' }, scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } }));
    expect(msg(c, pod('be1'))).toBe('created');
    expect(msg(c, pod('be2'))).toBe('pods "be2" is forbidden: exceeded quota: be, requested: pods=1, used: pods=1, limited: pods=1');
    expect(msg(c, pod('burst', {}, { requests: { cpu: '100m' } }))).toBe('created');
    c.api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    const hi = (n: string) => pod(n, { priorityClassName: 'high' }, { requests: { cpu: '100m' } });
    expect(msg(c, hi('h1'))).toBe('created');
    expect(msg(c, hi('h2'))).toBe('pods "h2" is forbidden: exceeded quota: high, requested: pods=1, used: pods=1, limited: pods=1');
  });

  it('a finished pod frees its quota; the controller writes status one tick later', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.api.create(quota('q', { hard: { pods: '1', 'requests.memory': '1Gi' } }));
    c.tickN(1);
    expect(c.store.get('resourcequotas', 'default', 'q')?.status).toEqual({ hard: { pods: '1', 'requests.memory': '1Gi' }, used: { pods: '0', 'requests.memory': '0' } });
    expect(msg(c, pod('job', { restartPolicy: 'Never' }, { requests: { memory: '600Mi' } }))).toBe('created');
    c.tickN(1);
    expect(c.store.get('resourcequotas', 'default', 'q')?.status).toEqual({ hard: { pods: '1', 'requests.memory': '1Gi' }, used: { pods: '1', 'requests.memory': '600Mi' } });
    const p = c.store.get('pods', 'default', 'job') as KubeObject;
    c.store.update('pods', { ...p, status: { ...(p.status as object), phase: 'Succeeded' } });
    c.tickN(1);
    expect(c.store.get('resourcequotas', 'default', 'q')?.status).toEqual({ hard: { pods: '1', 'requests.memory': '1Gi' }, used: { pods: '0', 'requests.memory': '0' } });
    expect(msg(c, pod('next', {}, { requests: { memory: '600Mi' } }))).toBe('created');
  });

  it('PVC storage adds up against requests.storage', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.api.create(quota('st', { hard: { 'requests.storage': '5Gi' } }));
    const pvc = (name: string, size: string): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } } });
    expect(msg(c, pvc('data', '3Gi'))).toBe('created');
    expect(msg(c, pvc('more', '3Gi'))).toBe('persistentvolumeclaims "more" is forbidden: exceeded quota: st, requested: requests.storage=3Gi, used: requests.storage=3Gi, limited: requests.storage=5Gi');
    expect(msg(c, pvc('small', '2Gi'))).toBe('created');
  });
});

describe('LimitRange validation', () => {
  it('refuses min > max, a default request above the default limit, and a Pod default', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    const lr = (limits: unknown[]): KubeObject => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr' }, spec: { limits } });
    expect(msg(c, lr([{ type: 'Container', min: { cpu: '1' }, max: { cpu: '500m' } }]))).toContain('spec.limits[0].min[cpu]: Invalid value: "1": min value 1 is greater than max value 500m');
    expect(msg(c, lr([{ type: 'Container', default: { cpu: '800m' }, defaultRequest: { cpu: '900m' } }]))).toContain(
      'spec.limits[0].defaultRequest[cpu]: Invalid value: "900m": default request value 900m is greater than default limit value 800m',
    );
    expect(msg(c, lr([{ type: 'Pod', default: { cpu: '1' } }]))).toContain("spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'");
    expect(msg(c, lr([{ type: 'PersistentVolumeClaim', max: { cpu: '1' } }]))).toContain('either minimum or maximum storage value is required, but neither was provided');
  });
});
