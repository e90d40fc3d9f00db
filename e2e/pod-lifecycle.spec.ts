import { expect, test } from '@playwright/test';
import { consoleOutput, openApp, podChip, runInConsole, setEditorText, tick } from './helpers';

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

test('a pod is created, scheduled onto a worker, started, and explained', async ({ page }) => {
  await openApp(page, 'en');
  await setEditorText(page, WEB);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();

  await expect(consoleOutput(page)).toContainText('pod/web created');
  const web = podChip(page, 'web');
  await expect(web).toHaveCount(1);
  await expect(web).toHaveAttribute('data-phase', 'Pending');
  await expect(web).toHaveAttribute('data-node', '');

  // Tick by tick: alternate the Step button and the `.` key, and watch every hop.
  const stepButton = page.getByRole('button', { name: 'Step', exact: true });
  const seen: { phase: string; node: string }[] = [];
  for (let i = 0; i < 20; i++) {
    const before = await tick(page);
    if (i % 2 === 0) await stepButton.click();
    else await page.keyboard.press('.');
    await expect.poll(() => tick(page)).toBe(before + 1);
    const phase = (await web.getAttribute('data-phase')) ?? '';
    const node = (await web.getAttribute('data-node')) ?? '';
    seen.push({ phase, node });
    if (phase === 'Running') break;
  }
  const last = seen.at(-1);
  expect(last?.phase, `phases seen: ${JSON.stringify(seen)}`).toBe('Running');
  // Every state after binding names a worker, and it never moves.
  const bound = seen.filter((s) => s.node !== '');
  expect(bound.length).toBeGreaterThan(0);
  for (const s of bound) {
    expect(s.node).toMatch(/^worker-\d$/);
    expect(s.node).toBe(bound[0]?.node);
  }
  // The kubelet shows the container being created before it runs.
  expect(seen.map((s) => s.phase)).toContain('ContainerCreating');
  await expect(web).toHaveAttribute('data-node', /^worker-\d$/);
  const node = (await web.getAttribute('data-node')) as string;

  // Select the pod: the Why timeline tells who did what, the YAML shows the live object.
  await web.click();
  const details = page.getByTestId('details-panel');
  await expect(details).toHaveAttribute('data-selected-name', 'web');
  const why = details.getByTestId('why-timeline');
  await expect(why.locator('[data-controller="default-scheduler"][data-action="bind"]')).toContainText(node);
  await expect(why).toContainText('kubelet');
  await details.getByRole('tab', { name: 'YAML' }).click();
  const yaml = details.getByTestId('details-yaml');
  await expect(yaml).toContainText('podIP: 10.244.');
  await expect(yaml).toContainText(`nodeName: ${node}`);
  await expect(yaml).toContainText('phase: Running');

  // The console agrees with the graph.
  await runInConsole(page, 'get pods -o wide');
  const out = consoleOutput(page);
  await expect(out).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/);
  const row = out.locator('pre[data-stream="stdout"]').last();
  await expect(row).toContainText(new RegExp(`web\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+10\\.244\\.\\d+\\.\\d+\\s+${node}`));
});

test('keyboard: Ctrl+Enter applies from the editor, backquote focuses the console, Space plays and pauses', async ({ page }) => {
  await openApp(page, 'en');
  await setEditorText(page, WEB.replace('name: web', 'name: keys'));
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Enter');
  await expect(consoleOutput(page)).toContainText('pod/keys created');
  await expect(podChip(page, 'keys')).toHaveAttribute('data-phase', 'Pending');

  // Leave the editor, then ` jumps to the console prompt.
  await page.getByTestId('cluster-view').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('`');
  const input = page.getByTestId('console-input');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('');

  // Space on the page (not in a field) toggles playback; the clock runs by itself.
  await page.getByTestId('cluster-view').click({ position: { x: 5, y: 5 } });
  const play = page.getByRole('toolbar', { name: 'Simulation controls' }).getByRole('button', { name: /^(Play|Pause)$/ });
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  const before = await tick(page);
  await page.keyboard.press(' ');
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await expect(play).toHaveText('Pause');
  await expect.poll(() => tick(page)).toBeGreaterThanOrEqual(before + 2);
  await expect(podChip(page, 'keys')).toHaveAttribute('data-node', /^worker-\d$/);
  await page.keyboard.press(' ');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  // A tick already in flight may still land; after that the clock stays put.
  await page.waitForTimeout(500);
  const stopped = await tick(page);
  await page.waitForTimeout(1500);
  expect(await tick(page)).toBe(stopped);
});
