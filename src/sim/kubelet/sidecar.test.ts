import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { applyManifest, runKubectl } from '../kubectl/index';

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: ship
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: logshipper
        image: alpine:3.20
        restartPolicy: Always
        command: ["sh", "-c", "tail -F /opt/logs.txt"]
      containers:
      - name: main
        image: alpine:3.20
        command: ["sh", "-c", "echo done"]
`;

describe('native sidecars (init containers with restartPolicy Always)', () => {
  it('start before the main container, do not block it, and are stopped when it finishes', () => {
    const c = createCluster({ seed: 3 });
    expect(applyManifest(c, JOB, 'job.yaml', { atomic: true }).exitCode).toBe(0);
    c.runUntilSettled(200);
    const pod = c.store.list('pods', { namespace: 'default' })[0] as unknown as {
      status: { phase: string; initContainerStatuses: { state: { terminated?: { exitCode: number } } }[] };
    };
    expect(pod.status.phase).toBe('Succeeded');
    expect(pod.status.initContainerStatuses[0]?.state.terminated?.exitCode).toBe(0);
    expect(runKubectl(c, 'get job ship', () => undefined).stdout).toMatch(/ship\s+Complete\s+1\/1/);
  });
});
