import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, openApp, runInConsole, setEditorText } from './helpers';

const failing = `apiVersion: batch/v1
kind: Job
metadata:
  name: fail
spec:
  backoffLimit: 2
  template:
    spec:
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "exit 1"]
      restartPolicy: Never
`;

/** The docs' pi Job (controllers/job.yaml), unchanged. */
const pi = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4
`;

const owners = (page: Page) => page.getByTestId('owners-view');

async function step(page: Page): Promise<void> {
  await page.evaluate(() => window.__ko?.request({ type: 'tick', count: 1 }));
}

/** Steps one tick at a time until `done` holds (bounded, so a stuck Job fails rather than hangs). */
async function stepUntil(page: Page, done: () => Promise<boolean>, max: number): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    await step(page);
    await page.waitForTimeout(30);
  }
  expect(await done(), `not reached after ${max} ticks`).toBe(true);
}

async function openOwners(page: Page): Promise<void> {
  const tabs = page.getByRole('tablist', { name: 'Graph views' });
  await tabs.getByRole('tab', { name: 'Owners' }).click();
  await expect(owners(page)).toBeVisible();
}

async function apply(page: Page, yaml: string, said: string): Promise<void> {
  await setEditorText(page, yaml);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(consoleOutput(page)).toContainText(said);
}

/** The Job's pods in the UI's mirror: name, creation second, phase. */
async function jobPods(page: Page, job: string): Promise<{ name: string; created: number; phase: string }[]> {
  return page.evaluate((name) => {
    const pods = [...(window.__ko?.mirror.getState().objects.pods?.values() ?? [])] as {
      metadata: { name: string; creationTimestamp?: string; labels?: Record<string, string> };
      status?: { phase?: string };
    }[];
    return pods
      .filter((p) => p.metadata.labels?.['job-name'] === name)
      .map((p) => ({ name: p.metadata.name, created: Date.parse(p.metadata.creationTimestamp ?? '') / 1000, phase: p.status?.phase ?? '' }))
      .sort((a, b) => a.created - b.created || a.name.localeCompare(b.name));
  }, job);
}

test('a Job whose pod exits 1 retries with growing back-off, then fails with BackoffLimitExceeded', async ({ page }) => {
  await openApp(page, 'en');
  await openOwners(page);
  await apply(page, failing, 'job.batch/fail created');

  const job = owners(page).locator('[data-kind="Job"][data-name="fail"]');
  await expect(job).toHaveCount(1);
  const failedPods = owners(page).locator('[data-kind="Pod"][data-owner="Job/fail"]').and(page.locator('[data-phase="Error"], [data-phase="Failed"]'));

  // backoffLimit 2: three pods fail in all, each drawn under the Job with kubectl's Error status.
  await stepUntil(page, async () => (await jobPods(page, 'fail')).filter((p) => p.phase === 'Failed').length === 3, 200);
  await expect(failedPods).toHaveCount(3);

  // The controller waits longer before each new pod (10 s, then 20 s in Kubernetes), so the
  // gap between the second and third pod is longer than between the first and second.
  const pods = await jobPods(page, 'fail');
  expect(pods).toHaveLength(3);
  const [a, b, c] = pods.map((p) => p.created) as [number, number, number];
  expect(b - a).toBeGreaterThanOrEqual(10);
  expect(c - b).toBeGreaterThan(b - a);

  await stepUntil(
    page,
    async () => {
      await runInConsole(page, 'get job fail');
      return /^fail\s+Failed\s+0\/1\s/m.test((await consoleOutput(page).textContent()) ?? '');
    },
    20,
  );
  await runInConsole(page, 'describe job fail');
  await expect(consoleOutput(page)).toContainText('BackoffLimitExceeded');
  await expect(consoleOutput(page)).toContainText('Job has reached the specified backoff limit');
});

test("the docs' pi Job completes and its log holds the digits of pi", async ({ page }) => {
  await openApp(page, 'en');
  await openOwners(page);
  await apply(page, pi, 'job.batch/pi created');

  await stepUntil(page, async () => (await jobPods(page, 'pi')).some((p) => p.phase === 'Succeeded'), 120);
  await expect(owners(page).locator('[data-kind="Pod"][data-owner="Job/pi"][data-phase="Completed"]')).toHaveCount(1);
  await stepUntil(
    page,
    async () => {
      await runInConsole(page, 'get job pi');
      return /^pi\s+Complete\s+1\/1\s/m.test((await consoleOutput(page).textContent()) ?? '');
    },
    10,
  );
  await runInConsole(page, 'logs job/pi');
  await expect(consoleOutput(page)).toContainText('3.14159265358979323846264338327950288419716939937510');
});
