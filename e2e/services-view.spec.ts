import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, openApp, runInConsole, setEditorText } from './helpers';

const webApp = `apiVersion: apps/v1
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
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

const extraPod = `apiVersion: v1
kind: Pod
metadata:
  name: extra
  labels:
    app: other
spec:
  containers:
  - name: nginx
    image: nginx:1.25
`;

const nodePortAndLb = `apiVersion: v1
kind: Service
metadata:
  name: web-nodeport
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
    nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: web-lb
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

const view = (page: Page) => page.getByTestId('services-view');
const svc = (page: Page, name: string) => view(page).locator(`[data-kind="Service"][data-name="${name}"][data-namespace="default"]`);
const pod = (page: Page, name: string) => view(page).locator(`[data-kind="Pod"][data-name="${name}"][data-namespace="default"]`);
const webEndpoints = (page: Page) => view(page).locator('[data-kind="Pod"][data-endpoint="ready"][data-selected-by~="web"]');

async function step(page: Page): Promise<void> {
  await page.evaluate(() => window.__ko?.request({ type: 'tick', count: 1 }));
}

/** Steps one tick at a time until `done` holds (bounded, so a stuck controller fails rather than hangs). */
async function stepUntil(page: Page, done: () => Promise<boolean>, max = 30): Promise<number> {
  for (let i = 0; i < max; i++) {
    if (await done()) return i;
    await step(page);
    // The view draws on the frame after a delta.
    await page.waitForTimeout(60);
  }
  expect(await done(), `not reached after ${max} ticks`).toBe(true);
  return max;
}

async function apply(page: Page, yaml: string): Promise<void> {
  await setEditorText(page, yaml);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
}

test('the Services view routes a Service to the ready pods its selector matches, and a relabelled pod joins', async ({ page }) => {
  await openApp(page, 'en');
  const tabs = page.getByRole('tablist', { name: 'Graph views' });
  await tabs.getByRole('tab', { name: 'Services' }).click();
  await expect(tabs.getByRole('tab', { name: 'Services' })).toHaveAttribute('aria-selected', 'true');
  await expect(view(page)).toBeVisible();
  // Only the cluster's own Services so far: the view says how to make one.
  await expect(view(page).getByTestId('services-empty')).toContainText('kubectl expose deployment web --port=80');

  await apply(page, webApp);
  await expect(consoleOutput(page)).toContainText('service/web created');
  await expect(svc(page, 'web')).toHaveAttribute('data-type', 'ClusterIP');
  await expect(view(page).getByTestId('services-empty')).toHaveCount(0);
  await expect(view(page).locator('[data-selector="app=web"]')).toHaveCount(1);

  // The Deployment's pods become Running and Ready; the EndpointSlice lists them as ready endpoints.
  await stepUntil(page, async () => (await webEndpoints(page).count()) === 2);
  await expect(svc(page, 'web')).toHaveAttribute('data-ready-endpoints', '2');
  const first = webEndpoints(page).first();
  await expect(first).toContainText('ready endpoint');
  // The address the Service sends to: podIP:targetPort from the EndpointSlice.
  await expect(first).toContainText(/10\.244\.\d+\.\d+:80/);

  // A pod with another label is not selected: drawn dimmed, in the unselected group.
  await apply(page, extraPod);
  await expect(consoleOutput(page)).toContainText('pod/extra created');
  await stepUntil(page, async () => (await pod(page, 'extra').getAttribute('data-phase')) === 'Running');
  await expect(pod(page, 'extra')).toHaveAttribute('data-selected-by', '');
  await expect(pod(page, 'extra')).toHaveAttribute('data-endpoint', 'none');
  await expect(pod(page, 'extra')).toHaveClass(/ko-svc-unselected/);

  // Relabel it: the selector matches at once, and the endpoints controller adds it on the next tick.
  await runInConsole(page, 'label pod extra app=web --overwrite');
  await expect(consoleOutput(page)).toContainText('pod/extra labeled');
  await expect(pod(page, 'extra')).toHaveAttribute('data-selected-by', 'web');
  await expect(pod(page, 'extra')).not.toHaveClass(/ko-svc-unselected/);
  await stepUntil(page, async () => (await pod(page, 'extra').getAttribute('data-endpoint')) === 'ready');
  await expect(svc(page, 'web')).toHaveAttribute('data-ready-endpoints', '3');

  // Selecting the Service opens its endpoints in the details pane.
  await svc(page, 'web').click();
  const details = page.getByTestId('details-panel');
  await expect(details).toHaveAttribute('data-selected-kind', 'Service');
  const endpoints = details.getByTestId('service-endpoints');
  await expect(endpoints.locator('tr[data-endpoint="ready"]')).toHaveCount(3);
  await expect(endpoints.locator('tr[data-pod="extra"]')).toHaveCount(1);
  await expect(endpoints.locator('[data-selector="app=web"]')).toHaveCount(1);

  // Keyboard: a pod takes focus and Enter selects it.
  await pod(page, 'extra').focus();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('data-selected-name', 'extra');
});

