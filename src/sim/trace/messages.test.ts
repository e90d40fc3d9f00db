import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { Delta } from '../cluster';
import { runKubectl } from '../kubectl/run';
import { messagesOfTick } from './messages';
import type { ArchMessage } from './types';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx:1.27, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;

/** Applies web.yaml and returns the apply's delta followed by one delta per tick. */
function trace(ticks: number): { cluster: Cluster; deltas: Delta[] } {
  const cluster = new Cluster({ seed: 1, nodes: 2 }).bootstrap();
  cluster.drainDelta();
  const res = runKubectl(cluster, 'apply -f web.yaml', (f) => (f === 'web.yaml' ? WEB : undefined));
  expect(res.exitCode).toBe(0);
  const deltas = [cluster.drainDelta()];
  for (let i = 0; i < ticks; i++) deltas.push(cluster.tickN(1));
  return { cluster, deltas };
}

const hop = (m: ArchMessage) => `${m.from}${m.from === 'kubelet' ? `@${m.node}` : ''}>${m.to}${m.to !== 'kube-apiserver' && m.node ? `@${m.node}` : ''}:${m.kind}`;

describe('messagesOfTick on a Deployment being applied', () => {
  const { deltas } = trace(8);
  const all = deltas.map((d, i) => messagesOfTick(d, { idPrefix: `${i}:` }));

  it('the apply: kubectl POSTs to kube-apiserver, which puts it in etcd at its revision, and the deployment controller hears it', () => {
    const m = all[0] as ArchMessage[];
    expect(m.slice(0, 3).map(hop)).toEqual(['kubectl>kube-apiserver:write', 'kube-apiserver>etcd:etcd', 'kube-apiserver>kube-controller-manager:watch']);
    expect(m[0]?.text).toBe('kubectl: POST /apis/apps/v1/namespaces/default/deployments');
    const added = deltas[0]?.changes.find((c) => c.resource === 'deployments.apps');
    expect(m[1]?.params).toEqual({ key: '/registry/deployments/default/web', revision: added?.resourceVersion });
    expect(String(m[2]?.params.controllers)).toContain('deployment-controller');
    expect(m[0]?.ref).toEqual({ kind: 'Deployment', namespace: 'default', name: 'web' });
    expect(deltas[0]?.records[m[0]?.record ?? -1]?.code).toBe('record.kubectl.create');
    // The Service goes to services/specs in etcd, and every node's kube-proxy and CoreDNS hear of it.
    expect(m.find((x) => x.kind === 'etcd' && x.ref?.kind === 'Service')?.params.key).toBe('/registry/services/specs/default/web');
    expect(m.some((x) => x.kind === 'proxy-rules' && x.ref?.kind === 'Service' && x.node === undefined)).toBe(true);
    expect(m.some((x) => x.to === 'coredns' && x.ref?.kind === 'Service')).toBe(true);
    expect(m.map((x) => x.seq)).toEqual(m.map((_, i) => i + 1));
  });

  it('tick 1: kube-controller-manager creates the ReplicaSet through kube-apiserver', () => {
    const m = all[1] as ArchMessage[];
    const rs = m.findIndex((x) => x.kind === 'write' && x.ref?.kind === 'ReplicaSet');
    expect(m[rs]?.from).toBe('kube-controller-manager');
    expect(m[rs]?.params.who).toBe('deployment-controller');
    expect(m[rs + 1]?.kind).toBe('etcd');
    expect(String(m[rs + 2]?.params.controllers)).toContain('replicaset-controller');
  });

  it('tick 2: the ReplicaSet controller POSTs pods, and the scheduler hears of them', () => {
    const m = all[2] as ArchMessage[];
    const pods = m.filter((x) => x.kind === 'write' && x.ref?.kind === 'Pod');
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.params.who === 'replicaset-controller' && p.params.verb === 'POST')).toBe(true);
    expect(m.filter((x) => x.to === 'kube-scheduler' && x.ref?.kind === 'Pod')).toHaveLength(2);
    // A status PUT that changed nothing is shown, without an etcd write.
    const noop = m.find((x) => x.code === 'architecture.msg.writeNoop');
    expect(noop?.ref?.kind).toBe('Deployment');
    expect(m[m.indexOf(noop as ArchMessage) + 1]?.kind).not.toBe('etcd');
  });

  it('tick 3: kube-scheduler POSTs bindings and only the chosen node\'s kubelet hears of each pod', () => {
    const m = all[3] as ArchMessage[];
    const binds = m.filter((x) => x.kind === 'binding');
    expect(binds).toHaveLength(2);
    expect(binds[0]?.from).toBe('kube-scheduler');
    expect(binds[0]?.text).toMatch(/^default-scheduler: POST \/api\/v1\/namespaces\/default\/pods\/web-[a-z0-9]+-[a-z0-9]+\/binding$/);
    const toKubelets = m.filter((x) => x.to === 'kubelet');
    expect(toKubelets.map((x) => x.node).sort()).toEqual(['worker-1', 'worker-2']);
    expect(toKubelets.map((x) => x.params.node ?? x.node)).toEqual(binds.map((b) => b.params.node));
  });

  it('the kubelets call containerd before they report: RunPodSandbox, PullImage, CreateContainer, StartContainer', () => {
    const cri = all.flat().filter((x) => x.kind === 'cri' && x.node === 'worker-1');
    expect(cri.map((x) => x.params.call)).toEqual(['RunPodSandbox', 'PullImage', 'CreateContainer', 'StartContainer']);
    expect(cri[1]?.params.image).toBe('docker.io/library/nginx:1.27');
    for (const c of cri) {
      const list = all.find((l) => l.includes(c)) as ArchMessage[];
      const next = list.slice(list.indexOf(c) + 1).find((x) => x.kind !== 'cri');
      expect(next).toMatchObject({ from: 'kubelet', to: 'kube-apiserver', node: 'worker-1', kind: 'write' });
    }
  });

  it('an EndpointSlice change reaches kube-proxy on every node', () => {
    const ready = all.flat().filter((x) => x.kind === 'proxy-rules' && x.ref?.kind === 'EndpointSlice' && x.params.type === 'MODIFIED');
    expect(ready.length).toBeGreaterThanOrEqual(2);
    expect(ready[0]?.from).toBe('kube-apiserver');
  });

  it('is pure: the same delta gives the same messages, and Events only when asked', () => {
    expect(messagesOfTick(deltas[2] as Delta)).toEqual(messagesOfTick(deltas[2] as Delta));
    const withEvents = messagesOfTick(deltas[2] as Delta, { events: true });
    expect(withEvents.some((x) => x.ref?.kind === 'Event' && x.kind === 'etcd')).toBe(true);
  });
});

describe('messagesOfTick when a pod is deleted', () => {
  it('the kubelet stops the containers and the sandbox before it removes the pod', () => {
    const { cluster } = trace(0);
    cluster.runUntilSettled();
    cluster.drainDelta();
    const pod = cluster.store.list('pods', { namespace: 'default' })[0];
    expect(runKubectl(cluster, `delete pod ${pod?.metadata.name}`, () => undefined).exitCode).toBe(0);
    const msgs: ArchMessage[] = [];
    for (let i = 0; i < 40 && !msgs.some((m) => m.params.call === 'RemovePodSandbox'); i++) msgs.push(...messagesOfTick(cluster.tickN(1)));
    const calls = msgs.filter((m) => m.kind === 'cri' && m.ref?.name === pod?.metadata.name).map((m) => m.params.call);
    expect(calls).toEqual(['StopContainer', 'StopPodSandbox', 'RemovePodSandbox']);
  });
});
