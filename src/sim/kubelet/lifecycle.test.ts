import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { PodObject } from '../scheduler/types';
import { createScheduler } from '../scheduler/scheduler';
import { createKubelet } from './kubelet';
import { createNodeLifecycleController } from '../controllers/nodelifecycle';
import { runKubectl } from '../kubectl/run';

const CORPUS = '/work/shared/corpus/k8s-website-examples';

function cluster(): Cluster {
  const c = new Cluster({ seed: 11, nodes: 2 }, [createScheduler(), createKubelet(), createNodeLifecycleController()]).bootstrap();
  c.drainDelta();
  return c;
}

function kubectl(c: Cluster, line: string, files: Record<string, string> = {}) {
  return runKubectl(c, line, (n) => files[n] ?? (n.startsWith('corpus/') ? readFileSync(`${CORPUS}/${n.slice(7)}`, 'utf8') : undefined));
}

const pod = (c: Cluster, name: string) => c.store.get<PodObject>('pods', 'default', name);
const events = (c: Cluster, name: string) =>
  c.store
    .list<Event & KubeObject>('events')
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);

function podYaml(name: string, image: string, extra: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n  - name: main\n    image: ${image}\n`;
}

describe('kubelet: container behaviour', () => {
  it('restarts the corpus exec-liveness pod when /tmp/healthy disappears', () => {
    const c = cluster();
    expect(kubectl(c, 'apply -f corpus/pods/probe/exec-liveness.yaml').exitCode).toBe(0);
    c.tickN(30);
    expect(pod(c, 'liveness-exec')?.status?.containerStatuses?.[0]?.restartCount).toBe(0);
    c.tickN(40);
    const cs = pod(c, 'liveness-exec')?.status?.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(1);
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    const ev = events(c, 'liveness-exec');
    expect(ev).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(ev).toContain('Killing: Container liveness failed liveness probe, will be restarted');
    c.tickN(80);
    expect(pod(c, 'liveness-exec')?.status?.containerStatuses?.[0]?.restartCount).toBe(2);
  });

  it('a busybox `sleep 5` pod with restartPolicy Never ends Succeeded', () => {
    const c = cluster();
    kubectl(c, 'apply -f p.yaml', { 'p.yaml': podYaml('nap', 'busybox:1.36', '  restartPolicy: Never\n') + '    command: ["sleep", "5"]\n' });
    c.tickN(6);
    expect(pod(c, 'nap')?.status?.phase).toBe('Running');
    expect(c.runUntilSettled()).toBeLessThan(20);
    const s = pod(c, 'nap')?.status;
    expect(s?.phase).toBe('Succeeded');
    expect(s?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s?.conditions?.find((k) => k.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(kubectl(c, 'get pod nap').stdout).toMatch(/nap\s+0\/1\s+Completed\s+0/);
  });

  it('`exit 1` under restartPolicy Always crash-loops with doubling back-off', () => {
    const c = cluster();
    kubectl(c, 'apply -f p.yaml', { 'p.yaml': podYaml('crash', 'busybox:1.36', '') + '    command: ["sh", "-c", "echo dying; exit 1"]\n' });
    const starts: number[] = [];
    let last = -1;
    for (let i = 0; i < 200; i++) {
      c.step();
      const cs = pod(c, 'crash')?.status?.containerStatuses?.[0];
      if (cs && cs.restartCount !== last) {
        starts.push(c.tick);
        last = cs.restartCount ?? 0;
      }
    }
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    // Each run exits at once; the first restart is free, then the back-off waits 10s, 20s,
    // 40s, 80s (plus the 1s it takes to create the container again).
    expect(gaps.slice(1, 5)).toEqual([11, 21, 41, 81]);
    const cs = pod(c, 'crash')?.status?.containerStatuses?.[0];
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(events(c, 'crash').some((e) => /^BackOff: Back-off restarting failed container main in pod crash_default\(.+\)$/.test(e))).toBe(true);
    // In back-off the pod reads CrashLoopBackOff and never settles.
    c.tickN(3);
    expect(kubectl(c, 'get pod crash').stdout).toMatch(/crash\s+0\/1\s+(CrashLoopBackOff|Error)/);
    expect(c.settled()).toBe(false);
  });

  it('an unknown tag gives ErrImagePull, then ImagePullBackOff with back-off', () => {
    const c = cluster();
    kubectl(c, 'apply -f p.yaml', { 'p.yaml': podYaml('bad', 'nginx:1.99', '') });
    const reasons: string[] = [];
    for (let i = 0; i < 6; i++) {
      c.step();
      reasons.push(pod(c, 'bad')?.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? '');
    }
    // Scheduled in the first tick, pulling for 2s, failing, then backing off.
    expect(reasons).toEqual(['', 'ContainerCreating', 'ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'ImagePullBackOff']);
    expect(events(c, 'bad')).toContain(
      'Failed: Failed to pull image "nginx:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    );
    expect(events(c, 'bad')).toContain('BackOff: Back-off pulling image "nginx:1.99"');
    expect(kubectl(c, 'get pod bad').stdout).toMatch(/bad\s+0\/1\s+ImagePullBackOff/);
    c.tickN(60);
    const pulls = c.store.list<Event & KubeObject>('events').find((e) => e.involvedObject.name === 'bad' && e.reason === 'Pulling');
    // Pulls at 2s, fails at 4s; again at 14s (10s back-off) and 36s (20s); the next waits until 78s.
    expect(pulls?.count).toBe(3);
  });

  it('kubectl logs prints what an echo pod said, and nginx its startup lines', () => {
    const c = cluster();
    kubectl(c, 'apply -f p.yaml', { 'p.yaml': podYaml('hello', 'busybox:1.36', '  restartPolicy: Never\n') + '    command: ["sh", "-c", "echo hello world && date"]\n' });
    kubectl(c, 'apply -f n.yaml', { 'n.yaml': podYaml('web', 'nginx:1.27', '') });
    c.runUntilSettled();
    expect(pod(c, 'hello')?.status?.phase).toBe('Succeeded');
    const out = kubectl(c, 'logs hello');
    expect(out.stdout).toMatch(/^hello world\n\w{3} Jan {2}1 09:00:\d\d UTC 2026\n$/);
    const web = kubectl(c, 'logs web --tail 1');
    expect(web.stdout).toMatch(/\[notice\] 1#1: start worker process 30\n$/);
    expect(kubectl(c, 'logs web').stdout).toContain('nginx/1.27.5');
    expect(kubectl(c, 'logs web -c nope').stderr).toBe('Error from server (BadRequest): container nope is not valid for pod web\n');
    expect(kubectl(c, 'logs web --previous').stderr).toBe('Error from server (BadRequest): previous terminated container "main" in pod "web" not found\n');
  });

  it('a Running server pod without probes settles', () => {
    const c = cluster();
    kubectl(c, 'apply -f n.yaml', { 'n.yaml': podYaml('web', 'nginx:1.27', '') });
    expect(c.runUntilSettled()).toBeLessThan(10);
    expect(pod(c, 'web')?.status?.phase).toBe('Running');
  });
});
