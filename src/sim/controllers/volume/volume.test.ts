import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster } from '../../cluster';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import type { PVCObject, PVObject } from './storage';
import { ANN_SELECTED_NODE, PVC_PROTECTION, PV_PROTECTION } from './storage';
import { MSG_NO_CLASS } from './binder';

function apply(c: Cluster, yaml: string): void {
  for (const d of parseAllDocuments(yaml)) {
    const obj = d.toJS() as KubeObject;
    const res = c.api.create(obj);
    if (!res.ok) throw new Error(res.status.message);
  }
}

const pv = (name: string, size: string, extra = '') => `
apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
  labels: { size: "${size}" }
spec:
  capacity: { storage: ${size} }
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  hostPath: { path: /mnt/${name} }
${extra}`;

const pvc = (name: string, size: string, extra = '  storageClassName: manual') => `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ${name} }
spec:
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: ${size} } }
${extra}`;

const pod = (name: string, claim: string) => `
apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  containers: [{ name: app, image: nginx }]
  volumes: [{ name: d, persistentVolumeClaim: { claimName: ${claim} } }]`;

const LOCAL_CLASS = `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-path
  annotations: { storageclass.kubernetes.io/is-default-class: "true" }
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true`;

function typeOf(c: Cluster, kind: string) {
  const r = c.api.resolve({ apiVersion: 'v1', kind });
  if (!r.ok) throw new Error(kind);
  return r.type;
}

const getPVC = (c: Cluster, name: string) => c.store.get<PVCObject>('persistentvolumeclaims', 'default', name);
const getPV = (c: Cluster, name: string) => c.store.get<PVObject>('persistentvolumes', undefined, name);
const events = (c: Cluster, name: string) =>
  c.store
    .list<Event & KubeObject>('events', { namespace: 'default' })
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);

