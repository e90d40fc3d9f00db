import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import type { CniPlugin } from '../settings';
import { node, objects, pod } from './testObjects';
import { crossNodeHop, formatRoute, networkModel } from './cni';

const input = objects({ nodes: [node('worker-1', 1), node('worker-2', 2)], pods: [pod('web', '10.244.1.2', 'worker-1'), pod('db', '10.244.2.2', 'worker-2')] });
const settings = (cni: CniPlugin, weaveEncryption = false) => ({ ...DEFAULT_SETTINGS, cni, weaveEncryption });
const routesOf = (cni: CniPlugin, n = 'worker-1') => networkModel(input, settings(cni)).nodes.find((x) => x.node === n)?.routes.map(formatRoute);

describe('networkModel', () => {
  it('describes the plan shared by every plugin', () => {
    const m = networkModel(input, settings('flannel'));
    expect(m).toMatchObject({ cni: 'flannel', clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', transport: 'vxlan', encrypted: false, policyEnforced: false });
    expect(m.nodes.map((n) => [n.node, n.internalIP, n.podCIDR, n.pods.map((p) => p.ip)])).toEqual([
      ['worker-1', '172.18.0.3', '10.244.1.0/24', ['10.244.1.2']],
      ['worker-2', '172.18.0.4', '10.244.2.0/24', ['10.244.2.2']],
    ]);
  });

  it('Flannel: cni0 for its own pods, flannel.1 onlink VXLAN routes to the others', () => {
    expect(routesOf('flannel')).toEqual([
      'default via 172.18.0.1 dev eth0',
      '172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.3',
      '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
      '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
    ]);
  });

  it('Calico: per-pod cali routes, a blackhole for its own block, BGP routes over tunl0', () => {
    const r = routesOf('calico') ?? [];
    expect(r[2]).toMatch(/^10\.244\.1\.2 dev cali[0-9a-f]{11} scope link$/);
    expect(r.slice(3)).toEqual(['blackhole 10.244.1.0/24 proto bird', '10.244.2.0/24 via 172.18.0.4 dev tunl0 proto bird onlink']);
    expect(networkModel(input, settings('calico'))).toMatchObject({ transport: 'bgp', policyEnforced: true });
  });

  it('Weave: one weave bridge route over the whole range; encryption shows in the model', () => {
    expect(routesOf('weave')?.slice(2)).toEqual(['10.244.0.0/16 dev weave proto kernel scope link src 10.244.1.1']);
    expect(networkModel(input, settings('weave', true))).toMatchObject({ transport: 'mesh', encrypted: true, policyEnforced: true });
    expect(networkModel(input, settings('flannel', true)).encrypted).toBe(false);
  });
});

describe('crossNodeHop', () => {
  it('explains each plugin', () => {
    expect(crossNodeHop(settings('flannel'), 'worker-1', 'worker-2', input).text).toContain('VXLAN (VNI 1, UDP 8472)');
    expect(crossNodeHop(settings('calico'), 'worker-1', 'worker-2', input).text).toBe(
      'worker-1 routes 10.244.2.0/24 via worker-2 (172.18.0.4) (learned over BGP by BIRD); tunl0 carries it as IP-in-IP',
    );
    expect(crossNodeHop(settings('weave', true), 'worker-1', 'worker-2').code).toBe('network.cni.weaveEncrypted');
    expect(crossNodeHop(settings('weave'), 'worker-1', 'worker-1')).toMatchObject({ kind: 'overlay', code: 'network.cni.sameNode' });
  });
});
