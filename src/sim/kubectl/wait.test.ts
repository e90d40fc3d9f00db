import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { runKubectl } from './run';
import { goDurationSeconds } from './wait';

const none = () => undefined;

describe('kubectl wait', () => {
  it('--for=condition=Ready advances the clock until the pod is Ready', () => {
    const c = createCluster({ seed: 4 });
    runKubectl(c, 'run web --image=nginx:1.27', none);
    const t0 = c.clock.tick;
    expect(runKubectl(c, 'wait --for=condition=Ready pod/web --timeout=60s', none)).toEqual({ stdout: 'pod/web condition met\n', stderr: '', exitCode: 0 });
    expect(c.clock.tick).toBeGreaterThan(t0);
    expect(c.clock.tick - t0).toBeLessThanOrEqual(60);
    // Already true: no tick passes.
    const t1 = c.clock.tick;
    expect(runKubectl(c, 'wait --for=jsonpath={.status.phase}=Running pod web', none).stdout).toBe('pod/web condition met\n');
    expect(c.clock.tick).toBe(t1);
  });

  it('times out after --timeout ticks with kubectl\'s error', () => {
    const c = createCluster({ seed: 4 });
    runKubectl(c, 'run bad --image=nginx:doesnotexist', none);
    const t0 = c.clock.tick;
    expect(runKubectl(c, 'wait --for=condition=Ready pod/bad --timeout=10s', none)).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/bad\n', exitCode: 1 });
    expect(c.clock.tick - t0).toBe(10);
  });

  it('--for=delete waits out the grace period; -l selects; errors', () => {
    const c = createCluster({ seed: 4 });
    runKubectl(c, 'create deployment web --image=nginx:1.27 --replicas=2', none);
    expect(runKubectl(c, 'wait --for=condition=Available deployment/web --timeout=2m', none).stdout).toBe('deployment.apps/web condition met\n');
    const ready = runKubectl(c, 'wait --for=condition=Ready pods -l app=web', none).stdout.trim().split('\n');
    expect(ready).toHaveLength(2);
    const pod = ready[0]?.split(' ')[0] as string;
    runKubectl(c, `delete ${pod} --wait=false`, none);
    expect(runKubectl(c, `wait --for=delete ${pod} --timeout=60s`, none).stdout).toBe(`${pod} condition met\n`);
    expect(runKubectl(c, 'wait --for=condition=Ready pod/nope', none).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(runKubectl(c, 'wait --for=happy pod/nope', none).stderr).toBe('error: unrecognized condition: "happy"\n');
  });

  it('parses Go durations', () => {
    expect(goDurationSeconds('2m30s')).toBe(150);
    expect(goDurationSeconds('1h')).toBe(3600);
    expect(goDurationSeconds('10')).toBeUndefined();
  });
});
