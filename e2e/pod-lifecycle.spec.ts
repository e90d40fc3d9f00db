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
