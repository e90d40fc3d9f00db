import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, openApp, runInConsole, setEditorText } from './helpers';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`;

const owners = (page: Page) => page.getByTestId('owners-view');
// The learner's objects: kube-system's own (CoreDNS, kube-proxy, the CNI, static pods) are drawn too.
const replicaSets = (page: Page) => owners(page).locator('[data-kind="ReplicaSet"][data-namespace="default"]');
const runningPods = (page: Page) => owners(page).locator('[data-kind="Pod"][data-namespace="default"][data-phase="Running"]');

async function step(page: Page): Promise<void> {
  await page.evaluate(() => window.__ko?.request({ type: 'tick', count: 1 }));
}

/** Steps one tick at a time until `done` holds (bounded, so a stuck rollout fails rather than hangs). */
async function stepUntil(page: Page, done: () => Promise<boolean>, max = 40): Promise<number> {
  for (let i = 0; i < max; i++) {
    if (await done()) return i;
    await step(page);
    // The views draw on the next frame after a delta.
    await page.waitForTimeout(60);
  }
  expect(await done(), `not reached after ${max} ticks`).toBe(true);
  return max;
}

async function podNames(page: Page): Promise<string[]> {
  return owners(page).locator('[data-kind="Pod"][data-namespace="default"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? '').sort());
}

test('the Owners view follows a Deployment through self-healing and a rolling update', async ({ page }) => {
  await openApp(page, 'en');
  const tabs = page.getByRole('tablist', { name: 'Graph views' });
  await tabs.getByRole('tab', { name: 'Owners' }).click();
  await expect(tabs.getByRole('tab', { name: 'Owners' })).toHaveAttribute('aria-selected', 'true');
  await expect(owners(page)).toBeVisible();

  await setEditorText(page, deployment('nginx:1.14.2'));
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(consoleOutput(page)).toContainText('deployment.apps/nginx-deployment created');

  // Deployment → one ReplicaSet → three Running pods, each drawn under its owner.
  const dep = owners(page).locator('[data-kind="Deployment"][data-name="nginx-deployment"][data-namespace="default"]');
  await expect(dep).toHaveCount(1);
  await stepUntil(page, async () => (await runningPods(page).count()) === 3);
  await expect(replicaSets(page)).toHaveCount(1);
  const rs1 = replicaSets(page).first();
  await expect(rs1).toHaveAttribute('data-owner', 'Deployment/nginx-deployment');
  await expect(rs1).toHaveAttribute('data-revision', '1');
  const rs1Name = (await rs1.getAttribute('data-name')) as string;
  await expect(owners(page).locator(`[data-kind="Pod"][data-owner="ReplicaSet/${rs1Name}"][data-phase="Running"]`)).toHaveCount(3);
  await stepUntil(page, async () => (await rs1.getAttribute('data-ready')) === '3');
  await expect(rs1).toHaveAttribute('data-desired', '3');

  // Delete a pod: the ReplicaSet notices one missing and a replacement runs.
  const before = await podNames(page);
  const victim = before[0] as string;
  await runInConsole(page, `delete pod ${victim}`);
  await expect(consoleOutput(page)).toContainText(`pod "${victim}" deleted`);
  await stepUntil(page, async () => {
    const names = await podNames(page);
    return !names.includes(victim) && (await runningPods(page).count()) === 3;
  });
  const after = await podNames(page);
  expect(after.filter((n) => !before.includes(n))).toHaveLength(1);

  // Change the image: a second ReplicaSet appears, the two trade pods, the old one ends at 0.
  await setEditorText(page, deployment('nginx:1.16.1'));
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(consoleOutput(page)).toContainText('deployment.apps/nginx-deployment configured');
  let sawBothWithPods = false;
  await stepUntil(
    page,
    async () => {
      const sets = await replicaSets(page).evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('data-name'), current: Number(e.getAttribute('data-current')), desired: Number(e.getAttribute('data-desired')), ready: Number(e.getAttribute('data-ready')) })));
      if (sets.length === 2 && sets.every((s) => s.current > 0)) sawBothWithPods = true;
      const old = sets.find((s) => s.name === rs1Name);
      const fresh = sets.find((s) => s.name !== rs1Name);
      return sets.length === 2 && old?.desired === 0 && old.current === 0 && fresh?.ready === 3;
    },
    80,
  );
  expect(sawBothWithPods, 'old and new ReplicaSets both had pods during the rollout').toBe(true);
  await expect(owners(page).locator(`[data-kind="ReplicaSet"][data-namespace="default"]:not([data-name="${rs1Name}"])`)).toHaveAttribute('data-revision', '2');
  await expect(owners(page).locator(`[data-kind="ReplicaSet"][data-name="${rs1Name}"]`)).toHaveClass(/ko-owner-idle/);
  await stepUntil(page, async () => (await owners(page).locator(`[data-kind="Pod"][data-owner="ReplicaSet/${rs1Name}"]`).count()) === 0);
  await expect(runningPods(page)).toHaveCount(3);

  // Keyboard: focus a pod and press Enter; the Why tab walks back to the Deployment.
  const pod = runningPods(page).first();
  await pod.focus();
  await page.keyboard.press('Enter');
  const details = page.getByTestId('details-panel');
  await expect(details).toHaveAttribute('data-selected-kind', 'Pod');
  const path = details.getByTestId('why-owner-path');
  await expect(path.getByRole('button', { name: 'Deployment/nginx-deployment' })).toBeVisible();
  const timeline = details.getByTestId('why-timeline');
  await expect(timeline.locator('[data-controller="kubectl"][data-target-kind="Deployment"]')).toHaveCount(1);
  await expect(timeline.locator('[data-controller="deployment-controller"][data-target-kind="ReplicaSet"]')).toHaveCount(1);
  await expect(timeline.locator('[data-controller="replicaset-controller"][data-action="create"]')).toHaveCount(1);

  // The scheduler's table for this pod: every node, filtered or scored, and the one chosen.
  await details.getByRole('tab', { name: 'Scheduling' }).click();
  const table = details.getByTestId('scheduling-table');
  await expect(table.locator('tr[data-node]')).toHaveCount(3);
  await expect(table.locator('tr[data-node="control-plane"][data-passed="false"]')).toContainText('untolerated taint');
  await expect(table.locator('tr.ko-chosen[data-passed="true"]')).toHaveCount(1);
  await expect(table.locator('tr.ko-chosen')).toHaveAttribute('data-node', (await pod.getAttribute('data-node')) as string);

  await details.getByRole('tab', { name: 'Why' }).click();
  await path.getByRole('button', { name: 'Deployment/nginx-deployment' }).click();
  await expect(details).toHaveAttribute('data-selected-kind', 'Deployment');
  await expect(dep).toHaveClass(/ko-selected/);
});
