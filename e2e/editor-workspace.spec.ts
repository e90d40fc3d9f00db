import { expect, test } from '@playwright/test';
import { consoleOutput, getEditorText, openApp, runInConsole, setEditorText } from './helpers';

const TWO_DOCS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: demo
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
          protocol: HTTP
`;

const apiMarkers = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window.__ko?.getEditorMarkers() ?? []).filter((m) => m.owner === 'apiserver'));

test.beforeEach(async ({ page }) => {
  await openApp(page, 'en');
});

test('a Service from the New file menu opens as a tab, applies, and the console reads it by name', async ({ page }) => {
  const tabs = page.getByRole('tablist', { name: 'Workspace files' });
  await expect(tabs.getByRole('tab')).toHaveCount(1);
  await page.getByLabel('New file').selectOption('Service');
  await expect(tabs.getByRole('tab', { name: 'service.yaml' })).toHaveAttribute('aria-selected', 'true');
  expect(await getEditorText(page)).toContain('kind: Service');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.locator('.editor-status[role="status"]')).toHaveAttribute('data-ok', 'true');
  await expect(consoleOutput(page)).toContainText('service/web created');

  // Switch back with the keyboard; the Service file is still readable from the console.
  await tabs.getByRole('tab', { name: 'service.yaml' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.getByRole('tab', { name: 'manifest.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.getByRole('tab', { name: 'manifest.yaml' })).toBeFocused();
  expect(await getEditorText(page)).toContain('kind: Pod');
  await runInConsole(page, 'kubectl apply -f service.yaml');
  await expect(consoleOutput(page)).toContainText('service/web unchanged');

  // Rename with F2, then the workspace survives a reload.
  await tabs.getByRole('tab', { name: 'service.yaml' }).focus();
  await page.keyboard.press('F2');
  const input = page.getByLabel('Rename service.yaml');
  await input.fill('web-svc.yaml');
  await input.press('Enter');
  await expect(tabs.getByRole('tab', { name: 'web-svc.yaml' })).toBeVisible();
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'web-svc.yaml' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'manifest.yaml' })).toBeVisible();
  await page.getByRole('button', { name: 'Close web-svc.yaml' }).click();
  await expect(page.getByRole('tablist', { name: 'Workspace files' }).getByRole('tab')).toHaveCount(1);
});

test('an API error in the second document is marked on its line', async ({ page }) => {
  await setEditorText(page, TWO_DOCS);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.locator('.editor-status[role="status"]')).toHaveAttribute('data-ok', 'false');
  await expect(consoleOutput(page)).toContainText('Unsupported value: "HTTP"');
  const line = TWO_DOCS.split('\n').findIndex((l) => l.includes('protocol: HTTP')) + 1;
  await expect.poll(async () => (await apiMarkers(page)).map((m) => m.startLineNumber)).toContain(line);
  // Schema validation reads the second document as a Deployment too (a typo there is flagged).
  const typo = TWO_DOCS.replace('protocol: HTTP', 'protocol: TCP').replace('  replicas: 2', '  replicaz: 2');
  await setEditorText(page, typo);
  const typoLine = typo.split('\n').findIndex((l) => l.includes('replicaz')) + 1;
  await expect
    .poll(async () => (await page.evaluate(() => window.__ko?.getEditorMarkers() ?? [])).filter((m) => m.owner !== 'apiserver').map((m) => m.startLineNumber), { timeout: 20_000 })
    .toContain(typoLine);
});

test('diff previews the replicas change, and Apply document applies only the document under the cursor', async ({ page }) => {
  const fixed = TWO_DOCS.replace('protocol: HTTP', 'protocol: TCP');
  await setEditorText(page, fixed);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(consoleOutput(page)).toContainText('deployment.apps/web created');

  await setEditorText(page, fixed.replace('replicas: 2', 'replicas: 4').replace('mode: demo', 'mode: live'));
  await page.getByRole('button', { name: 'Diff', exact: true }).click();
  const diff = page.getByTestId('editor-diff');
  await expect(diff).toContainText('-  replicas: 2');
  await expect(diff).toContainText('+  replicas: 4');
  await expect(diff.locator('[data-kind="add"]', { hasText: 'replicas: 4' })).toBeVisible();
  await expect(diff).toContainText('apps.v1.Deployment.default.web');
  await expect(diff).toContainText('v1.ConfigMap.default.settings');

  // Cursor in the first document (the ConfigMap): only it is applied.
  await page.locator('.monaco-editor .view-line').nth(1).click();
  await page.getByRole('button', { name: 'Apply document' }).click();
  await expect(consoleOutput(page)).toContainText('configmap/settings configured');
  await page.getByRole('button', { name: 'Diff', exact: true }).click();
  await expect(diff).toContainText('+  replicas: 4');
  await expect(diff).not.toContainText('v1.ConfigMap.default.settings');
});
