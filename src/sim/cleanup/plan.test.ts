import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import { applyManifest, runKubectl } from '../kubectl/index';
import { cleanupPlan, type CleanupItem } from './plan';
import { refName } from './format';

const APP = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: shop-data
spec:
  capacity:
    storage: 1Gi
  accessModes: ["ReadWriteOnce"]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: ""
  hostPath:
    path: /mnt/shop
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: shop
spec:
  storageClassName: ""
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
stringData:
  password: s3cr3t
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  mode: fast
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db
                  key: password
          volumeMounts:
            - name: data
              mountPath: /data
            - name: settings
              mountPath: /etc/settings
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: data
        - name: settings
          configMap:
            name: settings
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`;

function shop(): Cluster {
  const cluster = createCluster({ seed: 5, nodes: 2 });
  const r = applyManifest(cluster, APP, 'shop.yaml');
  expect(r.stderr).toBe('');
  cluster.runUntilSettled();
  return cluster;
}

const planOf = (c: Cluster, ns = 'shop') => cleanupPlan((r) => c.store.list(r), ns);
const item = (items: CleanupItem[], name: string) => items.find((i) => refName(i.ref) === name);
const kubectl = (c: Cluster, line: string) => runKubectl(c, line, () => undefined);

describe('cleanup plan', () => {
  it('lists the namespace in the safe order with what each deletion would do now', () => {
    const c = shop();
    const { items } = planOf(c);
    expect(items.map((i) => `${i.level} ${refName(i.ref)}`)).toEqual([
      'application deployment.apps/web',
      'network ingress.networking.k8s.io/web',
      'network service/web',
      'configuration configmap/settings',
      'configuration secret/db',
      'storage persistentvolumeclaim/data',
      'storage persistentvolume/shop-data',
      'namespace namespace/shop',
    ]);
    const deploy = item(items, 'deployment.apps/web')!;
    expect(deploy.verdict).toBe('safe');
    const cascade = deploy.effects.find((e) => e.type === 'cascade');
    expect(cascade?.type === 'cascade' && cascade.objects.map((o) => o.kind)).toEqual(['ReplicaSet', 'Pod']);
    expect(deploy.uses.map(refName).sort()).toEqual(['configmap/settings', 'persistentvolumeclaim/data', 'secret/db']);

    // The Service fronts the pod; deleting it first leaves the Ingress without a backend.
    const svc = item(items, 'service/web')!;
    expect(svc.uses.map((u) => u.kind)).toEqual(['Pod']);
    expect(svc.effects).toContainEqual(expect.objectContaining({ type: 'breaks', how: 'backend' }));

    const secret = item(items, 'secret/db')!;
    expect(secret.verdict).toBe('breaks');
    expect(secret.effects.map((e) => e.type === 'breaks' && e.how)).toEqual(['env', 'template']);

    const pvc = item(items, 'persistentvolumeclaim/data')!;
    expect(pvc.verdict).toBe('blocked');
    expect(pvc.effects[0]).toMatchObject({ type: 'stuck', finalizer: 'kubernetes.io/pvc-protection' });
    expect(pvc.effects).toContainEqual({ type: 'keepsData', volume: 'shop-data' });
    const pv = item(items, 'persistentvolume/shop-data')!;
    expect(pv.effects[0]).toMatchObject({ type: 'stuck', finalizer: 'kubernetes.io/pv-protection', until: [{ name: 'data' }] });

    const nsItem = item(items, 'namespace/shop')!;
    expect(nsItem.effects[0]?.type).toBe('sweeps');
  });

  it('follows the cluster as things go away: a claim in use stays Terminating, then everything is safe in order', () => {
    const c = shop();
    expect(kubectl(c, 'delete pvc data -n shop').exitCode).toBe(0);
    c.runUntilSettled();
    let pvc = item(planOf(c).items, 'persistentvolumeclaim/data')!;
    expect(pvc.effects[0]).toEqual({ type: 'terminating', finalizers: ['kubernetes.io/pvc-protection'] });
    expect(pvc.verdict).toBe('blocked');

    expect(kubectl(c, 'delete deployment web -n shop').exitCode).toBe(0);
    c.runUntilSettled();
    const { items } = planOf(c);
    expect(item(items, 'persistentvolumeclaim/data')).toBeUndefined();
    // Retain: the volume is Released, with its data, and no longer held by a claim.
    pvc = item(items, 'persistentvolume/shop-data')!;
    expect(pvc.effects).toEqual([{ type: 'keepsData', volume: 'shop-data' }]);
    expect(item(items, 'secret/db')!.verdict).toBe('safe');
    expect(item(items, 'service/web')!.effects).toContainEqual({ type: 'noPods' });
  });

  it('marks Delete volumes as destroying data and bare pods as not recreated', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    applyManifest(c, `apiVersion: v1
kind: PersistentVolume
metadata:
  name: scratch
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Delete
  storageClassName: ""
  hostPath: {path: /mnt/scratch}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: scratch}
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  containers: [{name: c, image: busybox:1.36, command: [sleep, "3600"]}]
`, 'x.yaml');
    c.runUntilSettled();
    const { items } = planOf(c, 'default');
    expect(item(items, 'pod/debug')!.effects).toEqual([{ type: 'notRecreated' }]);
    expect(item(items, 'persistentvolumeclaim/scratch')!.effects).toEqual([{ type: 'destroysData', volume: 'scratch' }]);
    expect(item(items, 'persistentvolumeclaim/scratch')!.verdict).toBe('breaks');
    expect(item(items, 'namespace/default')!.effects).toContainEqual({ type: 'protected' });
  });

  it('prints the plan as a Kube Orchestra command', async () => {
    const c = shop();
    const { runCleanup } = await import('../kubectl/cleanup');
    expect(kubectl(c, 'cleanup plan -n shop').stdout).toBe(runCleanup(c, ['plan', '-n', 'shop']).stdout);
    expect(kubectl(c, 'help').stdout).toContain('cleanup plan [-n NS | -A]');
    const out = runCleanup(c, ['plan', '-n', 'shop']);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('safe order: application -> network -> configuration -> storage -> namespace');
    expect(out.stdout).toContain('STUCK   persistentvolumeclaim/data');
    expect(out.stdout).toContain('stays Terminating on kubernetes.io/pvc-protection until pod/web-');
    expect(out.stdout).toContain('persistentvolume/shop-data has reclaimPolicy Retain: it goes Released and keeps its data');
    expect(runCleanup(c, ['plan', '-n', 'nope']).stderr).toBe('Error from server (NotFound): namespaces "nope" not found\n');
    expect(() => runCleanup(c, ['wat'])).toThrow('usage: cleanup plan');
    expect(runCleanup(c, ['plan', '-A']).stdout).toContain('persistentvolumeclaim/data -n shop');
  });
});
