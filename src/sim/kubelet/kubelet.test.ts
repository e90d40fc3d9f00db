import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { NodeObject, PodObject } from '../scheduler/types';
import { createKubelet } from './kubelet';
import { imageID, normalizeImage } from './images';

/** A cluster running only kubelets; pods are placed by hand with spec.nodeName. */
function kubeletOnly() {
  const c = new Cluster({ seed: 5, nodes: 2 }, [createKubelet()]).bootstrap();
  c.drainDelta();
  return c;
}

function pinned(name: string, nodeName: string, spec: Partial<Pod['spec']> & object = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName, containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...spec } };
}

const podOf = (c: Cluster, name: string) => c.store.get('pods', 'default', name) as PodObject;
const events = (c: Cluster, name: string) =>
  (c.store.list('events') as (KubeObject & { reason: string; message: string; involvedObject: { name: string } })[])
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);

describe('kubelet', () => {
  it('takes a bound pod: Pending, ContainerCreating, IP from the podCIDR, signed by the node', () => {
    const c = kubeletOnly();
    c.api.create(pinned('web', 'worker-2'));
    const d = c.tickN(1);
    expect(d.records).toEqual([
      expect.objectContaining({
        controller: 'kubelet/worker-2',
        action: 'status',
        target: { kind: 'Pod', namespace: 'default', name: 'web' },
        code: 'record.kubelet.podAccepted',
        params: { pod: 'default/web', node: 'worker-2', ip: '10.244.2.2' },
      }),
    ]);
    const s = podOf(c, 'web').status;
    expect(s?.phase).toBe('Pending');
    expect(s?.hostIP).toBe('172.18.0.4');
    expect(s?.podIP).toBe('10.244.2.2');
    expect(s?.podIPs).toEqual([{ ip: '10.244.2.2' }]);
    expect(s?.startTime).toBe('2026-01-01T09:00:01Z');
    expect(s?.qosClass).toBe('BestEffort');
    expect(s?.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(s?.conditions?.map((x) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
      'PodScheduled=True',
    ]);
    expect(events(c, 'web')).toEqual(['Pulling: Pulling image "nginx:1.27"']);
  });

  it('pulls, creates and starts the container, then reports Running and Ready', () => {
    const c = kubeletOnly();
    c.api.create(pinned('web', 'worker-1'));
    c.tickN(1); // accepted, pulling for 2s
    c.tickN(1);
    expect(podOf(c, 'web').status?.phase).toBe('Pending');
    const pulled = c.tickN(1); // pull done: node now lists the image
    expect(pulled.records.map((r) => r.code)).toEqual(['record.kubelet.imageCached']);
    const node = c.store.get('nodes', undefined, 'worker-1') as NodeObject;
    expect(node.status?.images?.[0]?.names).toEqual([imageID('nginx:1.27'), 'docker.io/library/nginx:1.27']);
    const run = c.tickN(1);
    expect(run.records.map((r) => r.code)).toEqual(['record.kubelet.podRunningReady']);
    const s = podOf(c, 'web').status;
    expect(s?.phase).toBe('Running');
    const cs = s?.containerStatuses?.[0];
    expect(cs).toMatchObject({ name: 'nginx', image: 'docker.io/library/nginx:1.27', ready: true, started: true, restartCount: 0, state: { running: { startedAt: '2026-01-01T09:00:04Z' } } });
    expect(cs?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs?.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(s?.conditions?.filter((x) => x.status === 'True').map((x) => x.type)).toHaveLength(5);
    expect(events(c, 'web')).toEqual([
      'Pulling: Pulling image "nginx:1.27"',
      expect.stringMatching(/^Pulled: Successfully pulled image "nginx:1\.27" in 2s \(2s including waiting\)\. Image size: \d+ bytes\.$/),
      'Created: Container created',
      'Started: Container started',
    ]);
  });

  it('skips the pull when the node already has the image, and gives the next free IP', () => {
    const c = kubeletOnly();
    c.api.create(pinned('one', 'worker-1'));
    c.runUntilSettled();
    c.api.create(pinned('two', 'worker-1'));
    c.tickN(1);
    expect(podOf(c, 'two').status?.podIP).toBe('10.244.1.3');
    expect(events(c, 'two')).toEqual(['Pulled: Container image "nginx:1.27" already present on machine and can be accessed by the pod']);
    c.tickN(1);
    expect(podOf(c, 'two').status?.phase).toBe('Running');
  });

  it('stops a deleted pod within its grace period and then removes it', () => {
    const c = kubeletOnly();
    c.api.create(pinned('web', 'worker-1'));
    c.runUntilSettled();
    c.userClient().delete(podOf(c, 'web'), { reason: 'test' });
    expect(podOf(c, 'web').metadata.deletionTimestamp).toBeDefined();
    c.tickN(1);
    expect(events(c, 'web')).toContain('Killing: Stopping container nginx');
    expect(podOf(c, 'web')).toBeDefined();
    c.tickN(1);
    const d = c.tickN(1);
    expect(podOf(c, 'web')).toBeUndefined();
    expect(d.records).toEqual([expect.objectContaining({ controller: 'kubelet/worker-1', action: 'delete', code: 'record.kubelet.podDeleted' })]);
  });

  it('runs init containers first and reports them Completed', () => {
    const c = kubeletOnly();
    c.api.create(pinned('init', 'worker-1', { initContainers: [{ name: 'setup', image: 'busybox:1.36' }] }));
    c.tickN(1);
    expect(podOf(c, 'init').status?.conditions?.find((x) => x.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized' });
    c.runUntilSettled();
    const s = podOf(c, 'init').status;
    expect(s?.phase).toBe('Running');
    expect(s?.initContainerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('normalizes image references as containerd reports them', () => {
    expect(normalizeImage('nginx')).toBe('docker.io/library/nginx:latest');
    expect(normalizeImage('bitnami/nginx:1')).toBe('docker.io/bitnami/nginx:1');
    expect(normalizeImage('registry.k8s.io/pause:3.10')).toBe('registry.k8s.io/pause:3.10');
    expect(normalizeImage('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });
});
