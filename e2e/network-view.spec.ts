import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, openApp, setEditorText } from './helpers';

// A Deployment behind a Service, a db pod, and the docs' kind of policy: only app=web may reach the db.
const MANIFESTS = `apiVersion: apps/v1
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
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  labels:
    app: db
spec:
  containers:
  - name: db
    image: redis:7
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
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-allow-web
spec:
  podSelector:
    matchLabels:
      app: db
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: web
`;

const view = (page: Page) => page.getByTestId('network-view');
const legend = (page: Page) => page.getByTestId('network-legend');
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Cluster settings' });
const badge = (page: Page) => view(page).locator('[data-kind="NetworkPolicy"][data-name="db-allow-web"][data-pod="default/db"]');

async function ticks(page: Page, count: number): Promise<void> {
  await page.evaluate((n) => window.__ko?.request({ type: 'tick', count: n }), count);
  await page.waitForTimeout(100);
}

async function setUp(page: Page): Promise<void> {
  await openApp(page, 'en');
  await setEditorText(page, MANIFESTS);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(consoleOutput(page)).toContainText('networkpolicy.networking.k8s.io/db-allow-web created');
  await ticks(page, 12);
  const tabs = page.getByRole('tablist', { name: 'Graph views' });
  await tabs.getByRole('tab', { name: 'Network' }).click();
  await expect(view(page)).toBeVisible();
}

test('switching the CNI plugin in Cluster settings changes the Network view and whether a NetworkPolicy is enforced', async ({ page }) => {
  await setUp(page);

  // Flannel (the default): VXLAN tunnels between the nodes, the policy badge says it is ignored.
  await expect(legend(page)).toHaveAttribute('data-cni', 'flannel');
  await expect(page.getByTestId('network-transport')).toContainText('VXLAN');
  await expect(view(page).locator('.ko-net-link[data-transport="vxlan"]')).toHaveCount(3);
  await expect(view(page).locator('[data-kind="Node"][data-name="worker-1"]')).toHaveAttribute('data-pod-cidr', '10.244.1.0/24');
  const db = view(page).locator('[data-kind="Pod"][data-name="db"]');
  await expect(db).toHaveAttribute('data-ip', /^10\.244\.\d+\.\d+$/);
  await expect(badge(page)).toHaveAttribute('data-enforced', 'false');
  await expect(badge(page)).toContainText('ignored by Flannel');

  // The dialog sends the console line; the console's history shows it.
  const opener = page.getByRole('banner').getByRole('button', { name: 'Cluster settings' });
  await opener.click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('radio', { name: /Flannel/ })).toBeChecked();
  await dialog(page).getByRole('radio', { name: /Calico/ }).check();
  await expect(consoleOutput(page)).toContainText('cluster cni calico');
  await expect(dialog(page).getByRole('radio', { name: /Calico/ })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(opener).toBeFocused();

  // Calico: BGP peerings and learned routes; the same policy is now enforced.
  await expect(legend(page)).toHaveAttribute('data-cni', 'calico');
  await expect(page.getByTestId('network-transport')).toContainText('BGP');
  await expect(view(page).locator('.ko-net-link[data-transport="bgp"]')).toHaveCount(3);
  await expect(view(page).locator('[data-kind="Node"][data-name="worker-1"]')).toContainText('via 172.18.0.4 dev tunl0');
  await expect(badge(page)).toHaveAttribute('data-enforced', 'true');
  await expect(badge(page)).toContainText('enforced');

  // Weave: encryption is offered only now; switching it on shows in the legend and on the links.
  await opener.click();
  const encryption = dialog(page).getByRole('checkbox', { name: /Weave encryption/ });
  await expect(encryption).toBeDisabled();
  await dialog(page).getByRole('radio', { name: /Weave Net/ }).check();
  await expect(encryption).toBeEnabled();
  await encryption.check();
  await expect(consoleOutput(page)).toContainText('cluster weave-encryption on');
  await dialog(page).getByRole('button', { name: 'Close cluster settings' }).click();
  await expect(legend(page)).toHaveAttribute('data-cni', 'weave');
  await expect(legend(page)).toHaveAttribute('data-encrypted', 'true');
  await expect(view(page).locator('.ko-net-link[data-transport="mesh"][data-encrypted="true"]').first()).toContainText('encrypted');
  await expect(badge(page)).toHaveAttribute('data-enforced', 'true');

  // Back to Flannel by typing the same command: one way to change a setting, the view follows.
  const input = page.getByTestId('console-input');
  await input.fill('cluster cni flannel');
  await input.press('Enter');
  await expect(legend(page)).toHaveAttribute('data-cni', 'flannel');
  await expect(badge(page)).toHaveAttribute('data-enforced', 'false');
});

