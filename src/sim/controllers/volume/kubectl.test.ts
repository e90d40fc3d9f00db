import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { runKubectl } from '../../kubectl';
import { noFiles } from '../../kubectl/testing';

const SETUP = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: nfs
  annotations: { storageclass.kubernetes.io/is-default-class: "true" }
provisioner: nfs.csi.k8s.io
parameters: { server: nfs-server.example.com, share: /exports }
allowVolumeExpansion: true
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: shared }
spec:
  accessModes: [ReadWriteMany]
  resources: { requests: { storage: 2Gi } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: kubernetes.io/hostname, labelSelector: { matchLabels: { app: web } } }] } }
      containers: [{ name: nginx, image: nginx }]
      volumes: [{ name: d, persistentVolumeClaim: { claimName: shared } }]`;

describe('kubectl with storage', () => {
  it('an NFS ReadWriteMany claim serves pods on several nodes; get sc/pv/pvc print kubectl columns', () => {
    const c = createCluster({ seed: 2 });
    for (const d of parseAllDocuments(SETUP)) expect(c.api.create(d.toJS() as KubeObject).ok).toBe(true);
    c.runUntilSettled();
    const pods = c.store.list('pods', { namespace: 'default' });
    expect(pods.map((p) => (p.status as { phase?: string }).phase)).toEqual(['Running', 'Running']);
    expect(new Set(pods.map((p) => (p.spec as { nodeName?: string }).nodeName)).size).toBe(2);
    const sc = runKubectl(c, 'get sc', noFiles).stdout.split('\n');
    expect(sc[0]).toMatch(/^NAME +PROVISIONER +RECLAIMPOLICY +VOLUMEBINDINGMODE +ALLOWVOLUMEEXPANSION +AGE$/);
    expect(sc[1]).toMatch(/^nfs \(default\) +nfs\.csi\.k8s\.io +Delete +Immediate +true +\d+s$/);
    const pvc = runKubectl(c, 'get pvc', noFiles).stdout.split('\n');
    expect(pvc[0]).toMatch(/^NAME +STATUS +VOLUME +CAPACITY +ACCESS MODES +STORAGECLASS +VOLUMEATTRIBUTESCLASS +AGE$/);
    expect(pvc[1]).toMatch(/^shared +Bound +pvc-[0-9a-f-]+ +2Gi +RWX +nfs +<unset> +\d+s$/);
    const pv = runKubectl(c, 'get pv', noFiles).stdout.split('\n');
    expect(pv[0]).toMatch(/^NAME +CAPACITY +ACCESS MODES +RECLAIM POLICY +STATUS +CLAIM +STORAGECLASS +VOLUMEATTRIBUTESCLASS +REASON +AGE$/);
    expect(pv[1]).toMatch(/^pvc-[0-9a-f-]+ +2Gi +RWX +Delete +Bound +default\/shared +nfs +<unset> +\d+s$/);
    const describe = runKubectl(c, 'describe pvc shared', noFiles).stdout;
    expect(describe).toMatch(/Used By: +web-[a-z0-9]+-[a-z0-9]+\n +web-/);
    expect(runKubectl(c, 'describe pv', noFiles).stdout).toMatch(/\n    Type: +CSI \(a Container Storage Interface \(CSI\) volume source\)\n/);
    // Deleting the claim while pods use it: Terminating, still Bound.
    runKubectl(c, 'delete pvc shared --wait=false', noFiles);
    c.runUntilSettled();
    expect(runKubectl(c, 'get pvc', noFiles).stdout.split('\n')[1]).toMatch(/^shared +Terminating +pvc-/);
  });
});
