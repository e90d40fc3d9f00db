import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, openApp, runInConsole, setEditorText } from './helpers';

/**
 * Issue 6's "done means" for node preparation, through the console as a learner types it: a fresh
 * machine is prepared in its shell (`ssh worker-3 -- ...`) and joined with the line kubeadm printed
 * on the control plane, and shows up Ready in the Nodes view; a machine that skipped br_netfilter
 * joins too (kubeadm >= 1.30 no longer checks it), and Service traffic from its pods fails at the
 * bridge with a hop that says why; lesson 14 opens in Korean.
 */

/** Server and client both on the machine being prepared: its bridge carries the request and the reply. */
const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: server
  labels:
    app: web
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-3
  containers:
  - name: hostnames
    image: registry.k8s.io/e2e-test-images/agnhost:2.53
    args: ["serve-hostname"]
    ports:
    - containerPort: 9376
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
    targetPort: 9376
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-3
  containers:
  - name: curl
    image: curlimages/curl:8.18.0
    command: ["sleep", "infinity"]
`;

const lastStdout = (page: Page) => consoleOutput(page).locator('pre[data-stream="stdout"]').last();
const lastStderr = (page: Page) => consoleOutput(page).locator('pre[data-stream="stderr"]').last();
const nodeChip = (page: Page, name: string) => page.locator(`[data-kind="Node"][data-name="${name}"]`);

/** Every step the guide asks for, br_netfilter (module, modules-load.d line, bridge sysctl) only when asked. */
function preparation(machine: string, withBridgeNetfilter: boolean): string[] {
  const ssh = `ssh ${machine} --`;
  const modules = withBridgeNetfilter ? ['overlay', 'br_netfilter'] : ['overlay'];
  const sysctls = withBridgeNetfilter ? ['net.bridge.bridge-nf-call-iptables = 1', 'net.ipv4.ip_forward = 1'] : ['net.ipv4.ip_forward = 1'];
  return [
    `${ssh} swapoff -a`,
    `${ssh} sed -i '/swap/ s/^/#/' /etc/fstab`,
    ...modules.map((m) => `${ssh} modprobe ${m}`),
    ...modules.map((m) => `${ssh} 'echo ${m} | tee -a /etc/modules-load.d/k8s.conf'`),
    ...sysctls.map((l) => `${ssh} 'echo ${l} | tee -a /etc/sysctl.d/k8s.conf'`),
    `${ssh} sysctl --system`,
    `${ssh} 'mkdir -p /etc/containerd && containerd config default > /etc/containerd/config.toml'`,
    `${ssh} sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml`,
    `${ssh} systemctl restart containerd`,
  ];
}

/** Prints a join command on the control plane and returns the line kubeadm printed. */
async function printJoin(page: Page): Promise<string> {
  await runInConsole(page, 'ssh control-plane -- kubeadm token create --print-join-command');
  const printed = (await lastStdout(page).textContent()) ?? '';
  const line = /kubeadm join \S+ --token \S+ --discovery-token-ca-cert-hash sha256:[0-9a-f]+/.exec(printed)?.[0];
  expect(line, printed).toBeTruthy();
  return line as string;
}

async function joinPrepared(page: Page, machine: string, withBridgeNetfilter: boolean): Promise<void> {
  await runInConsole(page, `machine create ${machine}`);
  const join = await printJoin(page);

  // Joining the fresh machine first: kubeadm's preflight refuses, with its real error lines.
  await runInConsole(page, `ssh ${machine} -- ${join}`);
  await expect(lastStderr(page)).toContainText('[WARNING Swap]');
  await expect(lastStderr(page)).toContainText('[ERROR FileContent--proc-sys-net-ipv4-ip_forward]');
  await expect(nodeChip(page, machine)).toHaveCount(0);

  for (const line of preparation(machine, withBridgeNetfilter)) await runInConsole(page, line);
  await runInConsole(page, `ssh ${machine} -- sysctl net.ipv4.ip_forward`);
  await expect(lastStdout(page)).toContainText('net.ipv4.ip_forward = 1');

  await runInConsole(page, `ssh ${machine} -- ${join}`);
  await expect(lastStdout(page)).toContainText('This node has joined the cluster');
  await runInConsole(page, 'settle');
}

test('a machine prepared in its shell joins with the printed line and is Ready in the Nodes view', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await joinPrepared(page, 'worker-3', true);

  await expect(nodeChip(page, 'worker-3')).toHaveAttribute('data-ready', 'True');
  await runInConsole(page, 'kubectl get nodes');
  await expect(lastStdout(page)).toContainText(/worker-3\s+Ready/);
});

test('a node that skipped br_netfilter joins, and Service traffic from its pod fails at the bridge', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await setEditorText(page, PODS);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(consoleOutput(page)).toContainText('pod/client created');

  await joinPrepared(page, 'worker-3', false);
  await expect(nodeChip(page, 'worker-3')).toHaveAttribute('data-ready', 'True');

  // The Services view draws the traced request, hop by hop.
  const tabs = page.getByRole('tablist', { name: 'Graph views' });
  await tabs.getByRole('tab', { name: 'Services' }).click();
  await expect(tabs.getByRole('tab', { name: 'Services' })).toHaveAttribute('aria-selected', 'true');
  await runInConsole(page, 'kubectl exec client -- curl -sS --max-time 5 http://web');
  await expect(lastStderr(page)).toContainText('curl: (28)');
  const panel = page.getByTestId('traffic');
  await expect(panel).not.toHaveAttribute('data-outcome', 'ok');
  await expect(panel.locator('.ko-traffic-caption li.ko-caption-failed').first()).toContainText('br_netfilter');

  // The fix the lesson teaches: load the module and set the bridge sysctl; the same request answers.
  await runInConsole(page, 'ssh worker-3 -- modprobe br_netfilter');
  await runInConsole(page, "ssh worker-3 -- 'echo net.bridge.bridge-nf-call-iptables = 1 | tee -a /etc/sysctl.d/k8s.conf'");
  await runInConsole(page, 'ssh worker-3 -- sysctl --system');
  await runInConsole(page, 'kubectl exec client -- curl -sS --max-time 5 http://web');
  await expect(panel).toHaveAttribute('data-outcome', 'ok');
  await expect(panel).toHaveAttribute('data-served-by', 'default/server');
});

test('lesson 14 opens in Korean and its first step can be completed through the UI', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, 'ko');
  const panel = page.getByTestId('lesson-panel');
  const version = await page.evaluate(() => window.__ko?.mirror.getState().version ?? 0);
  await panel.locator('[data-lesson="architecture"]').getByRole('button').click();
  await expect.poll(() => page.evaluate(() => window.__ko?.mirror.getState().version ?? 0)).toBeGreaterThan(version);
  await expect(panel.getByRole('heading', { name: /클러스터 아키텍처/ })).toBeVisible();

  const step = panel.locator('article.lesson-step');
  await expect(step).toHaveAttribute('data-step', 'components');
  await expect(step).toContainText('etcd를 읽고 쓰는 유일한 구성 요소');
  const goals = step.locator('li[data-goal]');
  await expect(goals).toHaveCount(2);
  for (const g of await goals.all()) await expect(g).toHaveAttribute('data-met', 'false');

  await step.getByRole('button', { name: '콘솔에 복사' }).click();
  const input = page.getByTestId('console-input');
  await expect(input).toHaveValue(/get pods -n kube-system -o wide$/);
  await input.press('Enter');
  await expect(consoleOutput(page)).toContainText('kube-apiserver-control-plane');

  for (const g of await goals.all()) await expect(g).toHaveAttribute('data-met', 'true');
  await expect(step.locator('.lesson-explain')).toContainText('시스템 서비스');
});
