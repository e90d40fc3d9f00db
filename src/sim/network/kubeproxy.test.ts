import { describe, expect, it } from 'vitest';
import { iptablesSave, kubeProxyRules, pickEndpoint, portProtoHash, probabilityText, servicePortChainName } from './kubeproxy';
import { node, objects, service, slice } from './testObjects';
import { Random } from '../random';

const nodes = [node('kind-control-plane', 0), node('worker-1', 1), node('worker-2', 2)];

function web(n: number, extra: Parameters<typeof service>[1] = {}) {
  const eps = [
    { ip: '10.244.1.2', node: 'worker-1', pod: 'web-a' },
    { ip: '10.244.2.2', node: 'worker-2', pod: 'web-b' },
    { ip: '10.244.1.3', node: 'worker-1', pod: 'web-c' },
  ].slice(0, n);
  return objects({
    nodes,
    services: [service('web', { type: 'ClusterIP', clusterIP: '10.96.100.10', ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP' }], ...extra })],
    endpointSlices: [slice('web', [{ name: 'http', port: 80 }], eps)],
  });
}

describe('kube-proxy chain names', () => {
  it('hash like kube-proxy: base32(sha256(servicePortName + protocol))[:16]', () => {
    // Names every kubeadm/kind cluster shows for its bootstrap Services.
    expect(servicePortChainName('default/kubernetes:https', 'TCP')).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(portProtoHash('kube-system/kube-dns:dns', 'UDP')).toBe('TCOU7JCQXEZGVUNU');
    expect(portProtoHash('kube-system/kube-dns:dns-tcp', 'TCP')).toBe('ERIFXISQEP7F7OF4');
    expect(portProtoHash('kube-system/kube-dns:metrics', 'TCP')).toBe('JD5MR3NA4I4DYORP');
  });

  it('prints probabilities as iptables-save does (kernel 2^31 fraction, 11 decimals)', () => {
    expect(probabilityText(1 / 2)).toBe('0.50000000000');
    expect(probabilityText(1 / 3)).toBe('0.33333333349');
    expect(probabilityText(1 / 4)).toBe('0.25000000000');
  });
});

describe('kubeProxyRules', () => {
  it('one endpoint: an unconditional jump', () => {
    const r = kubeProxyRules(web(1), 'worker-1');
    const sp = r.servicePorts[0];
    expect(sp?.clusterJumps.map((j) => j.probabilityText)).toEqual([undefined]);
    const text = iptablesSave(r);
    expect(text).toContain(`-A KUBE-SERVICES -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j ${sp?.svcChain}`);
    expect(text).toContain(`-A ${sp?.svcChain} -m comment --comment "default/web:http -> 10.244.1.2:80" -j ${sp?.endpoints[0]?.sepChain}`);
    expect(text).toContain(`-A ${sp?.endpoints[0]?.sepChain} -s 10.244.1.2/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ`);
    expect(text).toContain(`-A ${sp?.endpoints[0]?.sepChain} -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.2:80`);
  });

  it('two and three endpoints: 1/(n-i), the last unconditional, ordered by IP', () => {
    expect(kubeProxyRules(web(2), 'worker-1').servicePorts[0]?.clusterJumps.map((j) => j.probabilityText)).toEqual(['0.50000000000', undefined]);
    const three = kubeProxyRules(web(3), 'worker-2').servicePorts[0];
    expect(three?.clusterJumps.map((j) => [j.endpoint.ip, j.probabilityText])).toEqual([
      ['10.244.1.2', '0.33333333349'],
      ['10.244.1.3', '0.50000000000'],
      ['10.244.2.2', undefined],
    ]);
    expect(iptablesSave(kubeProxyRules(web(3), 'worker-2'))).toContain('-m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-');
  });

  it('skips not-ready endpoints', () => {
    const input = objects({
      ...web(1),
      endpointSlices: [slice('web', [{ name: 'http', port: 80 }], [{ ip: '10.244.1.2', node: 'worker-1' }, { ip: '10.244.2.9', node: 'worker-2', ready: false }])],
    });
    expect(kubeProxyRules(input, 'worker-1').servicePorts[0]?.endpoints.map((e) => e.ip)).toEqual(['10.244.1.2']);
  });

  it('a Service with no endpoints is REJECTed in the filter table', () => {
    const text = iptablesSave(kubeProxyRules(web(0), 'worker-1'));
    expect(text).toContain('-A KUBE-SERVICES -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable');
    expect(text).not.toContain('KUBE-SVC-');
  });

  it('NodePort: KUBE-NODEPORTS → KUBE-EXT → KUBE-SVC, same on every node', () => {
    const input = web(2, { type: 'NodePort', clusterIP: '10.96.100.10', ports: [{ name: 'http', port: 80, targetPort: 80, nodePort: 30080, protocol: 'TCP' }] });
    for (const n of ['kind-control-plane', 'worker-1', 'worker-2']) {
      const r = kubeProxyRules(input, n);
      const sp = r.servicePorts[0];
      const text = iptablesSave(r);
      expect(text).toContain(`-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:http" -m tcp --dport 30080 -j ${sp?.extChain}`);
      expect(text).toContain(`-A ${sp?.extChain} -m comment --comment "masquerade traffic for default/web:http external destinations" -j KUBE-MARK-MASQ`);
      expect(text).toContain(`-A ${sp?.extChain} -j ${sp?.svcChain}`);
      expect(sp?.externalJumps).toHaveLength(2);
    }
  });

  it('externalTrafficPolicy Local: only local endpoints from outside; DROP where there are none', () => {
    const input = web(3, { type: 'NodePort', externalTrafficPolicy: 'Local', clusterIP: '10.96.100.10', ports: [{ name: 'http', port: 80, nodePort: 30080, protocol: 'TCP' }] });
    const w1 = kubeProxyRules(input, 'worker-1').servicePorts[0];
    expect(w1?.externalJumps.map((j) => j.endpoint.ip)).toEqual(['10.244.1.2', '10.244.1.3']);
    expect(w1?.clusterJumps).toHaveLength(3);
    expect(iptablesSave(kubeProxyRules(input, 'worker-1'))).toContain(`-A ${w1?.extChain} -j ${w1?.svlChain}`);
    const cp = iptablesSave(kubeProxyRules(input, 'kind-control-plane'));
    expect(cp).toContain('-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP');
  });

  it('LoadBalancer ingress IPs jump to KUBE-EXT', () => {
    const input = objects({
      ...web(1),
      services: [service('web', { type: 'LoadBalancer', clusterIP: '10.96.100.10', ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] }, 'default', { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } })],
      endpointSlices: [slice('web', [{ port: 80 }], [{ ip: '10.244.1.2', node: 'worker-1' }])],
    });
    const r = kubeProxyRules(input, 'worker-2');
    expect(iptablesSave(r)).toContain(`-A KUBE-SERVICES -d 172.18.255.200/32 -p tcp -m comment --comment "default/web loadbalancer IP" -m tcp --dport 80 -j ${r.servicePorts[0]?.extChain}`);
  });

  it('headless and ExternalName Services get no rules', () => {
    const input = objects({
      services: [service('db', { clusterIP: 'None', ports: [{ port: 5432 }] }), service('ext', { type: 'ExternalName', externalName: 'example.com' })],
    });
    expect(kubeProxyRules(input, 'worker-1').servicePorts).toEqual([]);
  });

  it('pickEndpoint picks uniformly and deterministically', () => {
    const jumps = kubeProxyRules(web(3), 'worker-1').servicePorts[0]?.clusterJumps ?? [];
    const r = new Random(42);
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const ip = pickEndpoint(jumps, () => r.next())?.endpoint.ip ?? '';
      counts.set(ip, (counts.get(ip) ?? 0) + 1);
    }
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(120);
    const a = new Random(5);
    const b = new Random(5);
    expect(pickEndpoint(jumps, () => a.next())).toEqual(pickEndpoint(jumps, () => b.next()));
  });
});