test('the add-on switches send their cluster commands and follow the cluster settings', async ({ page }) => {
  await openApp(page, 'en');
  await page.getByRole('banner').getByRole('button', { name: 'Cluster settings' }).click();
  const lb = dialog(page).getByRole('switch', { name: /Load-balancer provider/ });
  await expect(lb).not.toBeChecked();
  await lb.check();
  await expect(consoleOutput(page)).toContainText('cluster load-balancer on');
  await expect(lb).toBeChecked();
  const ingress = dialog(page).getByRole('switch', { name: /Ingress controller/ });
  await ingress.focus();
  await page.keyboard.press('Space');
  await expect(consoleOutput(page)).toContainText('cluster ingress-controller on');
  await expect(ingress).toBeChecked();
  const atRest = dialog(page).getByRole('switch', { name: /Encryption at rest/ });
  await atRest.check();
  await expect(consoleOutput(page)).toContainText('cluster encryption-at-rest on');
  expect(await page.evaluate(() => window.__ko?.mirror.getState().settings)).toMatchObject({ loadBalancer: true, ingressController: true, encryptionAtRest: true });
});

test('a request traced from a pod shows on the Network view: its pods ringed and the outcome', async ({ page }) => {
  await setUp(page);
  const client = (await view(page).locator('[data-kind="Pod"][data-name^="web-"]').first().getAttribute('data-name')) as string;
  const input = page.getByTestId('console-input');
  await input.fill(`exec ${client} -- curl -s http://web`);
  await input.press('Enter');
  const caption = page.getByTestId('network-traffic');
  await expect(caption).toHaveAttribute('data-outcome', 'ok');
  await expect(caption).toHaveAttribute('data-served-by', /^default\/web-/);
  const served = ((await caption.getAttribute('data-served-by')) as string).split('/')[1] as string;
  await expect(view(page).locator(`[data-kind="Pod"][data-name="${served}"]`)).toHaveClass(/ko-net-traced/);
});

test("a node's details show the kube-proxy rules for a Service and the iptables-save text", async ({ page }) => {
  await setUp(page);
  const node = view(page).locator('[data-kind="Node"][data-name="worker-1"]');
  await node.focus();
  await page.keyboard.press('Enter');
  const details = page.getByTestId('details-panel');
  await expect(details).toHaveAttribute('data-selected-name', 'worker-1');
  await details.getByRole('tab', { name: 'Network' }).click();
  await expect(details.getByTestId('node-routes')).toContainText('dev flannel.1 onlink');

  const rules = details.getByTestId('kube-proxy-rules');
  const row = rules.locator(`[data-service="default/web"]`);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-chain', /^KUBE-SVC-[A-Z2-7]{16}$/);
  await expect(row.locator('li[data-endpoint]')).toHaveCount(2);
  await expect(row.locator('li[data-endpoint]').first()).toContainText('p=0.500');
  // The kubernetes Service is there too, as on any node.
  await expect(rules.locator(`[data-service="default/kubernetes"]`)).toHaveCount(1);

  await rules.getByText('Show iptables-save').click();
  const saved = details.getByTestId('iptables-save');
  await expect(saved).toBeVisible();
  await expect(saved).toContainText('*nat');
  await expect(saved).toContainText('-m statistic --mode random --probability 0.50000000000');
  await expect(saved).toContainText('"default/web cluster IP"');
});
