import { describe, expect, it } from 'vitest';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import { dnsReachability, resolvConf, resolveName } from './dns';
import { node, objects, pod, service, slice } from './testObjects';
import { DEFAULT_SETTINGS } from '../settings';

const input = objects({
  nodes: [node('worker-1', 1)],
  services: [
    service('web', { clusterIP: '10.96.12.34', ports: [{ port: 80 }] }),
    service('nginx', { clusterIP: 'None', ports: [{ port: 80, name: 'web' }] }),
    service('my-service', { type: 'ExternalName', externalName: 'my.database.example.com' }, 'prod'),
  ],
  endpointSlices: [
    slice('nginx', [{ name: 'web', port: 80 }], [
      { ip: '10.244.1.5', node: 'worker-1', pod: 'web-0', hostname: 'web-0' },
      { ip: '10.244.1.6', node: 'worker-1', pod: 'web-1', hostname: 'web-1' },
      { ip: '10.244.1.7', node: 'worker-1', pod: 'web-2', hostname: 'web-2', ready: false },
    ]),
  ],
});

describe('resolveName', () => {
  it('answers a Service by every name the search path allows', () => {
    for (const n of ['web', 'web.default', 'web.default.svc', 'web.default.svc.cluster.local', 'web.default.svc.cluster.local.']) {
      const a = resolveName(input, n, 'default');
      expect(a.status, n).toBe('NOERROR');
      expect(a.addresses).toEqual(['10.96.12.34']);
      expect(a.fqdn).toBe('web.default.svc.cluster.local');
    }
    expect(resolveName(input, 'web', 'default').tried).toEqual(['web.default.svc.cluster.local']);
  });

  it('a short name only finds Services of the pod namespace', () => {
    const a = resolveName(input, 'web', 'prod');
    expect(a.status).toBe('NXDOMAIN');
    expect(a.tried).toEqual(['web.prod.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    expect(resolveName(input, 'web.default', 'prod').addresses).toEqual(['10.96.12.34']);
  });

  it('headless: the ready pod IPs; StatefulSet pods by hostname.subdomain', () => {
    expect(resolveName(input, 'nginx', 'default').addresses).toEqual(['10.244.1.5', '10.244.1.6']);
    const a = resolveName(input, 'web-0.nginx', 'default');
    expect(a.kind).toBe('hostname');
    expect(a.addresses).toEqual(['10.244.1.5']);
    expect(resolveName(input, 'web-1.nginx.default.svc.cluster.local', 'x').pods).toEqual([{ kind: 'Pod', namespace: 'default', name: 'web-1' }]);
    expect(resolveName(input, 'web-2.nginx', 'default').status).toBe('NXDOMAIN');
  });

  it('ExternalName: a CNAME that leaves the cluster', () => {
    const a = resolveName(input, 'my-service.prod', 'default');
    expect(a.kind).toBe('external-name');
    expect(a.records).toEqual([{ name: 'my-service.prod.svc.cluster.local', type: 'CNAME', value: 'my.database.example.com' }]);
    expect(a.addresses).toEqual([]);
  });

  it('pod records and NXDOMAIN; names outside cluster.local go upstream', () => {
    expect(resolveName(input, '10-244-1-5.default.pod.cluster.local', 'default').addresses).toEqual(['10.244.1.5']);
    expect(resolveName(input, 'foo', 'default').status).toBe('NXDOMAIN');
    expect(resolveName(input, 'example.com', 'default').status).toBe('SERVFAIL');
    expect(resolveName(input, '10.96.12.34', 'default').kind).toBe('ip');
  });
});

describe('resolv.conf and DNS reachability', () => {
  it('writes the ClusterFirst search path with ndots:5', () => {
    expect(resolvConf(input, pod('a', '10.244.1.9', 'worker-1', {}, {}, 'prod'))).toBe(
      'search prod.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('a deny-all egress policy breaks DNS under Calico, not under Flannel', () => {
    const coredns = pod('coredns-abc', '10.244.0.2', 'cp', { 'k8s-app': 'kube-dns' }, {}, 'kube-system');
    const client = pod('client', '10.244.1.9', 'worker-1', { app: 'client' });
    const denyEgress: NetworkPolicy = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-egress', namespace: 'default' }, spec: { podSelector: {}, policyTypes: ['Egress'] } };
    const withDns = objects({
      ...input,
      pods: [coredns, client],
      services: [...input.services, service('kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }, 'kube-system')],
      endpointSlices: [...input.endpointSlices, slice('kube-dns', [{ name: 'dns', port: 53, protocol: 'UDP' }], [{ ip: '10.244.0.2', pod: 'coredns-abc' }], 'kube-system')],
      networkPolicies: [denyEgress],
    });
    expect(dnsReachability(withDns, { ...DEFAULT_SETTINGS, cni: 'flannel' }, client).ok).toBe(true);
    const calico = dnsReachability(withDns, { ...DEFAULT_SETTINGS, cni: 'calico' }, client);
    expect(calico.ok).toBe(false);
    expect(calico.verdict?.direction).toBe('egress');
    expect(dnsReachability(objects({ ...withDns, endpointSlices: input.endpointSlices }), DEFAULT_SETTINGS, client).ok).toBe(false);
  });
});