describe('PersistentVolume controller', () => {
  it('binds a claim to the smallest Available volume that fits, volume first, then the claim', () => {
    const c = createCluster({ seed: 1 });
    apply(c, [pv('big', '20Gi'), pv('small', '5Gi'), pv('tiny', '1Gi')].join('---'));
    apply(c, pvc('claim', '3Gi'));
    c.tickN(1);
    expect(getPV(c, 'small')?.status?.phase).toBe('Bound');
    expect(getPVC(c, 'claim')?.status?.phase).toBe('Pending');
    c.runUntilSettled();
    const claim = getPVC(c, 'claim') as PVCObject;
    expect(claim.spec?.volumeName).toBe('small');
    expect(claim.status).toMatchObject({ phase: 'Bound', capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'] });
    expect(claim.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(getPV(c, 'small')?.spec?.claimRef).toMatchObject({ name: 'claim', namespace: 'default', uid: claim.metadata.uid });
    expect(getPV(c, 'big')?.status?.phase).toBe('Available');
    expect(claim.metadata.finalizers).toEqual([PVC_PROTECTION]);
    expect(getPV(c, 'big')?.metadata.finalizers).toEqual([PV_PROTECTION]);
  });

  it('honours access modes, selectors and class "" (only class-less volumes)', () => {
    const c = createCluster({ seed: 1 });
    apply(c, [pv('rwo', '5Gi'), pv('nocls', '5Gi').replace('  storageClassName: manual\n', '')].join('---'));
    apply(c, pvc('rwx', '1Gi', '  storageClassName: manual\n  accessModes: [ReadWriteMany]').replace('  accessModes: [ReadWriteOnce]\n', ''));
    apply(c, pvc('empty', '1Gi', '  storageClassName: ""'));
    apply(c, pvc('picky', '1Gi', '  storageClassName: manual\n  selector: { matchLabels: { size: 9Gi } }'));
    c.runUntilSettled();
    expect(getPVC(c, 'rwx')?.status?.phase).toBe('Pending');
    expect(getPVC(c, 'empty')?.spec?.volumeName).toBe('nocls');
    expect(getPVC(c, 'picky')?.status?.phase).toBe('Pending');
    expect(getPV(c, 'rwo')?.status?.phase).toBe('Available');
  });

  it('a fresh cluster has no StorageClass: a claim without a volume waits with the real event', () => {
    const c = createCluster({ seed: 1 });
    apply(c, pvc('lonely', '1Gi', ''));
    c.runUntilSettled();
    expect(getPVC(c, 'lonely')?.spec?.storageClassName).toBeUndefined();
    expect(events(c, 'lonely')).toContain(`FailedBinding: ${MSG_NO_CLASS}`);
    apply(c, pod('user', 'lonely'));
    c.runUntilSettled();
    const cond = (c.store.get('pods', 'default', 'user')?.status as { conditions?: { message?: string }[] }).conditions?.[0];
    expect(cond?.message).toBe('0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
  });

  it('the default class is set at creation, and retroactively on claims that named none', () => {
    const c = createCluster({ seed: 1 });
    apply(c, pvc('early', '1Gi', ''));
    c.runUntilSettled();
    apply(c, LOCAL_CLASS);
    apply(c, pvc('late', '1Gi', ''));
    expect(getPVC(c, 'late')?.spec?.storageClassName).toBe('local-path');
    c.runUntilSettled();
    expect(getPVC(c, 'early')?.spec?.storageClassName).toBe('local-path');
    expect(events(c, 'early')).toContain('WaitForFirstConsumer: waiting for first consumer to be created before binding');
  });

  it('WaitForFirstConsumer: the scheduler picks a node, the provisioner makes a node-bound volume there, then the pod binds', () => {
    const c = createCluster({ seed: 1 });
    apply(c, LOCAL_CLASS);
    apply(c, pvc('data', '1Gi', ''));
    apply(c, pod('app', 'data'));
    c.runUntilSettled();
    const claim = getPVC(c, 'data') as PVCObject;
    const node = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    const app = c.store.get('pods', 'default', 'app') as { spec: { nodeName?: string }; status: { phase: string } };
    expect(app.spec.nodeName).toBe(node);
    expect(app.status.phase).toBe('Running');
    const vol = getPV(c, claim.spec?.volumeName ?? '') as PVObject;
    expect(vol.metadata.name).toBe(`pvc-${claim.metadata.uid}`);
    expect(vol.spec?.persistentVolumeReclaimPolicy).toBe('Delete');
    expect(vol.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]?.values).toEqual([node]);
    // The pod comes back on the same node: its volume lives there.
    c.api.delete(typeOf(c, 'Pod'), 'default', 'app', { gracePeriodSeconds: 0 });
    c.runUntilSettled();
    apply(c, pod('again', 'data'));
    c.runUntilSettled();
    expect((c.store.get('pods', 'default', 'again')?.spec as { nodeName?: string }).nodeName).toBe(node);
  });

  it('a cloud disk cannot be ReadWriteMany: provisioning fails with an event', () => {
    const c = createCluster({ seed: 1 });
    apply(c, 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: ebs }\nprovisioner: ebs.csi.aws.com');
    apply(c, pvc('shared', '1Gi', '  storageClassName: ebs\n  accessModes: [ReadWriteMany]').replace('  accessModes: [ReadWriteOnce]\n', ''));
    c.runUntilSettled();
    expect(getPVC(c, 'shared')?.status?.phase).toBe('Pending');
    expect(events(c, 'shared').some((e) => e.startsWith('ProvisioningFailed: failed to provision volume with StorageClass "ebs": rpc error: code = InvalidArgument'))).toBe(true);
  });

  it('Retain keeps a Released volume until claimRef is cleared; Delete removes a provisioned one', () => {
    const c = createCluster({ seed: 1 });
    const pvType = c.api.resolve({ apiVersion: 'v1', kind: 'PersistentVolume' });
    const pvcType = c.api.resolve({ apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
    if (!pvType.ok || !pvcType.ok) throw new Error('types');
    apply(c, pv('keep', '5Gi'));
    apply(c, pvc('claim', '1Gi'));
    apply(c, 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: nfs }\nprovisioner: nfs.csi.k8s.io\nparameters: { server: nfs.example.com, share: /exports }');
    apply(c, pvc('shared', '1Gi', '  storageClassName: nfs\n  accessModes: [ReadWriteMany]').replace('  accessModes: [ReadWriteOnce]\n', ''));
    c.runUntilSettled();
    const provisioned = getPVC(c, 'shared')?.spec?.volumeName as string;
    expect(getPV(c, provisioned)?.spec?.csi?.driver).toBe('nfs.csi.k8s.io');
    c.api.delete(pvcType.type, 'default', 'claim');
    c.api.delete(pvcType.type, 'default', 'shared');
    c.runUntilSettled();
    expect(getPV(c, 'keep')?.status?.phase).toBe('Released');
    expect(getPV(c, provisioned)).toBeUndefined();
    apply(c, pvc('next', '1Gi'));
    c.runUntilSettled();
    expect(getPVC(c, 'next')?.status?.phase).toBe('Pending');
    const keep = getPV(c, 'keep') as PVObject;
    const spec = { ...keep.spec };
    delete spec.claimRef;
    expect(c.api.update({ ...keep, spec }).ok).toBe(true);
    c.runUntilSettled();
    expect(getPVC(c, 'next')?.spec?.volumeName).toBe('keep');
  });

  it('protection: a claim in use stays Terminating and Bound until its pod is gone; a bound volume until its claim is gone', () => {
    const c = createCluster({ seed: 1 });
    const t = (kind: string) => {
      const r = c.api.resolve({ apiVersion: 'v1', kind });
      if (!r.ok) throw new Error(kind);
      return r.type;
    };
    apply(c, pv('vol', '5Gi'));
    apply(c, pvc('claim', '1Gi'));
    apply(c, pod('user', 'claim'));
    c.runUntilSettled();
    c.api.delete(t('PersistentVolume'), undefined, 'vol');
    c.api.delete(t('PersistentVolumeClaim'), 'default', 'claim');
    c.runUntilSettled();
    expect(getPVC(c, 'claim')?.metadata.deletionTimestamp).toBeDefined();
    expect(getPVC(c, 'claim')?.status?.phase).toBe('Bound');
    expect(getPV(c, 'vol')?.metadata.deletionTimestamp).toBeDefined();
    c.api.delete(t('Pod'), 'default', 'user');
    c.runUntilSettled();
    expect(getPVC(c, 'claim')).toBeUndefined();
    expect(getPV(c, 'vol')).toBeUndefined();
  });

  it('expansion: allowed by the class it grows in two hops; otherwise the real Forbidden message', () => {
    const c = createCluster({ seed: 1 });
    apply(c, LOCAL_CLASS);
    apply(c, pvc('grow', '1Gi', ''));
    apply(c, pod('app', 'grow'));
    apply(c, pv('static', '5Gi'));
    apply(c, pvc('fixed', '1Gi'));
    c.runUntilSettled();
    const grow = getPVC(c, 'grow') as PVCObject;
    expect(c.api.update({ ...grow, spec: { ...grow.spec, resources: { requests: { storage: '2Gi' } } } }).ok).toBe(true);
    c.runUntilSettled();
    expect(getPVC(c, 'grow')?.status?.capacity?.storage).toBe('2Gi');
    expect(getPV(c, grow.spec?.volumeName ?? '')?.spec?.capacity?.storage).toBe('2Gi');
    const fixed = getPVC(c, 'fixed') as PVCObject;
    const res = c.api.update({ ...fixed, spec: { ...fixed.spec, resources: { requests: { storage: '2Gi' } } } });
    expect(res.ok ? '' : res.status.message).toBe(
      'persistentvolumeclaims "fixed" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
    const other = c.api.update({ ...fixed, spec: { ...fixed.spec, accessModes: ['ReadWriteMany'] } });
    expect(other.ok ? '' : other.status.message).toBe(
      'PersistentVolumeClaim "fixed" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
  });
});

describe('storage validation', () => {
  it('answers with kube-apiserver messages', () => {
    const c = createCluster({ seed: 1 });
    const msg = (yaml: string) => {
      const res = c.api.create(parseAllDocuments(yaml)[0]?.toJS() as KubeObject);
      return res.ok ? 'ok' : res.status.message;
    };
    expect(msg('apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: a }\nspec: { capacity: { storage: 1Gi }, accessModes: [ReadWriteOnce] }')).toBe(
      'PersistentVolume "a" is invalid: spec: Required value: must specify a volume type',
    );
    expect(msg('apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: b }\nspec: { capacity: { storage: 1Gi }, accessModes: [ReadWriteOnce], local: { path: /d } }')).toBe(
      'PersistentVolume "b" is invalid: spec.nodeAffinity: Required value: Local volume requires node affinity',
    );
    expect(msg('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: s }\nprovisioner: x.io/y\nreclaimPolicy: Recycle')).toBe(
      'StorageClass.storage.k8s.io "s" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
    );
    expect(msg('apiVersion: storage.k8s.io/v1beta1\nkind: StorageClass\nmetadata: { name: t }\nprovisioner: x.io/y')).toMatch(/no matches for kind "StorageClass" in version "storage.k8s.io\/v1beta1"/);
    const sc = c.store.get('storageclasses.storage.k8s.io', undefined, 's');
    expect(sc).toBeUndefined();
    msg('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: u }\nprovisioner: x.io/y\nparameters: { a: "1" }');
    const u = c.store.get('storageclasses.storage.k8s.io', undefined, 'u') as KubeObject;
    const res = c.api.update({ ...u, parameters: { a: '2' } } as KubeObject);
    expect(res.ok ? '' : res.status.message).toBe('StorageClass.storage.k8s.io "u" is invalid: parameters: Forbidden: updates to parameters are forbidden.');
  });
});
