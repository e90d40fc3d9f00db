import { expect, test, type Locator, type Page } from '@playwright/test';
import { consoleOutput, openApp, runInConsole, setEditorText } from './helpers';

/**
 * Issue 4's "done means", end to end through the console and the views: a Service routes to a
 * pod that matches its selector; NodePort and LoadBalancer Services show their node port and
 * external address; a port-forward answers on localhost; a deny-all NetworkPolicy blocks traffic
 * under Calico and not under Flannel; lesson 9 can be started in Korean.
 */

const SERVICE = `apiVersion: v1
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

const DEPLOYMENT = `apiVersion: apps/v1
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
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

const DENY_ALL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
spec:
  podSelector: {}
  policyTypes:
  - Ingress
`;

const servicesView = (page: Page) => page.getByTestId('services-view');
const svc = (page: Page, name: string) => servicesView(page).locator(`[data-kind="Service"][data-name="${name}"][data-namespace="default"]`);
const trafficPanel = (page: Page): Locator => page.getByTestId('traffic');
/** The last stdout block the console printed. */
const lastStdout = (page: Page) => consoleOutput(page).locator('pre[data-stream="stdout"]').last();
const lastStderr = (page: Page) => consoleOutput(page).locator('pre[data-stream="stderr"]').last();

async function apply(page: Page, yaml: string, expected: string): Promise<void> {
  await setEditorText(page, yaml);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(consoleOutput(page)).toContainText(expected);
}

async function settle(page: Page): Promise<void> {
  await runInConsole(page, 'settle');
}

async function openTab(page: Page, name: 'Services' | 'Network'): Promise<void> {
  const tabs = page.getByRole('tablist', { name: 'Graph views' });
  await tabs.getByRole('tab', { name }).click();
  await expect(tabs.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** A client pod with curl in it, started and Running. */
async function startClient(page: Page): Promise<void> {
  await runInConsole(page, 'kubectl run client --image=curlimages/curl:8.18.0 --labels=app=client -- sleep infinity');
  await expect(consoleOutput(page)).toContainText('pod/client created');
}

test('a Service routes to a pod that matches its selector: ready endpoint in the Services view, exec curl answered', async ({ page }) => {
  await openApp(page, 'en');
  await openTab(page, 'Services');
  await apply(page, SERVICE, 'service/web created');
  await expect(svc(page, 'web')).toHaveAttribute('data-type', 'ClusterIP');
  await expect(servicesView(page).locator('[data-selector="app=web"]')).toHaveCount(1);

  // A pod with the matching label joins the Service's endpoints once it is Running and Ready.
  await runInConsole(page, 'kubectl run web --image=nginx:1.27 --labels=app=web --port=80');
  await expect(consoleOutput(page)).toContainText('pod/web created');
  await startClient(page);
  await settle(page);
  const web = servicesView(page).locator('[data-kind="Pod"][data-name="web"][data-namespace="default"]');
  await expect(web).toHaveAttribute('data-endpoint', 'ready');
  await expect(web).toHaveAttribute('data-selected-by', /(^|\s)web(\s|$)/);
  await expect(servicesView(page).locator('[data-kind="Pod"][data-name="client"]')).not.toHaveAttribute('data-endpoint', 'ready');

  // A request from the client pod: DNS → Service → kube-proxy → the web pod.
  await runInConsole(page, 'kubectl exec client -- curl -s http://web');
  await expect(lastStdout(page)).toContainText('Welcome to nginx!');
  await expect(trafficPanel(page)).toHaveAttribute('data-outcome', 'ok');
  await expect(trafficPanel(page)).toHaveAttribute('data-served-by', 'default/web');
});

test('NodePort shows its node port and answers on a node IP; LoadBalancer is <pending> until a provider gives it an IP', async ({ page }) => {
  await openApp(page, 'en');
  await openTab(page, 'Services');
  await apply(page, DEPLOYMENT, 'deployment.apps/web created');
  await settle(page);

  // `create service nodeport web` selects app=web: the Deployment's pods.
  await runInConsole(page, 'kubectl create service nodeport web --tcp=80:80 --node-port=30080');
  await expect(consoleOutput(page)).toContainText('service/web created');
  await expect(svc(page, 'web')).toHaveAttribute('data-type', 'NodePort');
  await expect(svc(page, 'web')).toHaveAttribute('data-node-port', '30080');
  await runInConsole(page, 'kubectl get svc web');
  await expect(lastStdout(page)).toContainText('80:30080/TCP');
  const nodePort = '30080';
  await settle(page);
  await runInConsole(page, `curl http://172.18.0.3:${nodePort}`);
  await expect(lastStdout(page)).toContainText('Welcome to nginx!');
  await expect(trafficPanel(page)).toHaveAttribute('data-outcome', 'ok');

  // The node port range is validated with kube-apiserver's words.
  await runInConsole(page, 'kubectl create service nodeport bad --tcp=80:80 --node-port=40000');
  await expect(lastStderr(page)).toContainText('provided port is not in the valid range. The range of valid ports is 30000-32767');

  await runInConsole(page, 'kubectl expose deployment web --port=80 --target-port=80 --type=LoadBalancer --name=web-lb');
  await expect(consoleOutput(page)).toContainText('service/web-lb exposed');
  await settle(page);
  await expect(svc(page, 'web-lb')).toHaveAttribute('data-type', 'LoadBalancer');
  await expect(svc(page, 'web-lb')).toHaveAttribute('data-external-ip', '<pending>');
  await runInConsole(page, 'kubectl get svc web-lb');
  await expect(lastStdout(page)).toContainText('<pending>');

  await runInConsole(page, 'cluster load-balancer on');
  await settle(page);
  await expect(svc(page, 'web-lb')).toHaveAttribute('data-external-ip', /^\d+\.\d+\.\d+\.\d+$/);
  const ip = await svc(page, 'web-lb').getAttribute('data-external-ip');
  await runInConsole(page, 'kubectl get svc web-lb');
  await expect(lastStdout(page)).toContainText(ip ?? 'no ip');
  await runInConsole(page, `curl http://${ip}`);
  await expect(lastStdout(page)).toContainText('Welcome to nginx!');
  await expect(trafficPanel(page)).toHaveAttribute('data-outcome', 'ok');
});

