import { describe, expect, it } from 'vitest';
import { buildStorageScene } from './model';
import { computeColumnLayout } from './columns';
import { clusterWith, echoT, mirrorObjects } from './testing';

const CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations: { storageclass.kubernetes.io/is-default-class: "true" }
provisioner: rancher.io/local-path
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
`;
const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec:
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
`;
const POD = `apiVersion: v1
kind: Pod
metadata: { name: app }
spec:
  containers: [{ name: c, image: nginx, volumeMounts: [{ name: d, mountPath: /data }] }]
  volumes: [{ name: d, persistentVolumeClaim: { claimName: data } }]
`;

describe('Storage view model', () => {
  it('a claim with no StorageClass in the cluster waits, and the view says why', () => {
    const scene = buildStorageScene(mirrorObjects(clusterWith(CLAIM)), echoT);
    expect(scene.banners.map((b) => b.id)).toEqual(['storage-no-class']);
    const pvc = scene.items.find((i) => i.kind === 'PersistentVolumeClaim');
    expect(pvc?.phase).toBe('Pending');
    expect(pvc?.data?.reason).toBe('noClassAtAll');
  });

  it('a default WaitForFirstConsumer class: the claim waits for a consumer, then a pod gets it provisioned and bound', () => {
    const waiting = buildStorageScene(mirrorObjects(clusterWith(`${CLASS}---\n${CLAIM}`)), echoT);
    expect(waiting.items.find((i) => i.kind === 'PersistentVolumeClaim')?.data?.reason).toBe('waitConsumer');
    expect(waiting.items.find((i) => i.kind === 'StorageClass')?.data?.default).toBe('true');

    const scene = buildStorageScene(mirrorObjects(clusterWith(`${CLASS}---\n${CLAIM}---\n${POD}`)), echoT);
    const pv = scene.items.find((i) => i.kind === 'PersistentVolume');
    const pvc = scene.items.find((i) => i.kind === 'PersistentVolumeClaim');
    expect(pv?.phase).toBe('Bound');
    expect(pv?.data?.reclaim).toBe('Delete');
    expect(pvc?.phase).toBe('Bound');
    expect(pvc?.note).toBeUndefined();
    expect(scene.items.find((i) => i.kind === 'Pod')?.name).toBe('app');
    const styles = Object.fromEntries(scene.links.map((l) => [l.id.split('|')[0], l.style]));
    expect(styles).toEqual({ sc: 'solid', bind: 'bound', use: 'solid' });
    const layout = computeColumnLayout(scene, 1200);
    // Left to right: class, volume, claim, pod.
    const xs = ['StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod'].map((k) => layout.items.get(scene.items.find((i) => i.kind === k)?.id ?? '')?.x ?? -1);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('a pod naming a claim that does not exist: the claim is drawn missing and the link broken', () => {
    const scene = buildStorageScene(mirrorObjects(clusterWith(POD)), echoT);
    const pvc = scene.items.find((i) => i.kind === 'PersistentVolumeClaim');
    expect(pvc?.missing).toBe(true);
    expect(scene.links.find((l) => l.to.startsWith('Pod/'))?.style).toBe('broken');
  });
});
