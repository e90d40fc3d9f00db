import { describe, expect, it } from 'vitest';
import { Cluster, createCluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { runKubectl } from '../../kubectl/run';
import { createDaemonSetController } from './daemonset';
import type { DaemonSetObject, PodObject } from './pods';

const noFiles = { read: () => undefined } as unknown as Parameters<typeof runKubectl>[2];

function ds(name: string, template: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { name } },
      template: { metadata: { labels: { name } }, spec: { containers: [{ name: 'agent', image: 'nginx:1.27' }], ...template } },
    },
  };
}

const podsOf = (c: Cluster, name: string) =>
  c.store.list<PodObject>('pods', { namespace: 'kube-system' }).filter((p) => p.metadata.labels?.name === name && !p.metadata.deletionTimestamp);
const nodesOf = (c: Cluster, name: string) => podsOf(c, name).map((p) => p.spec?.nodeName).sort();
const get = (c: Cluster, name: string) => c.store.get<DaemonSetObject>('daemonsets.apps', 'kube-system', name) as DaemonSetObject;

describe('daemonset controller reconcile', () => {
  it('creates one pod per eligible node, pinned by matchFields, skipping the tainted control plane', () => {
    const c = new Cluster({ seed: 1 }, [createDaemonSetController()]).bootstrap();
    c.drainDelta();
    c.api.create(ds('agent'));
    const d = c.tickN(1);
    expect(d.records.map((r) => [r.action, r.target.kind, r.code, r.params?.node])).toEqual([
      ['create', 'Pod', 'record.daemonset.createPod', 'worker-1'],
      ['create', 'Pod', 'record.daemonset.createPod', 'worker-2'],
      ['status', 'DaemonSet', 'record.daemonset.status', undefined],
    ]);
    const p = podsOf(c, 'agent').find((x) => x.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]?.matchFields?.[0]?.values?.[0] === 'worker-1');
    expect(p?.spec?.nodeName).toBeUndefined();
    expect(p?.metadata.name).toMatch(/^agent-[a-z0-9]{5}$/);
    expect(p?.spec?.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(p?.metadata.labels).toMatchObject({ 'pod-template-generation': '1' });
    expect(get(c, 'agent').status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 0, numberMisscheduled: 0 });
    expect(get(c, 'agent').metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('1');
  });
});

describe('daemonset end to end', () => {
  it('follows nodes joining and leaving', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(ds('agent'));
    c.runUntilSettled();
    expect(nodesOf(c, 'agent')).toEqual(['worker-1', 'worker-2']);
    expect(runKubectl(c, 'node add worker-3', noFiles).stdout).toBe('node/worker-3 joined\n');
    c.runUntilSettled();
    expect(nodesOf(c, 'agent')).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(get(c, 'agent').status).toMatchObject({ desiredNumberScheduled: 3, numberReady: 3, numberAvailable: 3 });
    expect(runKubectl(c, 'node remove worker-1', noFiles).stdout).toBe('node/worker-1 removed (3 pods on it deleted)\n'); // agent, kube-proxy, flannel
    c.runUntilSettled();
    expect(nodesOf(c, 'agent')).toEqual(['worker-2', 'worker-3']);
    expect(get(c, 'agent').status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2 });
    const table = runKubectl(c, 'get ds -n kube-system', noFiles).stdout.split('\n');
    expect(table[0]).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE$/);
    expect(table[1]).toMatch(/^agent\s+2\s+2\s+2\s+2\s+2\s+<none>\s+\d+s$/);
  });

  it('a nodeSelector limits the nodes, and relabelling a node moves the daemon', () => {
    const c = createCluster({ seed: 6 });
    c.api.create(ds('ssd', { nodeSelector: { disktype: 'ssd' } }));
    c.runUntilSettled();
    expect(nodesOf(c, 'ssd')).toEqual([]);
    const n = c.store.get('nodes', undefined, 'worker-2') as KubeObject;
    c.api.update({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disktype: 'ssd' } } });
    c.runUntilSettled();
    expect(nodesOf(c, 'ssd')).toEqual(['worker-2']);
  });

  it('rolls a template change one node at a time (maxUnavailable 1)', () => {
    const c = createCluster({ seed: 7, nodes: 3 });
    c.api.create(ds('agent'));
    c.runUntilSettled();
    const d = get(c, 'agent');
    const spec = structuredClone(d.spec) as NonNullable<DaemonSetObject['spec']>;
    (spec.template.spec?.containers[0] as { image?: string }).image = 'nginx:1.28';
    c.api.update({ ...d, spec });
    let maxDown = 0;
    for (let t = 0; t < 80; t++) {
      c.step();
      const up = podsOf(c, 'agent').filter((p) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).length;
      maxDown = Math.max(maxDown, 3 - up);
    }
    expect(maxDown).toBe(1);
    expect(podsOf(c, 'agent').map((p) => p.spec?.containers[0]?.image)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28']);
    expect(get(c, 'agent').status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3 });
    expect(get(c, 'agent').metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
  });
});
