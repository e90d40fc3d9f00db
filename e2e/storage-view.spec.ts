import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, openApp, runInConsole, setEditorText } from './helpers';

const claimOnly = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

const classAndPod = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: rancher.io/local-path
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: web
    image: nginx:1.25
    volumeMounts:
    - name: data
      mountPath: /usr/share/nginx/html
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
`;

const view = (page: Page) => page.getByTestId('storage-view');
const item = (page: Page, kind: string, name: string, ns = '') => view(page).locator(`[data-kind="${kind}"][data-name="${name}"][data-namespace="${ns}"]`);

async function step(page: Page): Promise<void> {
  await page.evaluate(() => window.__ko?.request({ type: 'tick', count: 1 }));
}

async function stepUntil(page: Page, done: () => Promise<boolean>, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    await step(page);
    await page.waitForTimeout(60);
  }
  expect(await done(), `not reached after ${max} ticks`).toBe(true);
}

async function apply(page: Page, yaml: string): Promise<void> {
  await setEditorText(page, yaml);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
}

test('Storage view: a claim waits with no StorageClass, then binds to a provisioned volume the pod uses', async ({ page }) => {
  await openApp(page, 'en');
  const tabs = page.getByRole('tablist', { name: 'Graph views' });
  await tabs.getByRole('tab', { name: 'Storage' }).click();
  await expect(view(page)).toBeVisible();
  await expect(view(page).getByTestId('storage-no-class')).toContainText('This cluster has no StorageClass: a PVC waits until a matching PV exists or a class is created.');

  await apply(page, claimOnly);
  await expect(consoleOutput(page)).toContainText('persistentvolumeclaim/data created');
  const claim = item(page, 'PersistentVolumeClaim', 'data', 'default');
  await expect(claim).toHaveAttribute('data-phase', 'Pending');
  await stepUntil(page, async () => (await claim.getAttribute('data-reason')) === 'noClassAtAll');
  await expect(claim).toContainText('no PV matches and there is no StorageClass');

  await apply(page, classAndPod);
  await expect(consoleOutput(page)).toContainText('pod/app created');
  await expect(view(page).getByTestId('storage-no-class')).toHaveCount(0);
  await expect(item(page, 'StorageClass', 'standard')).toHaveAttribute('data-default', 'true');
  await stepUntil(page, async () => (await claim.getAttribute('data-phase')) === 'Bound');
  const volumeName = await claim.getAttribute('data-volume');
  expect(volumeName).toMatch(/^pvc-/);
  const pv = item(page, 'PersistentVolume', volumeName as string);
  await expect(pv).toHaveAttribute('data-phase', 'Bound');
  await expect(pv).toHaveAttribute('data-reclaim', 'Delete');
  await expect(pv).toHaveAttribute('data-access-modes', 'RWO');
  await expect(view(page).locator(`[data-link="bind|${volumeName}|default/data"]`)).toHaveAttribute('data-state', 'bound');
  await expect(view(page).locator('[data-link="use|default/data|app"]')).toHaveAttribute('data-state', 'solid');
  await stepUntil(page, async () => (await item(page, 'Pod', 'app', 'default').getAttribute('data-phase')) === 'Running');

  // Selecting the claim opens it in the details pane; the keyboard does the same.
  await claim.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('details-panel')).toHaveAttribute('data-selected-kind', 'PersistentVolumeClaim');
});

test('Config & Secrets view and Secret details: a Secret used as an env var, decoded after the toggle, and how etcd stores it', async ({ page }) => {
  await openApp(page, 'en');
  await runInConsole(page, 'create secret generic db --from-literal=password=s3cr3t');
  await expect(consoleOutput(page)).toContainText('secret/db created');
  await runInConsole(page, 'run app --image=nginx:1.25 --env=MODE=demo');
  await expect(consoleOutput(page)).toContainText('pod/app created');
  await apply(
    page,
    `apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
  - name: c
    image: nginx:1.25
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
    - name: TOKEN
      valueFrom:
        secretKeyRef:
          name: api-token
          key: token
`,
  );
  await expect(consoleOutput(page)).toContainText('pod/reader created');
  const tabs = page.getByRole('tablist', { name: 'Graph views' });
  await tabs.getByRole('tab', { name: 'Config & Secrets' }).click();
  const cfg = page.getByTestId('config-view');
  await expect(cfg.locator('[data-kind="Secret"][data-name="db"][data-namespace="default"]')).toHaveAttribute('data-keys', 'password');
  await expect(cfg.locator('[data-kind="Secret"][data-name="api-token"]')).toHaveAttribute('data-missing', 'true');
  await expect(cfg.locator('[data-link="use|Secret/default/api-token|env→Pod/default/reader"]')).toHaveAttribute('data-state', 'broken');
  await stepUntil(page, async () => (await cfg.locator('[data-kind="Pod"][data-name="reader"]').getAttribute('data-phase')) === 'CreateContainerConfigError');

  await cfg.locator('[data-kind="Secret"][data-name="db"]').click();
  const details = page.getByTestId('secret-data');
  await expect(details.getByTestId('secret-base64')).toHaveText('czNjcjN0');
  await expect(details.getByTestId('secret-decoded')).not.toContainText('s3cr3t');
  await details.getByRole('button', { name: 'Show decoded' }).click();
  await expect(details.getByTestId('secret-decoded')).toHaveText('s3cr3t');
  await expect(details).toContainText('base64 is an encoding, not encryption');
  await expect(details.getByTestId('secret-etcd-state')).toHaveAttribute('data-state', 'plaintext');
  await expect(details.getByTestId('secret-etcd')).toContainText('s3cr3t');

  // Encryption at rest only affects Secrets written afterwards.
  await runInConsole(page, 'cluster encryption-at-rest on');
  await expect(details).toContainText('it stays plaintext until it is written again');
  await runInConsole(page, 'create secret generic api-token --from-literal=token=abc123');
  await expect(consoleOutput(page)).toContainText('secret/api-token created');
  await cfg.locator('[data-kind="Secret"][data-name="api-token"]').click();
  await expect(details.getByTestId('secret-etcd-state')).toHaveAttribute('data-state', 'encrypted');
  await expect(details.getByTestId('secret-etcd')).toContainText('k8s:enc:aescbc:v1:key1:');
  await expect(details.getByTestId('secret-etcd')).not.toContainText('abc123');
});
