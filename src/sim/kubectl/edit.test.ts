import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { runKubectl } from './run';

const DEPLOY = `apiVersion: apps/v1
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
      - name: nginx
        image: nginx:1.27
`;

describe('kubectl edit', () => {
  it('opens the live object as a workspace file whose Apply saves the change, even after status writes', () => {
    const c = createCluster();
    const files: Record<string, string> = { 'web.yaml': DEPLOY };
    const read = (n: string) => files[n];
    expect(runKubectl(c, 'apply -f web.yaml', read).exitCode).toBe(0);
    c.runUntilSettled();
    const r = runKubectl(c, 'edit deployment web', read);
    expect(r.exitCode).toBe(0);
    expect(r.edit?.file).toBe('edit-deployment-web.yaml');
    expect(r.edit?.yaml).toMatch(/^# Please edit the object below/);
    expect(r.edit?.yaml).not.toMatch(/resourceVersion/);
    expect(r.edit?.yaml).toMatch(/replicas: 2/);
    c.tickN(3);
    files['edit-deployment-web.yaml'] = (r.edit?.yaml ?? '').replace('replicas: 2', 'replicas: 4');
    const saved = runKubectl(c, 'apply -f edit-deployment-web.yaml', read);
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toBe('deployment.apps/web configured\n');
    expect(c.store.get<{ spec: { replicas: number } } & import('../objects').KubeObject>('deployments.apps', 'default', 'web')?.spec.replicas).toBe(4);
  });

  it('answers a missing object as kubectl does', () => {
    const r = runKubectl(createCluster(), 'edit deployment nope', () => undefined);
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});
