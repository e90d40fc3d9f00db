import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, openApp, runInConsole, setEditorText } from './helpers';

const classClaimPod = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-path
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Delete
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: cache
spec:
  storageClassName: local-path
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 512Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: keeper
spec:
  containers:
  - name: web
    image: nginx:1.27
    volumeMounts:
    - name: cache
      mountPath: /data
  volumes:
  - name: cache
    persistentVolumeClaim:
      claimName: cache
`;

const shop = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-path
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Delete
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: shop
spec:
  storageClassName: local-path
  accessModes: [ReadWriteOnce]
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
          mountPath: /usr/share/nginx/html
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: data
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
`;

const lastOut = (page: Page) => consoleOutput(page).locator('pre[data-stream="stdout"]').last();
const lastErr = (page: Page) => consoleOutput(page).locator('pre[data-stream="stderr"]').last();

async function apply(page: Page, yaml: string): Promise<void> {
  await setEditorText(page, yaml);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
}

test('a PVC binds through a StorageClass and the pod keeps its file across a container restart', async ({ page }) => {
  await openApp(page, 'en');
  await apply(page, classClaimPod);
  await expect(consoleOutput(page)).toContainText('pod/keeper created');
  await runInConsole(page, 'settle');
  await runInConsole(page, 'get pvc cache');
  await expect(lastOut(page)).toContainText(/cache\s+Bound\s+pvc-/);
  await runInConsole(page, "exec keeper -- sh -c 'echo hi > /data/f'");
  await runInConsole(page, 'exec keeper -- cat /data/f');
  await expect(lastOut(page)).toHaveText(/^hi\s*$/);
  await runInConsole(page, "exec keeper -- sh -c 'kill 1'");
  await runInConsole(page, 'tick 3');
  await runInConsole(page, 'get pod keeper');
  await expect(lastOut(page)).toContainText(/keeper\s+1\/1\s+Running\s+1 /);
  await runInConsole(page, 'exec keeper -- cat /data/f');
  await expect(lastOut(page)).toHaveText(/^hi\s*$/);
  // The container's own layer did not survive: a file outside the volume is gone.
  await runInConsole(page, 'exec keeper -- cat /tmp/none');
  await expect(lastErr(page)).toContainText('No such file or directory');
});

test('a Secret is only base64: read and decoded in the console', async ({ page }) => {
  await openApp(page, 'en');
  await runInConsole(page, 'create secret generic db --from-literal=password=s3cr3t');
  await expect(consoleOutput(page)).toContainText('secret/db created');
  await runInConsole(page, "get secret db -o jsonpath='{.data.password}'");
  await expect(lastOut(page)).toHaveText(/^czNjcjN0\s*$/);
  await runInConsole(page, 'base64 -d czNjcjN0');
  await expect(lastOut(page)).toHaveText(/^s3cr3t\s*$/);
});

test('RBAC: a ServiceAccount that may read ConfigMaps gets Forbidden on get secrets', async ({ page }) => {
  await openApp(page, 'en');
  await runInConsole(page, 'create serviceaccount reader');
  await runInConsole(page, 'create role configmap-reader --verb=get,list,watch --resource=configmaps');
  await runInConsole(page, 'create rolebinding reader-cm --role=configmap-reader --serviceaccount=default:reader');
  await expect(consoleOutput(page)).toContainText('rolebinding.rbac.authorization.k8s.io/reader-cm created');
  await runInConsole(page, 'auth can-i list configmaps --as=system:serviceaccount:default:reader');
  await expect(lastOut(page)).toHaveText(/^yes\s*$/);
  await runInConsole(page, 'get secrets --as=system:serviceaccount:default:reader');
  await expect(lastErr(page)).toContainText(
    'Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:default:reader" cannot list resource "secrets" in API group "" in the namespace "default"',
  );
});

test('Cleanup view: a claim in use is stuck, then the safe order leaves nothing behind', async ({ page }) => {
  await openApp(page, 'en');
  await apply(page, shop);
  await expect(consoleOutput(page)).toContainText('service/web created');
  await runInConsole(page, 'settle');
  await page.getByRole('tablist', { name: 'Graph views' }).getByRole('tab', { name: 'Cleanup' }).click();
  const view = page.getByTestId('cleanup-view');
  await expect(view).toHaveAttribute('data-namespace', 'shop');
  const levels = view.locator('[data-level]');
  await expect(levels).toHaveCount(5);
  expect(await levels.evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))).toEqual(['application', 'network', 'configuration', 'storage', 'namespace']);
  const claim = view.locator('[data-ref="persistentvolumeclaim/data"]');
  await expect(claim).toHaveAttribute('data-verdict', 'blocked');
  await expect(claim).toContainText('Would get stuck');
  await expect(claim).toContainText('Stays Terminating on kubernetes.io/pvc-protection until pod/web-');
  await expect(view.locator('[data-ref="secret/db"]')).toHaveAttribute('data-verdict', 'breaks');

  // Wrong order: the claim goes Terminating and stays.
  await runInConsole(page, 'delete pvc data -n shop');
  await runInConsole(page, 'tick 3');
  await expect(claim.locator('[data-effect="terminating"]')).toContainText('Already Terminating, waiting for kubernetes.io/pvc-protection');

  // Safe order: application, network, configuration; storage follows by itself; then the namespace.
  await runInConsole(page, 'delete deployment web -n shop');
  await runInConsole(page, 'settle');
  await expect(claim).toHaveCount(0);
  await expect(view.locator('[data-ref="secret/db"]')).toHaveAttribute('data-verdict', 'safe');
  await runInConsole(page, 'delete service web -n shop');
  await runInConsole(page, 'delete secret db -n shop');
  await runInConsole(page, 'settle');
  await expect(view.locator('[data-level="namespace"]')).toBeVisible();
  await expect(view.locator('[data-level]')).toHaveCount(1);
  await runInConsole(page, 'delete namespace shop');
  await runInConsole(page, 'settle');
  await expect(view.getByTestId('cleanup-gone')).toContainText('Namespace shop no longer exists');
  await runInConsole(page, 'get all,pvc,pv,cm,secret -n shop');
  await expect(lastErr(page)).toContainText('No resources found');
  await runInConsole(page, 'get namespace shop');
  await expect(lastErr(page)).toContainText('Error from server (NotFound): namespaces "shop" not found');
});
