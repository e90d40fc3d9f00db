import { expect, type Locator, type Page } from '@playwright/test';

export type Lang = 'en' | 'ko';

/** The key `src/ui/state/preferences.ts` stores preferences under. */
export const PREFS_KEY = 'kube-orchestra.preferences';

/**
 * Opens the app with the language (and light theme) forced, so no test depends on the
 * browser's locale. `once`: only the first load is forced, so a test can check that a
 * choice made in the UI survives a reload.
 */
export async function openApp(page: Page, lang: Lang = 'en', opts: { once?: boolean } = {}): Promise<void> {
  await page.addInitScript(
    ([key, language, once]) => {
      if (once && sessionStorage.getItem('e2e-prefs-forced')) return;
      sessionStorage.setItem('e2e-prefs-forced', '1');
      localStorage.setItem(key, JSON.stringify({ language, theme: 'light' }));
    },
    [PREFS_KEY, lang, opts.once ?? false] as const,
  );
  await page.goto('/');
  await waitForCluster(page);
}

/** The worker has booted the cluster (three nodes) and Monaco has replaced the placeholder. */
export async function waitForCluster(page: Page): Promise<void> {
  await expect(page.locator('[data-kind="Node"]')).toHaveCount(3);
  await expect(page.getByTestId('editor')).toHaveAttribute('data-loaded', 'true');
}

export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => window.__ko?.setEditorText(t), text);
}

export async function getEditorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__ko?.getEditorText() ?? '');
}

export function consoleOutput(page: Page): Locator {
  return page.getByTestId('console-output');
}

/** Types a line at the console prompt and presses Enter, like a learner. */
export async function runInConsole(page: Page, line: string): Promise<void> {
  const input = page.getByTestId('console-input');
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveAttribute('aria-busy', 'false');
}

export function podChip(page: Page, name: string, namespace = 'default'): Locator {
  return page.locator(`[data-kind="Pod"][data-name="${name}"][data-namespace="${namespace}"]`);
}

/** Names of the pods the UI's mirror holds, as `namespace/name`. */
export async function mirrorPodKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window.__ko?.mirror.getState().objects.pods?.keys() ?? [])]);
}

export async function tick(page: Page): Promise<number> {
  return Number(await page.getByTestId('tick').textContent());
}
