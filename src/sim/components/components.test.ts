import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import { runKubectl } from '../kubectl/run';
import type { PodObject } from '../scheduler/types';
import { componentStatus } from './status';

const k = (c: Cluster, line: string) => {
  const r = runKubectl(c, line, () => undefined);
  return r.stdout + r.stderr;
};
const pods = (c: Cluster, ns: string) => c.store.list<PodObject>('pods', { namespace: ns });

describe('kube-system as kubeadm leaves it', () => {
  it('runs the static pods, kube-proxy and the CNI agent on every node, settled at tick 0', () => {
    const c = createCluster({ seed: 7 });
    expect(c.runUntilSettled()).toBeLessThanOrEqual(1);
    const all = k(c, 'get pods -A');
    for (const name of ['etcd-control-plane', 'kube-apiserver-control-plane', 'kube-controller-manager-control-plane', 'kube-scheduler-control-plane']) expect(all).toMatch(new RegExp(`kube-system +${name} +1/1 +Running`));
    expect(pods(c, 'kube-system').filter((p) => p.metadata.name.startsWith('kube-proxy-'))).toHaveLength(3);
    expect(k(c, 'get ds -A')).toMatch(/kube-flannel +kube-flannel-ds +3 +3 +3 +3 +3 +kubernetes.io\/os=linux/);
    expect(k(c, 'get ds -A')).toMatch(/kube-system +kube-proxy +3 +3 +3 +3 +3/);
    const apiserver = c.store.get<PodObject>('pods', 'kube-system', 'kube-apiserver-control-plane') as PodObject;
    expect(apiserver.metadata.labels).toEqual({ component: 'kube-apiserver', tier: 'control-plane' });
    expect(apiserver.metadata.annotations?.['kubernetes.io/config.source']).toBe('file');
    expect(apiserver.metadata.annotations?.['kubernetes.io/config.mirror']).toMatch(/^[0-9a-f]{32}$/);
    expect(apiserver.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'control-plane', controller: true });
    expect(apiserver.spec).toMatchObject({ hostNetwork: true, priorityClassName: 'system-node-critical', nodeName: 'control-plane' });
    expect(apiserver.spec?.containers[0]?.image).toBe('registry.k8s.io/kube-apiserver:v1.34.1');
    expect(c.store.get<PodObject>('pods', 'kube-system', 'etcd-control-plane')?.spec?.containers[0]?.image).toBe('registry.k8s.io/etcd:3.6.4-0');
    const proxy = pods(c, 'kube-system').find((p) => p.spec?.nodeName === 'worker-2' && p.metadata.name.startsWith('kube-proxy-')) as PodObject;
    expect(proxy.status?.podIP).toBe('172.18.0.4');
    expect(proxy.spec?.containers[0]?.image).toBe('registry.k8s.io/kube-proxy:v1.34.1');
    // The learner's world is untouched: default is empty and worker nodes carry only daemons.
    expect(k(c, 'get pods')).toBe('No resources found in default namespace.\n');
  });

  it('keeps one Lease per node in kube-node-lease, renewed every 10 ticks, staggered, until the kubelet stops', () => {
    const c = createCluster({ seed: 3 });
    expect(k(c, 'get leases -n kube-node-lease')).toMatch(/^NAME +HOLDER +AGE\ncontrol-plane +control-plane +0s\nworker-1 +worker-1 +0s\nworker-2 +worker-2 +0s\n$/);
    const renewals = new Map<string, number[]>();
    for (let i = 0; i < 30; i++) {
      const d = c.tickN(1);
      for (const r of d.records) if (r.code === 'record.kubelet.leaseRenewed') renewals.set(String(r.params?.node), [...(renewals.get(String(r.params?.node)) ?? []), d.tick]);
    }
    for (const ticks of renewals.values()) {
      expect(ticks).toHaveLength(3);
      expect(ticks[1]! - ticks[0]!).toBe(10);
    }
    expect(new Set([...renewals.values()].map((t) => t[0])).size).toBeGreaterThan(1);
    expect(c.settled()).toBe(true);
    k(c, 'node stop worker-1');
    const before = c.store.get('leases.coordination.k8s.io', 'kube-node-lease', 'worker-1')?.metadata.resourceVersion;
    c.tickN(20);
    expect(c.store.get('leases.coordination.k8s.io', 'kube-node-lease', 'worker-1')?.metadata.resourceVersion).toBe(before);
  });

  it('brings a deleted kube-proxy pod back', () => {
    const c = createCluster({ seed: 1 });
    const proxy = pods(c, 'kube-system').find((p) => p.metadata.name.startsWith('kube-proxy-') && p.spec?.nodeName === 'worker-1') as PodObject;
    expect(k(c, `delete pod -n kube-system ${proxy.metadata.name}`)).toContain(`pod "${proxy.metadata.name}" deleted`);
    c.runUntilSettled();
    const back = pods(c, 'kube-system').filter((p) => p.metadata.name.startsWith('kube-proxy-') && p.spec?.nodeName === 'worker-1');
    expect(back).toHaveLength(1);
    expect(back[0]?.metadata.name).not.toBe(proxy.metadata.name);
    expect(back[0]?.status?.phase).toBe('Running');
  });
});

