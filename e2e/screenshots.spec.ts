import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, openApp, podChip, runInConsole, setEditorText, type Lang } from './helpers';

const SHOTS = 'test-results/screenshots';
const DOCS_SHOT = 'docs/screenshot.png';

const CLUSTER = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    resources:
      requests:
        cpu: 250m
        memory: 128Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: api
  labels:
    app: api
spec:
  containers:
  - name: api
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: cart
  namespace: shop
spec:
  containers:
  - name: cart
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: checkout
  namespace: shop
spec:
  containers:
  - name: checkout
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: redis
  namespace: shop
spec:
  containers:
  - name: redis
    image: redis:7.2
`;

const HUNGRY = `apiVersion: v1
kind: Pod
metadata:
  name: hungry
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    resources:
      requests:
        cpu: "64"
`;

/** Lesson 3 open, five pods running in two namespaces, one stuck Pending, `cart` selected. */
async function populate(page: Page, lang: Lang): Promise<void> {
  // Transitions finish at once, so the picture never catches a chip mid-flight.
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  await openApp(page, lang);
  const version = await page.evaluate(() => window.__ko?.mirror.getState().version ?? 0);
  await page.getByTestId('lesson-panel').locator('[data-lesson="pods"]').getByRole('button').click();
  await expect.poll(() => page.evaluate(() => window.__ko?.mirror.getState().version ?? 0)).toBeGreaterThan(version);

  await setEditorText(page, CLUSTER);
  await page.getByTestId('apply').click();
  await expect(consoleOutput(page)).toContainText('pod/redis created');
  await page.getByRole('button', { name: lang === 'ko' ? '안정화' : 'Settle', exact: true }).click();
  for (const [name, ns] of [['web', 'default'], ['api', 'default'], ['cart', 'shop'], ['checkout', 'shop'], ['redis', 'shop']] as const) {
    await expect(podChip(page, name, ns)).toHaveAttribute('data-phase', 'Running');
  }
  await setEditorText(page, HUNGRY);
  await page.getByTestId('apply').click();
  await page.getByRole('button', { name: lang === 'ko' ? '한 틱' : 'Step', exact: true }).click();
  await expect(podChip(page, 'hungry')).toHaveAttribute('data-phase', 'Pending');
  await setEditorText(page, CLUSTER);

  await runInConsole(page, 'get pods -A -o wide');
  // `cart` (namespace shop): the details panel floats over the right of the graph, and with
  // this seed `cart` sits on the node the panel leaves visible.
  await podChip(page, 'cart', 'shop').click();
  await expect(page.getByTestId('details-panel')).toHaveAttribute('data-selected-name', 'cart');
  await expect(podChip(page, 'cart', 'shop')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('why-timeline')).toBeVisible();
  // Fonts and the last paint of the SVG.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

for (const lang of ['en', 'ko'] as const) {
  test(`screenshot of a populated cluster (${lang}) @screenshots`, async ({ page }) => {
    await populate(page, lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const file = join(SHOTS, `cluster-${lang}.png`);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: file, fullPage: true });
    if (lang === 'en' && process.env.UPDATE_SCREENSHOT === '1') {
      mkdirSync(dirname(DOCS_SHOT), { recursive: true });
      copyFileSync(file, DOCS_SHOT);
    }
  });
}
