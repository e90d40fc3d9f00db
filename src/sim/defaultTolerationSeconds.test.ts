import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster, createCluster } from './cluster';
import type { KubeObject } from './objects';
import { runKubectl } from './kubectl/run';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;
const kubectl = (c: Cluster, line: string) => runKubectl(c, line, () => deployment);
const pods = (c: Cluster) => c.store.list<Pod & KubeObject>('pods', { namespace: 'default' });

describe('ClusterOptions.defaultTolerationSeconds (kube-apiserver --default-*-toleration-seconds)', () => {
  it('defaults pods to tolerate not-ready and unreachable nodes for 300 s, as Kubernetes does', () => {
    const c = createCluster({ seed: 2 });
    kubectl(c, 'apply -f d.yaml');
    c.runUntilSettled();
    expect(pods(c)[0]?.spec?.tolerations?.map((t) => `${t.key}=${t.tolerationSeconds}`)).toEqual(['node.kubernetes.io/not-ready=300', 'node.kubernetes.io/unreachable=300']);
  });

  it('a shorter value is what new pods get, survives export/import, and evicts that much sooner', () => {
    const c = createCluster({ seed: 2, defaultTolerationSeconds: 30 });
    kubectl(c, 'apply -f d.yaml');
    c.runUntilSettled();
    expect(pods(c)[0]?.spec?.tolerations?.map((t) => t.tolerationSeconds)).toEqual([30, 30]);
    // The template is left alone: the admission plugin acts on pods only.
    expect(kubectl(c, 'get deployment web -o yaml').stdout).not.toContain('tolerationSeconds');

    const restored = Cluster.fromState(JSON.parse(JSON.stringify(c.exportState())));
    expect(restored.options.defaultTolerationSeconds).toBe(30);
    const victim = pods(restored).find((p) => p.spec?.nodeName === 'worker-1') ?? pods(restored)[0];
    const node = victim?.spec?.nodeName ?? '';
    expect(kubectl(restored, `node stop ${node}`).exitCode).toBe(0);
    // About 10 s to be marked unreachable, a tick to taint, then 30 s of toleration.
    restored.tickN(30);
    expect(restored.store.get('pods', 'default', victim?.metadata.name ?? '')?.metadata.deletionTimestamp).toBeUndefined();
    restored.tickN(15);
    expect(restored.store.get('pods', 'default', victim?.metadata.name ?? '')?.metadata.deletionTimestamp).toBeDefined();
  });
});
