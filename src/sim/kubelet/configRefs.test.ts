import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { PodObject } from '../scheduler/types';
import { containerEnv, mountedFiles } from './configRefs';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/k8s-website-examples');
const docs = (path: string): KubeObject[] =>
  parseAllDocuments(readFileSync(resolve(CORPUS, path), 'utf8'))
    .map((d) => d.toJS() as KubeObject | null)
    .filter((d): d is KubeObject => !!d);
const apply = (c: Cluster, path: string) => {
  for (const d of docs(path)) {
    const r = c.api.create(d);
    if (!r.ok) throw new Error(r.status.message);
  }
};
const pod = (c: Cluster, name: string) => c.store.get('pods', 'default', name) as PodObject;
const waiting = (c: Cluster, name: string) => pod(c, name).status?.containerStatuses?.[0]?.state?.waiting;
const events = (c: Cluster, name: string) =>
  (c.store.list('events') as (KubeObject & { reason: string; message: string; involvedObject: { name: string } })[])
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);

describe.skipIf(!existsSync(CORPUS))('kubelet: ConfigMaps and Secrets in pods', () => {
  it('a Secret referenced by env waits in CreateContainerConfigError, then starts when the Secret appears', () => {
    const c = createCluster({ seed: 3 });
    apply(c, 'pods/inject/secret-envars-pod.yaml');
    c.runUntilSettled();
    const name = 'secret-envars-test-pod';
    expect(waiting(c, name)).toEqual({ reason: 'CreateContainerConfigError', message: 'secret "test-secret" not found' });
    expect(events(c, name)).toContain('Failed: Error: secret "test-secret" not found');
    apply(c, 'pods/inject/secret.yaml');
    c.runUntilSettled();
    expect(pod(c, name).status?.phase).toBe('Running');
    const env = containerEnv(pod(c, name), pod(c, name).spec?.containers[0] as never, c.store);
    expect(env).toEqual([
      { name: 'SECRET_USERNAME', value: 'my-app' },
      { name: 'SECRET_PASSWORD', value: '39528$vdg7Jb' },
    ]);
  });

  it('a missing key says which key and which ConfigMap', () => {
    const c = createCluster({ seed: 3 });
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'game-demo' }, data: { other: 'x' } });
    apply(c, 'configmap/configure-pod.yaml');
    c.runUntilSettled();
    // The volume's items name keys that are not there either: the mount fails first.
    expect(events(c, 'configmap-demo-pod')).toContain('FailedMount: MountVolume.SetUp failed for volume "config" : configmap references non-existent config key: game.properties');
    expect(waiting(c, 'configmap-demo-pod')?.reason).toBe('ContainerCreating');
    c.api.update({ ...(c.store.get('configmaps', 'default', 'game-demo') as KubeObject), data: { 'game.properties': 'lives=3', 'user-interface.properties': 'color=good' } } as KubeObject);
    c.runUntilSettled();
    expect(waiting(c, 'configmap-demo-pod')).toEqual({ reason: 'CreateContainerConfigError', message: "couldn't find key player_initial_lives in ConfigMap default/game-demo" });
  });

  it('envFrom with a prefix, downward API env and resource fields', () => {
    const c = createCluster({ seed: 3 });
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { mode: 'dev', '1bad': 'x' } });
    c.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'a', image: 'nginx:1.27', envFrom: [{ prefix: 'APP_', configMapRef: { name: 'cfg' } }, { configMapRef: { name: 'cfg' } }], env: [{ name: 'URL', value: 'mode=$(APP_mode)' }] }] },
    });
    apply(c, 'pods/inject/dapi-envars-container.yaml');
    apply(c, 'pods/inject/dapi-envars-pod.yaml');
    c.runUntilSettled();
    const p = pod(c, 'p');
    expect(p.status?.phase).toBe('Running');
    expect(containerEnv(p, p.spec?.containers[0] as never, c.store)).toEqual([
      { name: 'APP_1bad', value: 'x' },
      { name: 'APP_mode', value: 'dev' },
      { name: 'mode', value: 'dev' },
      { name: 'URL', value: 'mode=dev' },
    ]);
    expect(events(c, 'p')).toContain('InvalidEnvironmentVariableNames: Keys [1bad] from the EnvFrom configmap default/cfg were skipped since they are considered invalid environment variable names.');
    const r = pod(c, 'dapi-envars-resourcefieldref');
    expect(containerEnv(r, r.spec?.containers[0] as never, c.store)).toEqual([
      { name: 'MY_CPU_REQUEST', value: '1' },
      { name: 'MY_CPU_LIMIT', value: '1' },
      { name: 'MY_MEM_REQUEST', value: '33554432' },
      { name: 'MY_MEM_LIMIT', value: '67108864' },
    ]);
    const f = pod(c, 'dapi-envars-fieldref');
    const fenv = Object.fromEntries(containerEnv(f, f.spec?.containers[0] as never, c.store).map((e) => [e.name, e.value]));
    expect(fenv.MY_POD_NAME).toBe('dapi-envars-fieldref');
    expect(fenv.MY_NODE_NAME).toBe(f.spec?.nodeName);
    expect(fenv.MY_POD_IP).toBe(f.status?.podIP);
  });

  it('a missing Secret volume keeps the pod ContainerCreating with FailedMount; optional mounts empty', () => {
    const c = createCluster({ seed: 3 });
    apply(c, 'secret/optional-secret.yaml');
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'needs' }, spec: { containers: [{ name: 'a', image: 'nginx:1.27', volumeMounts: [{ name: 'cfg', mountPath: '/etc/config' }] }], volumes: [{ name: 'cfg', configMap: { name: 'x' } }] } });
    c.runUntilSettled();
    expect(pod(c, 'mypod').status?.phase).toBe('Running');
    expect(pod(c, 'needs').status?.phase).toBe('Pending');
    expect(waiting(c, 'needs')?.reason).toBe('ContainerCreating');
    expect(events(c, 'needs')).toContain('FailedMount: MountVolume.SetUp failed for volume "cfg" : configmap "x" not found');
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { 'app.conf': 'debug=true\n' } });
    c.runUntilSettled();
    expect(pod(c, 'needs').status?.phase).toBe('Running');
    expect(mountedFiles(pod(c, 'needs'), pod(c, 'needs').spec?.containers[0] as never, c.store)).toEqual([{ path: '/etc/config/app.conf', content: 'debug=true\n', mode: 420 }]);
  });

  it('secret volume files with items and modes; downwardAPI labels file', () => {
    const c = createCluster({ seed: 3 });
    apply(c, 'pods/inject/secret.yaml');
    apply(c, 'pods/inject/secret-pod.yaml');
    apply(c, 'pods/inject/dapi-volume.yaml');
    c.runUntilSettled();
    const p = pod(c, 'secret-test-pod');
    expect(p.status?.phase).toBe('Running');
    expect(mountedFiles(p, p.spec?.containers[0] as never, c.store)).toEqual([
      { path: '/etc/secret-volume/password', content: '39528$vdg7Jb', mode: 420 },
      { path: '/etc/secret-volume/username', content: 'my-app', mode: 420 },
    ]);
    const d = pod(c, 'kubernetes-downwardapi-volume-example');
    const files = mountedFiles(d, d.spec?.containers[0] as never, c.store);
    expect(files[0]).toEqual({ path: '/etc/podinfo/labels', content: 'cluster="test-cluster1"\nrack="rack-22"\nzone="us-est-coast"', mode: 420 });
  });
});
