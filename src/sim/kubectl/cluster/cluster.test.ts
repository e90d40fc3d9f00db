import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { runKubectl } from '../index';

function run(c: ReturnType<typeof createCluster>, line: string) {
  return runKubectl(c, line, () => undefined);
}

describe('cluster settings command', () => {
  it('cluster show prints every setting', () => {
    const c = createCluster({ seed: 1 });
    const out = run(c, 'cluster show').stdout;
    expect(out.split('\n')[0]).toMatch(/^SETTING\s+VALUE\s+MEANING$/);
    expect(out).toMatch(/cni\s+flannel\s+VXLAN overlay; NetworkPolicy is not enforced/);
  });

  it('switches the CNI with a record, and refuses bad values', () => {
    const c = createCluster({ seed: 1 });
    expect(run(c, 'cluster cni calico')).toMatchObject({ exitCode: 0, stdout: 'cluster: cni changed from flannel to calico (NetworkPolicy is enforced)\nnamespace "kube-flannel" deleted\nserviceaccount/calico-node created\ndaemonset.apps/calico-node created\n' });
    expect(c.settings.cni).toBe('calico');
    expect(c.records.at(-1)).toMatchObject({ controller: 'cluster-admin', code: 'record.cluster.cni', params: { from: 'flannel', to: 'calico' } });
    expect(run(c, 'cluster cni cilium')).toMatchObject({ exitCode: 1, stderr: 'error: cluster cni: expected one of flannel, calico, weave, got "cilium"\n' });
    expect(run(c, 'cluster weave-encryption maybe').stderr).toBe('error: cluster weave-encryption: expected on or off, got "maybe"\n');
    expect(run(c, 'cluster nope').exitCode).toBe(1);
  });

  it('load-balancer and weave-encryption toggle their settings', () => {
    const c = createCluster({ seed: 1 });
    run(c, 'cluster load-balancer on');
    run(c, 'cluster weave-encryption on');
    expect(c.settings).toMatchObject({ loadBalancer: true, weaveEncryption: true });
    expect(c.records.slice(-2).map((r) => r.code)).toEqual(['record.cluster.loadBalancerOn', 'record.cluster.weaveEncryptionOn']);
  });

  it('ingress-controller on creates the nginx IngressClass and gives Ingresses an address; off removes both', () => {
    const c = createCluster({ seed: 1 });
    const ing = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'default' },
      spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    };
    expect(run(c, 'cluster ingress-controller on').stdout).toBe('cluster: ingress-controller on; ingressclass.networking.k8s.io/nginx created\n');
    expect(c.api.create(ing).ok).toBe(true);
    c.runUntilSettled();
    expect(run(c, 'get ingress').stdout).toMatch(/web\s+nginx\s+\*\s+172\.18\.0\.3\s+80\s+/);
    expect(run(c, 'get ingressclass').stdout).toMatch(/nginx\s+k8s\.io\/ingress-nginx\s+<none>/);
    expect(run(c, 'cluster ingress-controller off').stdout).toBe('cluster: ingress-controller off; ingressclass.networking.k8s.io/nginx deleted\n');
    c.runUntilSettled();
    expect(run(c, 'get ingress').stdout).toMatch(/web\s+nginx\s+\*\s+80\s+/);
    expect(c.records.some((r) => r.code === 'record.ingress.controllerGone')).toBe(true);
  });
});
