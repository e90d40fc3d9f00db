import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, getEditorText, mirrorPodKeys, openApp, podChip, setEditorText } from './helpers';

const TYPO = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    imagee: nginx:1.27
`;

const BAD_INDENT = `apiVersion: v1
kind: Pod
metadata:
  name: web
 spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

const OLD_DEPLOYMENT = `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const IN_DEV = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: dev
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

/** Sets the text, applies it with the button, and returns the console's error lines. */
async function applyAndReadErrors(page: Page, yaml: string): Promise<string> {
  await setEditorText(page, yaml);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const status = page.locator('.editor-status[role="status"]');
  await expect(status).toHaveAttribute('data-ok', 'false');
  const errors = consoleOutput(page).locator('pre[data-stream="stderr"]');
  await expect(errors).not.toHaveCount(0);
  return (await errors.allTextContents()).join('\n');
}

/** Nothing was stored and nothing is drawn: the API server's answer is all or nothing. */
async function expectNothingCreated(page: Page, podsBefore: string[]): Promise<void> {
  expect(await mirrorPodKeys(page)).toEqual(podsBefore);
  await expect(page.locator('[data-kind="Pod"]:not(.ko-system)')).toHaveCount(0);
}

test.beforeEach(async ({ page }) => {
  await openApp(page, 'en');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
});

test('an unknown field is rejected by strict decoding and marked on its line', async ({ page }) => {
  const podsBefore = await mirrorPodKeys(page);
  const errors = await applyAndReadErrors(page, TYPO);
  expect(errors).toContain('strict decoding error: unknown field "spec.containers[0].imagee"');
  await expect(page.locator('.editor-status[role="status"]')).toContainText('Rejected');

  // The API server's marker sits on the `imagee:` line (line 8), and the text is untouched.
  const markers = await page.evaluate(() => window.__ko?.getEditorMarkers() ?? []);
  const api = markers.filter((m) => m.owner === 'apiserver');
  expect(api.length).toBeGreaterThan(0);
  const imageeLine = TYPO.split('\n').findIndex((l) => l.includes('imagee:')) + 1;
  expect(api.map((m) => m.startLineNumber)).toContain(imageeLine);
  expect(api.find((m) => m.startLineNumber === imageeLine)?.message).toContain('imagee');
  // Monaco draws it as a squiggle in the editor too.
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  expect(await getEditorText(page)).toBe(TYPO);

  await expectNothingCreated(page, podsBefore);
  expect(podsBefore.some((k) => k.endsWith('/web'))).toBe(false);
  await expect(podChip(page, 'web')).toHaveCount(0);
});

test('invalid YAML is reported with its line and changes nothing', async ({ page }) => {
  const podsBefore = await mirrorPodKeys(page);
  const tickBefore = await page.getByTestId('tick').textContent();
  const errors = await applyAndReadErrors(page, BAD_INDENT);
  expect(errors).toMatch(/error converting YAML to JSON|yaml: line \d+/);
  expect(errors).toMatch(/line 5\b/);
  expect(await getEditorText(page)).toBe(BAD_INDENT);
  await expectNothingCreated(page, podsBefore);
  await expect(page.getByTestId('tick')).toHaveText(tickBefore ?? '');
});

test('a removed API version is unknown to the API server', async ({ page }) => {
  const errors = await applyAndReadErrors(page, OLD_DEPLOYMENT);
  expect(errors).toContain('no matches for kind "Deployment" in version "extensions/v1beta1"');
  // kube-system's CoreDNS Deployment is the cluster's own; the learner's namespace has none.
  const deployments = await page.evaluate(() => [...(window.__ko?.mirror.getState().objects['deployments.apps']?.keys() ?? [])].filter((k) => k.startsWith('default/')).length);
  expect(deployments).toBe(0);
  expect(await getEditorText(page)).toBe(OLD_DEPLOYMENT);
});

test('a pod in a namespace that does not exist is refused', async ({ page }) => {
  const podsBefore = await mirrorPodKeys(page);
  const errors = await applyAndReadErrors(page, IN_DEV);
  expect(errors).toContain('namespaces "dev" not found');
  await expectNothingCreated(page, podsBefore);
  await expect(page.locator('[data-kind="Namespace"][data-name="dev"]')).toHaveCount(0);
});
