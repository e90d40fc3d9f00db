import { expect, test, type Page } from '@playwright/test';
import { openApp, waitForCluster } from './helpers';

async function expectEnglish(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Settle', exact: true })).toBeVisible();
  await expect(page.getByTestId('lesson-panel').getByRole('heading', { name: 'Choose a lesson' })).toBeVisible();
  await expect(page.getByTestId('cluster-view')).toContainText('PENDING · NOT YET SCHEDULED');
}

async function expectKorean(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('group', { name: '언어' }).getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '적용', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '한 틱', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '안정화', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toHaveCount(0);
  const lesson = page.getByTestId('lesson-panel');
  await expect(lesson.getByRole('heading', { name: '레슨 선택' })).toBeVisible();
  // The lesson titles come from the lessons' own Korean text.
  await expect(lesson.locator('[data-lesson="pods"]')).toContainText('파드');
  await expect(page.getByRole('log', { name: '콘솔 출력' })).toBeVisible();
  await expect(page.getByTestId('cluster-view')).not.toContainText('PENDING · NOT YET SCHEDULED');
}

test('switching to Korean relabels the app and survives a reload', async ({ page }) => {
  // Forced to English for the first load only: after that the app's own storage decides.
  await openApp(page, 'en', { once: true });
  await expectEnglish(page);

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await expectKorean(page);
  // The node chips' screen-reader labels follow the language too (aria.node in views.ts).
  await expect(page.locator('[data-kind="Node"][data-name="worker-1"]')).toHaveAttribute('aria-label', /^노드 worker-1, .*파드 \d+개$/);

  await page.reload();
  await waitForCluster(page);
  await expectKorean(page);

  await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click();
  await expectEnglish(page);
  await page.reload();
  await waitForCluster(page);
  await expectEnglish(page);
});
