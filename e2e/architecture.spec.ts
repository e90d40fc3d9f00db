import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, openApp, setEditorText } from './helpers';

const WEB = `apiVersion: apps/v1
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
        image: nginx:1.25
`;

const view = (page: Page) => page.getByTestId('architecture-view');
const current = (page: Page) => view(page).getByTestId('architecture-current');
const component = (page: Page, name: string) => view(page).locator(`.ko-arch-component[data-component="${name}"]`);

async function tick(page: Page): Promise<void> {
  await page.evaluate(() => window.__ko?.request({ type: 'tick', count: 1 }));
}

test('apply a Deployment and step through the messages it really caused, then select an object from a message', async ({ page }) => {
  await openApp(page, 'en');
  const tabs = page.getByRole('tablist', { name: 'Graph views' });
  await tabs.getByRole('tab', { name: 'Architecture' }).click();
  await expect(view(page)).toBeVisible();
  await expect(component(page, 'kube-apiserver')).toHaveCount(1);
  await expect(component(page, 'etcd')).toHaveCount(1);
  await expect(view(page).locator('.ko-arch-component[data-component="kubelet"][data-node="worker-1"]')).toHaveCount(1);

  await setEditorText(page, WEB);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(consoleOutput(page)).toContainText('deployment.apps/web created');

  // The apply: kubectl -> kube-apiserver first, then etcd, then the watch to kube-controller-manager.
  await expect(current(page)).toHaveAttribute('data-from', 'kubectl');
  await expect(current(page)).toHaveAttribute('data-to', 'kube-apiserver');
  await expect(current(page)).toContainText('POST /apis/apps/v1/namespaces/default/deployments');
  await expect(component(page, 'kubectl')).toHaveAttribute('data-active', 'from');
  await expect(component(page, 'kube-apiserver')).toHaveAttribute('data-active', 'to');
  const items = view(page).locator('.ko-arch-item');
  await expect(items.first()).toHaveAttribute('data-from', 'kubectl');
  await expect(items.nth(1)).toHaveAttribute('data-message-kind', 'etcd');

  await view(page).getByRole('button', { name: 'Next message' }).click();
  await expect(current(page)).toHaveAttribute('data-message-kind', 'etcd');
  await expect(current(page)).toContainText('/registry/deployments/default/web');
  await expect(component(page, 'etcd')).toHaveAttribute('data-active', 'to');
  await expect(view(page).locator('line.ko-arch-msg[data-message-kind="etcd"]')).toHaveCount(1);

  // The keyboard steps too.
  await view(page).getByRole('button', { name: 'Next message' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(current(page)).toHaveAttribute('data-message-kind', 'watch');
  await expect(component(page, 'kube-controller-manager')).toHaveAttribute('data-active', 'to');
  await expect(current(page)).toContainText('deployment-controller');
  await page.keyboard.press('ArrowLeft');
  await expect(current(page)).toHaveAttribute('data-message-kind', 'etcd');

  // Tick 1: kube-controller-manager writes the ReplicaSet.
  await tick(page);
  await expect(current(page)).toHaveAttribute('data-from', 'kube-controller-manager');
  await expect(current(page)).toContainText('deployment-controller sends POST /apis/apps/v1/namespaces/default/replicasets');
  // The record behind it, in words.
  await expect(current(page)).toContainText('Why:');

  // Ticks 2 and 3: pods, then the scheduler's bindings; click a binding to select its pod.
  await tick(page);
  await tick(page);
  const binding = view(page).locator('.ko-arch-item[data-message-kind="binding"]').first();
  await expect(binding).toHaveAttribute('data-from', 'kube-scheduler');
  await binding.click();
  await expect(binding).toHaveAttribute('aria-current', 'step');
  await expect(component(page, 'kube-scheduler')).toHaveAttribute('data-active', 'from');
  const details = page.getByTestId('details-panel');
  await expect(details).toHaveAttribute('data-selected-kind', 'Pod');

  // A kubelet's CRI calls to containerd on its node.
  for (let i = 0; i < 4; i++) await tick(page);
  const cri = view(page).locator('.ko-arch-item[data-message-kind="cri"]');
  await expect(cri.first()).toBeVisible();
  await cri.first().click();
  const node = await cri.first().getAttribute('data-node');
  await expect(view(page).locator(`.ko-arch-component[data-component="containerd"][data-node="${node}"]`)).toHaveAttribute('data-active', 'to');
});

test('Add node and Remove node go through the console lines node add / node remove', async ({ page }) => {
  await openApp(page, 'en');
  await page.getByRole('tablist', { name: 'Graph views' }).getByRole('tab', { name: 'Architecture' }).click();
  await view(page).getByRole('button', { name: 'Add node' }).click();
  await expect(consoleOutput(page)).toContainText('node add worker-3');
  await expect(view(page).locator('.ko-arch-machine[data-node="worker-3"]')).toHaveCount(1);
  await view(page).getByRole('button', { name: 'Remove node worker-3' }).click();
  await expect(consoleOutput(page)).toContainText('node remove worker-3');
  await expect(view(page).locator('.ko-arch-machine[data-node="worker-3"]')).toHaveCount(0);
});
