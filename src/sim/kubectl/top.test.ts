import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { runKubectl } from './run';

const none = () => undefined;

describe('kubectl top', () => {
  it('nodes: kubectl top node columns, the same numbers for the same state', () => {
    const c = createCluster({ seed: 6 });
    runKubectl(c, 'create deployment web --image=nginx --replicas=2', none);
    c.runUntilSettled();
    const out = runKubectl(c, 'top nodes', none).stdout;
    expect(out).toMatch(/^NAME +CPU\(cores\) +CPU\(%\) +MEMORY\(bytes\) +MEMORY\(%\)\ncontrol-plane +\d+m +\d+% +\d+Mi +\d+%\n/);
    const again = createCluster({ seed: 6 });
    runKubectl(again, 'create deployment web --image=nginx --replicas=2', none);
    again.runUntilSettled();
    expect(runKubectl(again, 'top nodes', none).stdout).toBe(out);
  });

  it('pods: running pods only, requests bound usage, --containers and -A', () => {
    const c = createCluster({ seed: 6 });
    runKubectl(c, 'create deployment web --image=nginx --replicas=2', none);
    runKubectl(c, 'set resources deployment web --requests=cpu=200m,memory=128Mi', none);
    c.runUntilSettled();
    const lines = runKubectl(c, 'top pods', none).stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME +CPU\(cores\) +MEMORY\(bytes\)$/);
    expect(lines).toHaveLength(3);
    for (const l of lines.slice(1)) {
      const [, cpu, mem] = l.split(/\s+/);
      expect(Number.parseInt(cpu as string)).toBeLessThanOrEqual(120);
      expect(Number.parseInt(mem as string)).toBeLessThanOrEqual(90);
    }
    expect(runKubectl(c, 'top pods --containers', none).stdout.split('\n')[0]).toMatch(/^POD +NAME +CPU\(cores\) +MEMORY\(bytes\)$/);
    expect(runKubectl(c, 'top pods -A', none).stdout).toContain('kube-system ');
    expect(runKubectl(c, 'top pods -n kube-public', none).stderr).toBe('No resources found in kube-public namespace.\n');
    expect(runKubectl(c, 'top pod nope', none).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
