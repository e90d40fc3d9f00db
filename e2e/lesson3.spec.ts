import { expect, test, type Locator, type Page } from '@playwright/test';
import { consoleOutput, getEditorText, openApp, podChip, setEditorText, tick } from './helpers';

function lessonPanel(page: Page): Locator {
  return page.getByTestId('lesson-panel');
}

function currentStep(page: Page): Locator {
  return lessonPanel(page).locator('article.lesson-step');
}

/** Every goal of the step shows ✓, the explanation appears, then Next (or Finish). */
async function expectStepDoneAndGoOn(page: Page, stepId: string, next: 'Next' | 'Finish' = 'Next'): Promise<void> {
  const step = currentStep(page);
  await expect(step).toHaveAttribute('data-step', stepId);
  const goals = step.getByRole('region', { name: 'Goals' }).locator('li[data-goal]');
  await expect(goals).not.toHaveCount(0);
  for (const goal of await goals.all()) {
    await expect(goal).toHaveAttribute('data-met', 'true');
    await expect(goal.locator('.lesson-goal-mark')).toHaveText('✓');
  }
  await expect(step.getByRole('region', { name: 'What just happened' })).toBeVisible();
  await expect(lessonPanel(page).getByRole('button', { name: next, exact: true })).toHaveClass(/lesson-primary/);
  await lessonPanel(page).getByRole('button', { name: next, exact: true }).click();
}

async function expectGoalOpen(page: Page, goalId: string): Promise<void> {
  await expect(currentStep(page).locator(`li[data-goal="${goalId}"]`)).toHaveAttribute('data-met', 'false');
}

/** Answers the step's prediction and checks the feedback says it was right. */
async function predict(page: Page, choice: string): Promise<void> {
  const prediction = currentStep(page).getByRole('region', { name: 'Predict first' });
  await prediction.getByRole('button', { name: choice }).click();
  await expect(prediction.getByRole('status')).toContainText('✓ Correct.');
}

async function apply(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.locator('.editor-status[role="status"]')).toHaveAttribute('data-ok', /true|false/);
}

/** The step's "Copy to console" puts the command at the prompt; Enter runs it. */
async function copyAndRun(page: Page, expected: string): Promise<void> {
  await currentStep(page).getByRole('button', { name: 'Copy to console' }).click();
  const input = page.getByTestId('console-input');
  await expect(input).toHaveValue(expected);
  await expect(input).toBeFocused();
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(input).toHaveAttribute('aria-busy', 'false');
}

async function stepClock(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const before = await tick(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => tick(page)).toBeGreaterThan(before);
  }
}

async function settle(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settle', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Settle', exact: true })).toBeEnabled();
}