test('NodePort shows its node port and LoadBalancer stays <pending> without a load-balancer provider', async ({ page }) => {
  await openApp(page, 'en');
  await page.getByRole('tablist', { name: 'Graph views' }).getByRole('tab', { name: 'Services' }).click();
  await apply(page, webApp);
  await expect(consoleOutput(page)).toContainText('service/web created');
  await apply(page, nodePortAndLb);
  await expect(consoleOutput(page)).toContainText('service/web-lb created');
  await stepUntil(page, async () => (await svc(page, 'web-lb').getAttribute('data-ready-endpoints')) === '2');

  await expect(svc(page, 'web-nodeport')).toHaveAttribute('data-type', 'NodePort');
  await expect(svc(page, 'web-nodeport')).toHaveAttribute('data-node-port', '30080');
  await expect(svc(page, 'web-nodeport')).toContainText('NodePort 30080');

  await expect(svc(page, 'web-lb')).toHaveAttribute('data-type', 'LoadBalancer');
  await expect(svc(page, 'web-lb')).toHaveAttribute('data-external-ip', '<pending>');
  await expect(svc(page, 'web-lb')).toContainText('EXTERNAL-IP <pending>');
  await expect(svc(page, 'web-lb')).toContainText('needs a load-balancer provider');
  // The same two pods are drawn once, and name every Service that selects them.
  await expect(view(page).locator('[data-kind="Pod"][data-selected-by="web web-lb web-nodeport"]')).toHaveCount(2);
});

test('a traced curl animates client → Service → kube-proxy → pod, and another tab gets a notice', async ({ page }) => {
  await openApp(page, 'en');
  const tabs = page.getByRole('tablist', { name: 'Graph views' });
  await tabs.getByRole('tab', { name: 'Services' }).click();
  await apply(page, webApp);
  await expect(consoleOutput(page)).toContainText('service/web created');
  await runInConsole(page, 'kubectl run client --image=curlimages/curl:8.18.0 --labels=app=client -- sleep infinity');
  await expect(consoleOutput(page)).toContainText('pod/client created');
  await runInConsole(page, 'settle');
  await stepUntil(page, async () => (await webEndpoints(page).count()) === 2 && (await pod(page, 'client').getAttribute('data-phase')) === 'Running');

  await runInConsole(page, 'exec client -- curl -s http://web');
  const panel = page.getByTestId('traffic');
  await expect(panel).toHaveAttribute('data-outcome', 'ok');
  const servedBy = (await panel.getAttribute('data-served-by')) as string;
  expect(servedBy).toMatch(/^default\/web-/);
  // The hops in order, as pills and as a caption a screen reader reads.
  const kinds = await panel.locator('[data-hop]').evaluateAll((els) => els.map((e) => e.getAttribute('data-hop')));
  expect(kinds.indexOf('service')).toBeGreaterThan(kinds.indexOf('client'));
  expect(kinds.indexOf('kube-proxy')).toBeGreaterThan(kinds.indexOf('service'));
  expect(kinds[kinds.length - 1]).toBe('pod');
  await expect(panel.locator('.ko-traffic-caption li')).toHaveCount(kinds.length);
  // On the graph: the Service and the pod that answered are ringed.
  await expect(svc(page, 'web')).toHaveClass(/ko-traced/);
  await expect(pod(page, servedBy.split('/')[1] as string)).toHaveClass(/ko-traced/);

  // A Service whose selector matches nothing: the request stops at the Service, with a ✕ and why.
  await runInConsole(page, 'create service clusterip nobody --tcp=80:80');
  await runInConsole(page, 'settle');
  await runInConsole(page, 'exec client -- curl -s --max-time 2 http://nobody');
  await expect(panel).not.toHaveAttribute('data-outcome', 'ok');
  await expect(panel.getByTestId('traffic-verdict')).toContainText('✕');

  // From another tab, a new trace shows a notice that opens the Services view.
  await tabs.getByRole('tab', { name: 'Nodes' }).click();
  await runInConsole(page, 'exec client -- curl -s http://web');
  const notice = page.getByTestId('traffic-notice');
  await expect(notice).toContainText('Request traced — show in Services');
  await notice.click();
  await expect(tabs.getByRole('tab', { name: 'Services' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('traffic')).toHaveAttribute('data-outcome', 'ok');
  await expect(notice).toHaveCount(0);
});