test('port-forward to a ClusterIP Service, then curl localhost answers from one pod; stop closes it', async ({ page }) => {
  await openApp(page, 'en');
  await apply(page, DEPLOYMENT + '---\n' + SERVICE, 'service/web created');
  await settle(page);

  await runInConsole(page, 'kubectl port-forward svc/web 8080:80');
  await expect(lastStdout(page)).toContainText('Forwarding from 127.0.0.1:8080 -> 80');
  await runInConsole(page, 'curl localhost:8080');
  await expect(lastStdout(page)).toContainText('Welcome to nginx!');

  await runInConsole(page, 'port-forward list');
  await expect(lastStdout(page)).toContainText('8080');
  await runInConsole(page, 'port-forward stop 8080');
  await runInConsole(page, 'curl localhost:8080');
  await expect(lastStderr(page)).toContainText('Failed to connect to localhost port 8080');
});

test('a deny-all NetworkPolicy is ignored under Flannel and blocks the request under Calico', async ({ page }) => {
  await openApp(page, 'en');
  await openTab(page, 'Services');
  await apply(page, DEPLOYMENT + '---\n' + SERVICE, 'service/web created');
  await startClient(page);
  await settle(page);
  await apply(page, DENY_ALL, 'networkpolicy.networking.k8s.io/default-deny-ingress created');

  // Flannel (the default) does not implement NetworkPolicy: the request still goes through.
  await runInConsole(page, 'kubectl exec client -- curl -sS --max-time 5 http://web');
  await expect(lastStdout(page)).toContainText('Welcome to nginx!');
  await expect(trafficPanel(page)).toHaveAttribute('data-outcome', 'ok');

  await runInConsole(page, 'cluster cni calico');
  await expect.poll(() => page.evaluate(() => window.__ko?.mirror.getState().settings.cni)).toBe('calico');
  await runInConsole(page, 'kubectl exec client -- curl -sS --max-time 5 http://web');
  await expect(lastStderr(page)).toContainText('curl: (28) Connection timed out');
  await expect(lastStderr(page)).toContainText('command terminated with exit code 28');
  await expect(trafficPanel(page)).toHaveAttribute('data-outcome', /^(denied|timeout)$/);

  // The Network view marks the policy as enforced now.
  await openTab(page, 'Network');
  await expect(page.getByTestId('network-legend')).toHaveAttribute('data-cni', 'calico');
  await expect(page.getByTestId('network-view').locator('[data-kind="NetworkPolicy"][data-name="default-deny-ingress"]').first()).toHaveAttribute('data-enforced', 'true');
});

test('lesson 9 opens in Korean and its first step can be completed through the UI', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, 'ko');
  const panel = page.getByTestId('lesson-panel');
  const version = await page.evaluate(() => window.__ko?.mirror.getState().version ?? 0);
  await panel.locator('[data-lesson="services"]').getByRole('button').click();
  await expect.poll(() => page.evaluate(() => window.__ko?.mirror.getState().version ?? 0)).toBeGreaterThan(version);
  await expect(panel.getByRole('heading', { name: /서비스: ClusterIP, NodePort, LoadBalancer/ })).toBeVisible();

  const step = panel.locator('article.lesson-step');
  await expect(step).toHaveAttribute('data-step', 'clusterip');
  await expect(step).toContainText('레이블 셀렉터로 파드를 고르고');
  const goals = step.locator('li[data-goal]');
  await expect(goals).toHaveCount(2);
  for (const g of await goals.all()) await expect(g).toHaveAttribute('data-met', 'false');

  // Settle starts the scenario's pods; the step's command goes to the console without "kubectl".
  await page.getByRole('button', { name: '안정화', exact: true }).click();
  await step.getByRole('button', { name: '콘솔에 복사' }).click();
  const input = page.getByTestId('console-input');
  await expect(input).toHaveValue('expose deployment web --port=80 --target-port=9376');
  await input.press('Enter');
  await expect(consoleOutput(page)).toContainText('service/web exposed');
  await runInConsole(page, 'settle');

  for (const g of await goals.all()) await expect(g).toHaveAttribute('data-met', 'true');
  await expect(step.locator('.lesson-explain')).toContainText('엔드포인트슬라이스(EndpointSlice) 컨트롤러');
});
