import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { NodeObject, PodObject } from '../scheduler/types';
import { createScheduler } from '../scheduler/scheduler';
import { createKubelet } from '../kubelet/kubelet';
import { createNodeLifecycleController, evictionDelay } from './nodelifecycle';
import { runKubectl } from '../kubectl/run';

function cluster(): Cluster {
  const c = new Cluster({ seed: 3, nodes: 2 }, [createScheduler(), createKubelet(), createNodeLifecycleController()]).bootstrap();
  c.drainDelta();
  return c;
}
const kubectl = (c: Cluster, line: string, files: Record<string, string> = {}) => runKubectl(c, line, (n) => files[n]);
const node = (c: Cluster, name: string) => c.store.get<NodeObject>('nodes', undefined, name) as NodeObject;

function podOn(name: string, nodeName: string, tolerationSeconds?: number, owned = false): string {
  const tol = tolerationSeconds === undefined ? '' : `  tolerations:\n  - key: node.kubernetes.io/unreachable\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: ${tolerationSeconds}\n`;
  const owner = owned ? `  ownerReferences:\n  - apiVersion: apps/v1\n    kind: ReplicaSet\n    name: web-abc\n    uid: \"u-1234\"\n    controller: true\n` : '';
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${owner}spec:\n  nodeName: ${nodeName}\n${tol}  containers:\n  - name: web\n    image: nginx:1.27\n---\n`;
}

describe('node lifecycle controller', () => {
  it('a stopped node turns Unknown after the grace period, is tainted, and its pods are evicted after tolerationSeconds', () => {
    const c = cluster();
    expect(kubectl(c, 'apply -f p.yaml', { 'p.yaml': podOn('quick', 'worker-1', 5) + podOn('slow', 'worker-1') }).exitCode).toBe(0);
    c.runUntilSettled();
    expect(kubectl(c, 'node stop worker-1').stdout).toBe('node/worker-1 stopped\n');
    c.tickN(9);
    expect(node(c, 'worker-1').status?.conditions?.find((k) => k.type === 'Ready')?.status).toBe('True');
    c.tickN(2);
    const ready = node(c, 'worker-1').status?.conditions?.find((k) => k.type === 'Ready');
    expect(ready).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    c.tickN(1);
    expect(node(c, 'worker-1').spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    c.tickN(7);
    const quick = c.store.get<PodObject>('pods', 'default', 'quick');
    // Deleted by the taint manager, but the kubelet is gone: it stays Terminating.
    expect(quick?.metadata.deletionTimestamp).toBeDefined();
    expect(c.store.get<PodObject>('pods', 'default', 'slow')?.metadata.deletionTimestamp).toBeUndefined();
    const ev = c.store.list<Event & KubeObject>('events').filter((e) => e.reason === 'TaintManagerEviction');
    expect(ev.map((e) => e.message)).toEqual(['Marking for deletion Pod default/quick']);
    // The kubelet comes back: Ready again, taints gone, the Terminating pod finally goes.
    expect(kubectl(c, 'node start worker-1').stdout).toBe('node/worker-1 started\n');
    c.runUntilSettled();
    expect(node(c, 'worker-1').status?.conditions?.find((k) => k.type === 'Ready')?.status).toBe('True');
    expect(node(c, 'worker-1').spec?.taints ?? []).toEqual([]);
    expect(c.store.get<PodObject>('pods', 'default', 'quick')).toBeUndefined();
    expect(c.store.get<PodObject>('pods', 'default', 'slow')?.status?.phase).toBe('Running');
  });

  it('computes the eviction delay from the tolerations', () => {
    const taint = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }];
    const p = (tolerations: object[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [], tolerations } }) as PodObject;
    expect(evictionDelay(p([]), taint)).toBe(0);
    expect(evictionDelay(p([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]), taint)).toBe(300);
    expect(evictionDelay(p([{ operator: 'Exists' }]), taint)).toBeUndefined();
  });
});

describe('kubectl cordon, uncordon, drain', () => {
  it('drains a node: cordon, evict the managed pods, refuse unmanaged ones without --force', () => {
    const c = cluster();
    expect(kubectl(c, 'apply -f p.yaml', { 'p.yaml': podOn('web-1', 'worker-1', undefined, true) + podOn('solo', 'worker-1') }).stderr).toBe('');
    c.runUntilSettled();
    const refused = kubectl(c, 'drain worker-1 --ignore-daemonsets');
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toBe('node/worker-1 cordoned\n');
    expect(refused.stderr).toBe(
      'error: unable to drain node "worker-1" due to error: cannot delete Pods that declare no controller (use --force to override): default/solo, continuing command...\nThere are pending nodes to be drained:\n worker-1\ncannot delete Pods that declare no controller (use --force to override): default/solo\n',
    );
    const forced = kubectl(c, 'drain worker-1 --force --ignore-daemonsets');
    expect(forced.stdout).toBe(
      'node/worker-1 already cordoned\nevicting pod default/solo\nevicting pod default/web-1\npod/solo evicted\npod/web-1 evicted\nnode/worker-1 drained\n',
    );
    // kube-proxy and the CNI agent run on every node: drain leaves them with --ignore-daemonsets.
    expect(forced.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: kube-flannel\/kube-flannel-ds-\w+, kube-system\/kube-proxy-\w+\nWarning: deleting Pods that declare no controller: default\/solo\n$/);
    expect(node(c, 'worker-1').spec?.unschedulable).toBe(true);
    c.runUntilSettled();
    expect(c.store.list<PodObject>('pods', { namespace: 'default' })).toEqual([]);
    expect(kubectl(c, 'uncordon worker-1').stdout).toBe('node/worker-1 uncordoned\n');
    expect(node(c, 'worker-1').spec?.unschedulable).toBeUndefined();
    expect(kubectl(c, 'cordon nope').stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
});
