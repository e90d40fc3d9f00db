import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/objects';
import { podDisplayStatus } from './podStatus';

function pod(status: Record<string, unknown>, extra: Partial<KubeObject['metadata']> = {}, nodeName?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', ...extra },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }], ...(nodeName ? { nodeName } : {}) },
    status,
  };
}

describe('podDisplayStatus', () => {
  it('shows Pending for a pod the scheduler has not bound', () => {
    const s = podDisplayStatus(pod({ phase: 'Pending' }));
    expect(s).toMatchObject({ text: 'Pending', category: 'pending', ready: 0, total: 1 });
  });

  it('shows the waiting reason while containers are being created', () => {
    const s = podDisplayStatus(
      pod({ phase: 'Pending', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { waiting: { reason: 'ContainerCreating' } } }] }, {}, 'worker-1'),
    );
    expect(s).toMatchObject({ text: 'ContainerCreating', category: 'creating' });
  });

  it('shows Running with the ready count', () => {
    const s = podDisplayStatus(
      pod({ phase: 'Running', containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, image: 'nginx', imageID: '', state: { running: { startedAt: '2026-01-01T09:00:03Z' } } }] }, {}, 'worker-1'),
    );
    expect(s).toMatchObject({ text: 'Running', category: 'running', ready: 1, total: 1 });
  });

  it('shows CrashLoopBackOff and counts restarts', () => {
    const s = podDisplayStatus(
      pod({ phase: 'Running', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 4, image: 'nginx', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } } }] }),
    );
    expect(s).toMatchObject({ text: 'CrashLoopBackOff', category: 'crashloop', restarts: 4 });
  });

  it('shows Completed for a finished Job pod', () => {
    const s = podDisplayStatus(
      pod({ phase: 'Succeeded', containerStatuses: [{ name: 'pi', ready: false, restartCount: 0, image: 'perl', imageID: '', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }),
    );
    expect(s).toMatchObject({ text: 'Completed', category: 'succeeded' });
  });

  it('shows the terminated reason of a failed container', () => {
    const s = podDisplayStatus(
      pod({ phase: 'Failed', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { terminated: { exitCode: 1, reason: 'Error' } } }] }),
    );
    expect(s).toMatchObject({ text: 'Error', category: 'failed' });
  });

  it('shows Terminating once a deletionTimestamp is set, whatever the phase', () => {
    const s = podDisplayStatus(pod({ phase: 'Running' }, { deletionTimestamp: '2026-01-01T09:01:00Z' }, 'worker-1'));
    expect(s).toMatchObject({ text: 'Terminating', category: 'terminating' });
  });

  it('shows init container progress', () => {
    const p = pod({
      phase: 'Pending',
      initContainerStatuses: [{ name: 'init-myservice', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { running: {} } }],
    });
    (p.spec as { initContainers: unknown[] }).initContainers = [{ name: 'init-myservice', image: 'busybox' }, { name: 'init-mydb', image: 'busybox' }];
    expect(podDisplayStatus(p)).toMatchObject({ text: 'Init:0/2', category: 'creating' });
  });
});
