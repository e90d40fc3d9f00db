import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster } from '../../cluster';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import type { PVCObject } from './storage';

const CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-path
  annotations: { storageclass.kubernetes.io/is-default-class: "true" }
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer`;

const set = (name: string, replicas: number, retention = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: ${name} }
spec:
  serviceName: ${name}
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
${retention}
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers: [{ name: nginx, image: nginx, volumeMounts: [{ name: www, mountPath: /usr/share/nginx/html }] }]
  volumeClaimTemplates:
  - metadata: { name: www }
    spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }`;

function apply(c: Cluster, yaml: string): void {
  for (const d of parseAllDocuments(yaml)) {
    const res = c.api.create(d.toJS() as KubeObject);
    if (!res.ok) throw new Error(res.status.message);
  }
}

function kind(c: Cluster, apiVersion: string, k: string) {
  const r = c.api.resolve({ apiVersion, kind: k });
  if (!r.ok) throw new Error(k);
  return r.type;
}

const claim = (c: Cluster, name: string) => c.store.get<PVCObject>('persistentvolumeclaims', 'default', name);
const nodeOf = (c: Cluster, pod: string) => (c.store.get('pods', 'default', pod)?.spec as { nodeName?: string } | undefined)?.nodeName;
const phaseOf = (c: Cluster, pod: string) => (c.store.get('pods', 'default', pod)?.status as { phase?: string } | undefined)?.phase;

function scale(c: Cluster, name: string, replicas: number): void {
  const s = c.store.get('statefulsets.apps', 'default', name) as KubeObject;
  expect(c.api.update({ ...s, spec: { ...(s.spec as object), replicas } }).ok).toBe(true);
}

describe('StatefulSet volumeClaimTemplates with storage', () => {
  it('claims bind through the default class and follow their pods', () => {
    const c = createCluster({ seed: 3 });
    apply(c, CLASS);
    apply(c, set('web', 2));
    c.runUntilSettled();
    expect([claim(c, 'www-web-0')?.status?.phase, claim(c, 'www-web-1')?.status?.phase]).toEqual(['Bound', 'Bound']);
    expect([phaseOf(c, 'web-0'), phaseOf(c, 'web-1')]).toEqual(['Running', 'Running']);
    const volume = claim(c, 'www-web-0')?.spec?.volumeName;
    const node = nodeOf(c, 'web-0');
    c.api.delete(kind(c, 'v1', 'Pod'), 'default', 'web-0');
    c.runUntilSettled();
    // The new web-0 mounts the same claim, whose local volume keeps it on the same node.
    expect(phaseOf(c, 'web-0')).toBe('Running');
    expect(nodeOf(c, 'web-0')).toBe(node);
    expect(claim(c, 'www-web-0')?.spec?.volumeName).toBe(volume);
    // Scaling down keeps the claim (whenScaled: Retain by default).
    scale(c, 'web', 1);
    c.runUntilSettled();
    expect(c.store.get('pods', 'default', 'web-1')).toBeUndefined();
    expect(claim(c, 'www-web-1')?.status?.phase).toBe('Bound');
  });

  it('persistentVolumeClaimRetentionPolicy Delete removes claims on scale-down and with the set', () => {
    const c = createCluster({ seed: 3 });
    apply(c, CLASS);
    apply(c, set('db', 2, '  persistentVolumeClaimRetentionPolicy: { whenDeleted: Delete, whenScaled: Delete }'));
    c.runUntilSettled();
    expect(claim(c, 'www-db-1')?.status?.phase).toBe('Bound');
    scale(c, 'db', 1);
    c.runUntilSettled();
    expect(claim(c, 'www-db-1')).toBeUndefined();
    expect(claim(c, 'www-db-0')?.status?.phase).toBe('Bound');
    c.api.delete(kind(c, 'apps/v1', 'StatefulSet'), 'default', 'db');
    c.runUntilSettled();
    expect(claim(c, 'www-db-0')).toBeUndefined();
    // The provisioned volumes had reclaim policy Delete: they are gone too.
    expect(c.store.list('persistentvolumes')).toEqual([]);
  });
});
