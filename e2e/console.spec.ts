import { expect, test } from '@playwright/test';
import { consoleOutput, openApp, runInConsole, tick } from './helpers';

test.describe('kubectl console', () => {
  test('Tab completes resource types and pod names; history and Ctrl+R recall commands', async ({ page }) => {
    await openApp(page);
    await runInConsole(page, 'run web --image=nginx:1.27');
    await runInConsole(page, 'settle');
    const input = page.getByTestId('console-input');

    await input.fill('kubectl get po');
    await input.press('Tab');
    await expect(input).toHaveValue('kubectl get pods ');
    await input.press('w');
    await input.press('Tab');
    await expect(input).toHaveValue('kubectl get pods web ');
    await input.press('Enter');
    await expect(consoleOutput(page)).toContainText(/web\s+1\/1\s+Running/);

    // Several candidates: the second Tab lists them, as bash does.
    await input.fill('kubectl get persistentvolume');
    await input.press('Tab');
    await input.press('Tab');
    await expect(page.getByTestId('console-completions')).toContainText('persistentvolumeclaims');

    await input.fill('');
    await input.press('ArrowUp');
    await expect(input).toHaveValue('kubectl get pods web');
    await input.press('ArrowUp');
    await expect(input).toHaveValue('settle');

    await input.fill('');
    await input.press('Control+r');
    await input.pressSequentially('run');
    await expect(page.getByTestId('console-search')).toContainText("(reverse-i-search)`run'");
    await expect(input).toHaveValue('run web --image=nginx:1.27');
    await input.press('Escape');
    await expect(page.getByTestId('console-search')).toHaveCount(0);
    await expect(input).toHaveValue('');
  });

  test('a heredoc applies the YAML typed with it; get -w prints a row per change as ticks advance', async ({ page }) => {
    await openApp(page);
    const input = page.getByTestId('console-input');
    await input.fill(
      ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: watched', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27', 'EOF'].join('\n'),
    );
    await input.press('Enter');
    await expect(consoleOutput(page)).toContainText('pod/watched created');

    await runInConsole(page, 'kubectl get pods -w');
    await expect(page.getByRole('status').filter({ hasText: 'Ctrl+C' })).toBeVisible();
    const rows = consoleOutput(page).locator('pre').filter({ hasText: /^watched\s/ });
    const before = await rows.count();
    const step = page.getByRole('button', { name: 'Step', exact: true });
    for (let i = 0; i < 6; i++) {
      const t = await tick(page);
      await step.click();
      await expect.poll(() => tick(page)).toBe(t + 1);
    }
    await expect.poll(() => rows.count()).toBeGreaterThan(before);
    await expect(consoleOutput(page)).toContainText(/watched\s+1\/1\s+Running/);

    await input.press('Control+c');
    await expect(consoleOutput(page)).toContainText('^C');
    const stopped = await rows.count();
    await step.click();
    await page.waitForTimeout(300);
    expect(await rows.count()).toBe(stopped);
  });
});