describe('stopping control-plane components', () => {
  it('a stopped kube-scheduler leaves new pods Pending without events; back, it places them', () => {
    const c = createCluster({ seed: 1 });
    expect(k(c, 'node stop-component control-plane kube-scheduler')).toBe('moved /etc/kubernetes/manifests/kube-scheduler.yaml to /tmp/kube-scheduler.yaml: kube-scheduler stopped\n');
    expect(componentStatus(c.store, 'kube-scheduler')).toBe('stopped');
    c.runUntilSettled();
    expect(c.store.get('pods', 'kube-system', 'kube-scheduler-control-plane')).toBeUndefined();
    k(c, 'run web --image=nginx');
    expect(c.runUntilSettled()).toBeLessThan(5);
    expect(k(c, 'get pods')).toMatch(/web +0\/1 +Pending/);
    expect(k(c, 'get events --field-selector involvedObject.name=web')).toBe('No resources found in default namespace.\n');
    expect(k(c, 'node start-component control-plane kube-scheduler')).toBe('moved /tmp/kube-scheduler.yaml back to /etc/kubernetes/manifests/kube-scheduler.yaml: kube-scheduler running\n');
    c.runUntilSettled();
    expect(k(c, 'get pods')).toMatch(/web +1\/1 +Running/);
    expect(k(c, 'get pods -n kube-system kube-scheduler-control-plane')).toMatch(/kube-scheduler-control-plane +1\/1 +Running/);
  });

  it('a stopped kube-controller-manager makes no ReplicaSet or pods until it returns', () => {
    const c = createCluster({ seed: 1 });
    k(c, 'node stop-component control-plane kube-controller-manager');
    c.runUntilSettled();
    const web = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n';
    expect(runKubectl(c, 'apply -f web.yaml', (n) => (n === 'web.yaml' ? web : undefined)).stdout).toBe('deployment.apps/web created\n');
    c.runUntilSettled();
    expect(k(c, 'get rs')).toBe('No resources found in default namespace.\n');
    k(c, 'node start-component control-plane kube-controller-manager');
    c.runUntilSettled();
    expect(k(c, 'get deploy web')).toMatch(/web +2\/2 +2 +2/);
  });

  it('refuses to stop the API server and names what it knows', () => {
    const c = createCluster({ seed: 1 });
    expect(runKubectl(c, 'node stop-component control-plane kube-apiserver', () => undefined).exitCode).toBe(1);
    expect(runKubectl(c, 'node stop-component control-plane kube-foo', () => undefined).exitCode).toBe(1);
  });
});

describe('the pod network needs a CNI', () => {
  it('without one the nodes are NotReady and CoreDNS waits; installing Flannel brings both up', () => {
    const c = createCluster({ seed: 1, settings: { cni: 'none' } });
    c.runUntilSettled();
    expect(k(c, 'get nodes')).toMatch(/worker-1 +NotReady/);
    const node = JSON.parse(k(c, 'get node worker-1 -o json'));
    expect(node.status.conditions.find((x: { type: string }) => x.type === 'Ready').message).toBe(
      'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
    );
    expect(node.status.conditions.find((x: { type: string }) => x.type === 'NetworkUnavailable').status).toBe('True');
    expect(k(c, 'get pods -n kube-system -l k8s-app=kube-dns')).toMatch(/coredns-\S+ +0\/1 +Pending/);
    expect(k(c, 'get events -n kube-system')).toContain('0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }');
    expect(k(c, 'get ds -A')).not.toContain('flannel');
    expect(k(c, 'cluster cni flannel')).toContain('daemonset.apps/kube-flannel-ds created');
    c.runUntilSettled();
    expect(k(c, 'get nodes')).not.toContain('NotReady');
    expect(k(c, 'get pods -n kube-system -l k8s-app=kube-dns')).not.toContain('Pending');
  });

  it('switching plugins swaps the DaemonSets and keeps the nodes Ready; none takes the network away', () => {
    const c = createCluster({ seed: 1 });
    expect(k(c, 'cluster cni weave')).toBe(
      'cluster: cni changed from flannel to weave (NetworkPolicy is enforced)\nnamespace "kube-flannel" deleted\nserviceaccount/weave-net created\ndaemonset.apps/weave-net created\n',
    );
    c.runUntilSettled();
    expect(k(c, 'get ds -A')).toMatch(/kube-system +weave-net +3 +3 +3/);
    expect(k(c, 'get ns')).not.toContain('kube-flannel');
    expect(k(c, 'get nodes')).not.toContain('NotReady');
    k(c, 'cluster cni none');
    c.runUntilSettled();
    expect(k(c, 'get ds -A')).not.toContain('weave-net');
    expect(k(c, 'get nodes')).toMatch(/worker-2 +NotReady/);
  });
});

describe('determinism', () => {
  it('same seed and actions give the same state; the learner names per seed do not change', () => {
    const run = () => {
      const c = createCluster({ seed: 11 });
      k(c, 'run web --image=nginx');
      k(c, 'node stop-component control-plane kube-scheduler');
      c.tickN(7);
      k(c, 'node start-component control-plane kube-scheduler');
      k(c, 'cluster cni calico');
      c.runUntilSettled();
      c.tickN(25);
      return c;
    };
    const a = run();
    expect(JSON.stringify(a.exportState())).toBe(JSON.stringify(run().exportState()));
  });
});
