import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { applyManifest } from './apply';
import { diffManifest } from './diff';
import { runKubectl } from './run';

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

describe('kubectl diff', () => {
  it('shows the replicas line that would change and leaves the cluster alone', () => {
    const c = createCluster({ seed: 1 });
    expect(applyManifest(c, deployment(2), 'web.yaml').exitCode).toBe(0);
    c.runUntilSettled();
    const before = JSON.stringify(c.exportState());
    const res = diffManifest(c, deployment(5), 'web.yaml');
    expect(res.exitCode).toBe(1);
    expect(res.stdout).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\n--- /);
    expect(res.stdout).toContain('\n-  replicas: 2\n+  replicas: 5\n');
    expect(res.stdout).toMatch(/\n-  generation: 1\n\+  generation: 2\n/);
    expect(JSON.stringify(c.exportState())).toBe(before);
    // Same state, same text: the same output (no random temp names).
    expect(diffManifest(c, deployment(5), 'web.yaml').stdout).toBe(res.stdout);
  });

  it('prints nothing and exits 0 when nothing would change', () => {
    const c = createCluster({ seed: 1 });
    applyManifest(c, deployment(2), 'web.yaml');
    expect(diffManifest(c, deployment(2), 'web.yaml')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('shows a new object as all additions and masks Secret values', () => {
    const c = createCluster({ seed: 1 });
    const res = diffManifest(c, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: cGFzcw==\n', 's.yaml');
    expect(res.stdout).toContain('--- /tmp/LIVE-');
    expect(res.stdout).toContain('1970-01-01 00:00:00.000000000 +0000');
    expect(res.stdout).toContain('+  password: "*** (after)"');
    // Only the data is masked: kubectl leaves the last-applied annotation as it is.
    expect(res.stdout).not.toContain('password: cGFzcw==');
  });

  it('reports an invalid manifest as apply would, with no diff', () => {
    const c = createCluster({ seed: 1 });
    const res = diffManifest(c, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: x\n    imagee: nginx\n', 'p.yaml');
    expect(res.exitCode).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('unknown field "spec.containers[0].imagee"');
  });

  it('is a kubectl command reading workspace files', () => {
    const c = createCluster({ seed: 1 });
    const res = runKubectl(c, 'diff -f web.yaml', (n) => (n === 'web.yaml' ? deployment(1) : undefined));
    expect(res.stdout).toContain('+  replicas: 1');
  });
});
