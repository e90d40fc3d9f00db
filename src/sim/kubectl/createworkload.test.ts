import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { runKubectl } from './run';
import { containerNameForImage } from './createworkload';

const none = () => undefined;

describe('kubectl create deployment', () => {
  it('labels app=NAME, names the container after the image, and the pods run', () => {
    const c = createCluster({ seed: 3 });
    expect(runKubectl(c, 'create deployment web --image=nginx:1.27 --replicas=2 --port=80', none)).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 });
    const d = c.store.get('deployments.apps', 'default', 'web');
    expect(d?.metadata.labels).toEqual({ app: 'web' });
    expect(d?.spec).toMatchObject({
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
    });
    c.runUntilSettled();
    expect(runKubectl(c, 'get deploy web', none).stdout).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +2\/2 +2 +2 /);
  });

  it('a command after -- and the errors kubectl prints', () => {
    const c = createCluster({ seed: 3 });
    runKubectl(c, 'create deployment sleeper --image=busybox:1.36 -- sleep 3600', none);
    expect(c.store.get('deployments.apps', 'default', 'sleeper')?.spec).toMatchObject({ template: { spec: { containers: [{ name: 'busybox', command: ['sleep', '3600'] }] } } });
    expect(runKubectl(c, 'create deployment x', none)).toEqual({ stdout: '', stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 });
    expect(runKubectl(c, 'create deployment sleeper --image=nginx', none).stderr).toBe('Error from server (AlreadyExists): deployments.apps "sleeper" already exists\n');
    expect(runKubectl(c, 'create deployment a --image=nginx --image=redis -- sleep 1', none).stderr).toBe('error: cannot specify multiple --image options and command\n');
  });

  it('container names drop registry, tag and digest', () => {
    expect(containerNameForImage('registry.k8s.io/e2e-test-images/agnhost:2.39')).toBe('agnhost');
    expect(containerNameForImage('my_repo/my_app@sha256:abc')).toBe('my-app');
  });
});

describe('kubectl create cronjob', () => {
  it('creates a CronJob whose pods restart OnFailure', () => {
    const c = createCluster({ seed: 3 });
    expect(runKubectl(c, `create cronjob hello --image=busybox:1.28 --schedule='*/1 * * * *' -- date`, none).stdout).toBe('cronjob.batch/hello created\n');
    expect(c.store.get('cronjobs.batch', 'default', 'hello')?.spec).toMatchObject({
      schedule: '*/1 * * * *',
      jobTemplate: { metadata: { name: 'hello' }, spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28', command: ['date'] }], restartPolicy: 'OnFailure' } } } },
    });
    expect(runKubectl(c, 'create cronjob x --image=busybox', none).stderr).toBe('error: --schedule must be specified\n');
  });
});

describe('kubectl create token', () => {
  it('prints a JWT for the ServiceAccount with its claims, the same for the same state', () => {
    const c = createCluster({ seed: 3 });
    const r = runKubectl(c, 'create token default', none);
    expect(r.exitCode).toBe(0);
    const parts = r.stdout.trim().split('.');
    expect(parts).toHaveLength(3);
    const payload = JSON.parse(atob((parts[1] as string).replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    expect(payload.sub).toBe('system:serviceaccount:default:default');
    expect((payload.exp as number) - (payload.iat as number)).toBe(3600);
    expect(runKubectl(createCluster({ seed: 3 }), 'create token default', none).stdout).toBe(r.stdout);
    expect(runKubectl(c, 'create token nope', none).stderr).toBe('error: failed to create token: serviceaccounts "nope" not found\n');
  });
});
