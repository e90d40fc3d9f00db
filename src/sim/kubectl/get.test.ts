import { describe, expect, test } from 'vitest';
import { runKubectl } from './index';
import { at, noFiles, putPod, quietCluster, running } from './testing';

function setup() {
  const c = quietCluster();
  c.store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev', creationTimestamp: at(c, 60), labels: { 'kubernetes.io/metadata.name': 'dev' } }, status: { phase: 'Active' } });
  putPod(c, 'web', running(c, '10.244.1.2'), { node: 'worker-1', labels: { app: 'web' } });
  putPod(c, 'pending', { phase: 'Pending' }, { createdAt: 100 });
  putPod(c, 'creating', { phase: 'Pending', containerStatuses: [{ name: 'web', image: 'nginx:1.27', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }, { node: 'worker-2', createdAt: 120 });
  putPod(c, 'crash', { phase: 'Running', containerStatuses: [{ name: 'web', image: 'nginx:1.27', imageID: '', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(c, 110) } } }] }, { node: 'worker-1', namespace: 'dev' });
  putPod(c, 'done', { phase: 'Succeeded', containerStatuses: [{ name: 'web', image: 'nginx:1.27', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, { node: 'worker-2', createdAt: 30 });
  putPod(c, 'going', running(c, '10.244.2.9'), { node: 'worker-2', deleting: true });
  putPod(c, 'badimage', { phase: 'Pending', containerStatuses: [{ name: 'web', image: 'nginx:nope', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull', message: 'failed to pull' } } }] }, { node: 'worker-1', createdAt: 125 });
  c.clock.tick = 130;
  return c;
}

const run = (c: ReturnType<typeof quietCluster>, line: string) => runKubectl(c, line, noFiles);

describe('kubectl get', () => {
  test('pods: kubectl columns and STATUS from container states', () => {
    const r = run(setup(), 'get pods');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        'NAME       READY   STATUS              RESTARTS   AGE',
        'badimage   0/1     ErrImagePull        0          5s',
        'creating   0/1     ContainerCreating   0          10s',
        'done       0/1     Completed           0          100s',
        'going      1/1     Terminating         0          2m10s',
        'pending    0/1     Pending             0          30s',
        'web        1/1     Running             0          2m10s',
        '',
      ].join('\n'),
    );
  });

  test('-A adds NAMESPACE; restarts show when the last one was', () => {
    const r = run(setup(), 'get pods -A -l app!=web,k8s-app!=kube-dns,k8s-app!=kube-proxy,app!=flannel,tier!=control-plane');
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'NAMESPACE   NAME       READY   STATUS              RESTARTS      AGE',
      'default     badimage   0/1     ErrImagePull        0             5s',
      'default     creating   0/1     ContainerCreating   0             10s',
    ]);
    expect(r.stdout).toContain('dev         crash      0/1     CrashLoopBackOff    4 (20s ago)   2m10s');
  });

  test('-o wide, label selector and --show-labels', () => {
    const r = run(setup(), 'get pods -l app=web -o wide --show-labels');
    expect(r.stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE     IP           NODE       NOMINATED NODE   READINESS GATES   LABELS\n' +
        'web    1/1     Running   0          2m10s   10.244.1.2   worker-1   <none>           <none>            app=web\n',
    );
  });

  test('-L adds one column per label key (the last path segment, in capitals), before LABELS', () => {
    const c = setup();
    const r = run(c, 'get pods web pending -L app -L app.kubernetes.io/name --show-labels');
    expect(r.stdout.split('\n')[0]).toMatch(/AGE\s+APP\s+NAME\s+LABELS$/);
    expect(r.stdout.split('\n')[1]).toMatch(/^web\s+.*\s+web\s+app=web$/);
    expect(run(c, 'get pods web -L app,tier').stdout.split('\n')[0]).toMatch(/AGE\s+APP\s+TIER$/);
  });

  test('nodes, wide', () => {
    const c = setup();
    expect(run(c, 'get nodes').stdout).toBe(
      'NAME            STATUS   ROLES           AGE     VERSION\n' +
        'control-plane   Ready    control-plane   2m10s   v1.34.1\n' +
        'worker-1        Ready    <none>          2m10s   v1.34.1\n' +
        'worker-2        Ready    <none>          2m10s   v1.34.1\n',
    );
    expect(run(c, 'get no worker-1 -o wide').stdout).toBe(
      'NAME       STATUS   ROLES    AGE     VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME\n' +
        'worker-1   Ready    <none>   2m10s   v1.34.1   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-generic    containerd://2.1.4\n',
    );
  });

  test('jobs, wide: the template columns workloads share', () => {
    const c = setup();
    c.store.create('jobs.batch', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', namespace: 'default', creationTimestamp: at(c, 100) },
      spec: {
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'a1b2' } },
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl'] }] } },
      },
      status: { active: 1, startTime: at(c, 100) },
    });
    expect(run(c, 'get jobs -o wide').stdout).toBe(
      'NAME   STATUS    COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES        SELECTOR\n' +
        'pi     Running   0/1           30s        30s   pi           perl:5.34.0   batch.kubernetes.io/controller-uid=a1b2\n',
    );
  });

  test('namespaces', () => {
    expect(run(setup(), 'get namespaces').stdout).toBe(
      'NAME              STATUS   AGE\n' +
        'default           Active   2m10s\n' +
        'dev               Active   70s\n' +
        'kube-flannel      Active   2m10s\n' +
        'kube-node-lease   Active   2m10s\n' +
        'kube-public       Active   2m10s\n' +
        'kube-system       Active   2m10s\n',
    );
  });

  test('events sorted by last timestamp, repeats folded', () => {
    const c = setup();
    const pod = c.store.get('pods', 'default', 'web');
    if (!pod) throw new Error('no pod');
    c.clock.tick = 10;
    c.events.record(pod, 'Normal', 'Pulled', 'Container image "nginx:1.27" already present on machine', { component: 'kubelet', host: 'worker-1' });
    c.clock.tick = 5;
    c.events.record(pod, 'Normal', 'Scheduled', 'Successfully assigned default/web to worker-1', { component: 'default-scheduler' });
    c.clock.tick = 20;
    c.events.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container web in pod web_default(uid-web)', { component: 'kubelet', host: 'worker-1' });
    c.clock.tick = 40;
    c.events.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container web in pod web_default(uid-web)', { component: 'kubelet', host: 'worker-1' });
    c.clock.tick = 130;
    expect(run(c, 'get events').stdout).toBe(
      'LAST SEEN            TYPE      REASON      OBJECT    MESSAGE\n' +
        '2m5s                 Normal    Scheduled   pod/web   Successfully assigned default/web to worker-1\n' +
        '2m                   Normal    Pulled      pod/web   Container image "nginx:1.27" already present on machine\n' +
        '90s (x2 over 110s)   Warning   BackOff     pod/web   Back-off restarting failed container web in pod web_default(uid-web)\n',
    );
  });

  test('-o name, and json/yaml lists', () => {
    const c = setup();
    expect(run(c, 'get pods -n dev -o name').stdout).toBe('pod/crash\n');
    const list = JSON.parse(run(c, 'get pods -n dev -o json').stdout) as { apiVersion: string; kind: string; items: unknown[]; metadata: unknown };
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
    expect(list.items).toHaveLength(1);
    const yaml = run(c, 'get pod crash -n dev -o yaml').stdout;
    expect(yaml.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2026-01-01T09:00:00Z"\n')).toBe(true);
    expect(yaml).toContain('spec:\n  containers:\n  - image: nginx:1.27\n');
    expect(run(c, 'get pods -n dev -o yaml').stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Pod\n/);
    expect(run(c, "get pod web -o jsonpath='{.status.podIP}'").stdout).toBe('10.244.1.2');
  });

  test('empty lists, missing objects, unknown and unsimulated types', () => {
    const c = setup();
    expect(run(c, 'get pods -n kube-public')).toEqual({ stdout: '', stderr: 'No resources found in kube-public namespace.\n', exitCode: 0 });
    expect(run(c, 'get pod nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(run(c, 'get foo')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
    const d = run(c, 'get horizontalpodautoscalers');
    expect(d.exitCode).toBe(1);
    expect(d.stderr).toContain('not simulate');
    expect(run(c, 'get pods -w').stderr).toMatch(/^error: --watch is not supported/);
    expect(run(c, 'frobnicate').stderr).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });

  test('get all prefixes names with their kind', () => {
    const r = run(setup(), 'kubectl get all -n dev');
    expect(r.stdout).toBe('NAME        READY   STATUS             RESTARTS      AGE\npod/crash   0/1     CrashLoopBackOff   4 (20s ago)   2m10s\n');
  });
});