test('lesson 3 (pods) can be completed through the UI', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, 'en');

  // Opening a lesson resets the cluster to its scenario: wait for that snapshot.
  const version = await page.evaluate(() => window.__ko?.mirror.getState().version ?? 0);
  await lessonPanel(page).locator('[data-lesson="pods"]').getByRole('button').click();
  await expect.poll(() => page.evaluate(() => window.__ko?.mirror.getState().version ?? 0)).toBeGreaterThan(version);
  await expect(page.locator('[data-kind="Node"]')).toHaveCount(3);
  await expect(lessonPanel(page).getByRole('heading', { name: /Lesson 3\s+Pods/ })).toBeVisible();
  await expect(lessonPanel(page)).toContainText('0 of 6 steps completed');

  // 1. First pod: the file has a typo on purpose.
  await expect(currentStep(page)).toHaveAttribute('data-step', 'first-pod');
  await currentStep(page).getByRole('button', { name: 'Load into editor' }).click();
  await expect(page.locator('.editor-file')).toHaveText('pod-web.yaml');
  const typo = await getEditorText(page);
  expect(typo).toContain('imagee: nginx:1.27');
  await apply(page);
  await expect(consoleOutput(page)).toContainText('strict decoding error: unknown field "spec.containers[0].imagee"');
  await expectGoalOpen(page, 'web');
  await expect(podChip(page, 'web')).toHaveCount(0);
  // The learner fixes the field name where the marker points and applies again.
  await setEditorText(page, typo.replace('imagee:', 'image:'));
  await apply(page);
  await expect(consoleOutput(page)).toContainText('pod/web created');
  await expect(podChip(page, 'web')).toHaveAttribute('data-phase', 'Pending');
  await expectStepDoneAndGoOn(page, 'first-pod');

  // 2. Watch it start: predict, step the clock, ask kubectl where it landed.
  await expect(currentStep(page)).toHaveAttribute('data-step', 'watch-start');
  await predict(page, 'On one of the two workers');
  await expectGoalOpen(page, 'running');
  for (let i = 0; i < 15 && (await podChip(page, 'web').getAttribute('data-phase')) !== 'Running'; i++) await stepClock(page, 1);
  await expect(podChip(page, 'web')).toHaveAttribute('data-phase', 'Running');
  await expect(podChip(page, 'web')).toHaveAttribute('data-node', /^worker-\d$/);
  await copyAndRun(page, 'get pod web -o wide');
  await expect(consoleOutput(page).locator('pre[data-stream="stdout"]').last()).toContainText(/web\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+worker-\d/);
  await expectStepDoneAndGoOn(page, 'watch-start');

  // 3. Two containers in one pod.
  await expect(currentStep(page)).toHaveAttribute('data-step', 'two-containers');
  await currentStep(page).getByRole('button', { name: 'Load into editor' }).click();
  await expect(page.locator('.editor-file')).toHaveText('pod-duo.yaml');
  await apply(page);
  await expect(consoleOutput(page)).toContainText('pod/duo created');
  await expectGoalOpen(page, 'ready');
  await settle(page);
  await expect(podChip(page, 'duo')).toHaveAttribute('data-phase', 'Running');
  await expectStepDoneAndGoOn(page, 'two-containers');

  // 4. Ask for too much: stored, but never scheduled.
  await expect(currentStep(page)).toHaveAttribute('data-step', 'too-much');
  await predict(page, 'It is stored but stays Pending');
  await currentStep(page).getByRole('button', { name: 'Load into editor' }).click();
  await apply(page);
  await expect(consoleOutput(page)).toContainText('pod/hungry created');
  await stepClock(page, 3);
  await expect(podChip(page, 'hungry')).toHaveAttribute('data-phase', 'Pending');
  await expect(podChip(page, 'hungry')).toHaveAttribute('data-node', '');
  await expectStepDoneAndGoOn(page, 'too-much');

  // 5. Read the events.
  await expect(currentStep(page)).toHaveAttribute('data-step', 'describe');
  await copyAndRun(page, 'describe pod hungry');
  await expect(consoleOutput(page)).toContainText('FailedScheduling');
  await expect(consoleOutput(page)).toContainText('Insufficient cpu');
  await expect(consoleOutput(page)).toContainText('default-scheduler');
  await expectStepDoneAndGoOn(page, 'describe');

  // 6. Delete both; nothing brings them back.
  await expect(currentStep(page)).toHaveAttribute('data-step', 'delete');
  await predict(page, 'Both are gone for good');
  await copyAndRun(page, 'delete pod hungry web');
  await expect(consoleOutput(page)).toContainText('pod "hungry" deleted');
  await expect(consoleOutput(page)).toContainText('pod "web" deleted');
  await settle(page);
  await expect(podChip(page, 'web')).toHaveCount(0);
  await expect(podChip(page, 'hungry')).toHaveCount(0);
  await expect(podChip(page, 'duo')).toHaveCount(1);
  await expectStepDoneAndGoOn(page, 'delete', 'Finish');

  // The recap, and every step marked done.
  await expect(lessonPanel(page).getByRole('heading', { name: 'Recap' })).toBeVisible();
  await expect(lessonPanel(page).locator('.lesson-recap')).toContainText('A pod is the smallest unit Kubernetes deploys');
  await expect(lessonPanel(page).getByRole('heading', { name: 'Challenge' })).toBeVisible();
  await expect(lessonPanel(page)).toContainText('6 of 6 steps completed');
  const stepButtons = lessonPanel(page).getByRole('navigation', { name: 'Steps' }).getByRole('button');
  await expect(stepButtons).toHaveCount(6);
  for (const b of await stepButtons.all()) await expect(b).toHaveText('✓');
});
