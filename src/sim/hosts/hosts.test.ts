import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import { runKubectl } from '../kubectl/run';
import { routeRequest, trafficEnvOf } from '../network/traffic';
import type { KubeObject } from '../objects';

function sh(c: Cluster, line: string) {
  return runKubectl(c, line, () => undefined);
}

function joinCommand(c: Cluster): string {
  return sh(c, 'ssh control-plane -- kubeadm token create --print-join-command').stdout.trim();
}

/** The guide's preparation steps, one ssh line each. */
function prepare(c: Cluster, name: string, skip: string[] = []): void {
  const steps: [string, string][] = [
    ['swap', `ssh ${name} -- sudo swapoff -a`],
    ['swap', `ssh ${name} -- sudo sed -i '/ swap / s/^/#/' /etc/fstab`],
    ['modules', `ssh ${name} -- printf 'overlay\\nbr_netfilter\\n' | sudo tee /etc/modules-load.d/k8s.conf`],
    ['modules', `ssh ${name} -- sudo modprobe overlay`],
    ['br_netfilter', `ssh ${name} -- sudo modprobe br_netfilter`],
    ['sysctl', `ssh ${name} -- printf 'net.bridge.bridge-nf-call-iptables = 1\\nnet.ipv4.ip_forward = 1\\n' | sudo tee /etc/sysctl.d/k8s.conf`],
    ['sysctl', `ssh ${name} -- sudo sysctl --system`],
    ['cgroup', `ssh ${name} -- containerd config default | sudo tee /etc/containerd/config.toml`],
    ['cgroup', `ssh ${name} -- sudo sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml`],
    ['cgroup', `ssh ${name} -- sudo systemctl restart containerd`],
  ];
  for (const [what, line] of steps) if (!skip.includes(what)) sh(c, line);
}

describe('host model and node shell', () => {
  it('a fresh machine has swap on, no br_netfilter and ip_forward 0, with real command outputs', () => {
    const c = createCluster({ seed: 3 });
    expect(sh(c, 'machine create worker-3').stdout).toContain('172.18.0.5');
    expect(sh(c, 'ssh worker-3 -- swapon --show').stdout).toBe('NAME      TYPE SIZE USED PRIO\n/swap.img file   4G   0B   -2\n');
    expect(sh(c, 'ssh worker-3 -- free -h').stdout).toMatch(/Swap:\s+4\.0Gi/);
    const bridge = sh(c, 'ssh worker-3 -- sysctl net.bridge.bridge-nf-call-iptables');
    expect(bridge.stderr).toBe('sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory\n');
    expect(sh(c, 'ssh worker-3 -- sysctl net.ipv4.ip_forward').stdout).toBe('net.ipv4.ip_forward = 0\n');
    expect(sh(c, 'ssh worker-3 -- lsmod | grep br_netfilter').exitCode).toBe(1);
    expect(sh(c, 'ssh worker-3 -- cat /etc/containerd/config.toml').stderr).toContain('No such file or directory');
    expect(sh(c, 'ssh worker-3 -- systemctl status kubelet').stdout).toContain('activating (auto-restart)');
    expect(sh(c, 'ssh worker-3 -- journalctl -u kubelet').stdout).toContain('open /var/lib/kubelet/config.yaml: no such file or directory');
    expect(sh(c, 'ssh worker-9 -- free -h').stderr).toContain('Could not resolve hostname worker-9');
  });

  it('each preparation step changes what the machine reports', () => {
    const c = createCluster({ seed: 3 });
    sh(c, 'machine create worker-3');
    prepare(c, 'worker-3');
    expect(sh(c, 'ssh worker-3 -- free -h').stdout).toMatch(/Swap:\s+0B\s+0B\s+0B/);
    expect(sh(c, 'ssh worker-3 -- grep swap /etc/fstab').stdout).toMatch(/^#\/swap\.img/);
    expect(sh(c, 'ssh worker-3 -- lsmod | grep br_netfilter').stdout).toMatch(/^br_netfilter\s+\d+\s+0\nbridge\s+\d+\s+1 br_netfilter\n$/);
    expect(sh(c, 'ssh worker-3 -- sysctl net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables').stdout).toBe('net.ipv4.ip_forward = 1\nnet.bridge.bridge-nf-call-iptables = 1\n');
    expect(sh(c, 'ssh worker-3 -- grep SystemdCgroup /etc/containerd/config.toml').stdout.trim()).toBe('SystemdCgroup = true');
    expect(sh(c, "ssh worker-3 -- sudo sysctl -w net.ipv4.ip_forward=0").stdout).toBe('net.ipv4.ip_forward = 0\n');
  });

  it('sysctl --system before br_netfilter is loaded cannot set the bridge key', () => {
    const c = createCluster({ seed: 3 });
    sh(c, 'machine create worker-3');
    sh(c, "ssh worker-3 -- printf 'net.bridge.bridge-nf-call-iptables = 1\\nnet.ipv4.ip_forward = 1\\n' > /etc/sysctl.d/k8s.conf");
    const r = sh(c, 'ssh worker-3 -- sysctl --system');
    expect(r.stdout).toContain('* Applying /etc/sysctl.d/k8s.conf ...\nnet.ipv4.ip_forward = 1\n');
    expect(r.stderr).toBe('sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory\n');
  });
});

describe('kubeadm join', () => {
  it('prints a join command whose token is a bootstrap-token Secret; a wrong token is refused', () => {
    const c = createCluster({ seed: 3 });
    const cmd = joinCommand(c);
    expect(cmd).toMatch(/^kubeadm join 172\.18\.0\.2:6443 --token [a-z0-9]{6}\.[a-z0-9]{16} --discovery-token-ca-cert-hash sha256:[0-9a-f]{64}$/);
    const id = /--token ([a-z0-9]{6})/.exec(cmd)?.[1];
    expect(sh(c, `get secret -n kube-system bootstrap-token-${id}`).exitCode).toBe(0);
    sh(c, 'machine create worker-3');
    prepare(c, 'worker-3');
    const wrong = sh(c, `ssh worker-3 -- ${cmd.replace(/--token \S+/, '--token abcdef.0123456789abcdef')}`);
    expect(wrong.stderr).toContain(`couldn't validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "abcdef"`);
    expect(sh(c, 'ssh worker-1 -- kubeadm token create').stderr).toContain('admin.conf');
  });

  it('preflight on a fresh machine: swap is a warning, ip_forward an error; --ignore-preflight-errors makes it non-fatal', () => {
    const c = createCluster({ seed: 3 });
    sh(c, 'machine create worker-3');
    const cmd = joinCommand(c);
    const r = sh(c, `ssh worker-3 -- sudo ${cmd}`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('[preflight] Running pre-flight checks\n');
    expect(r.stderr).toContain('\t[WARNING Swap]: swap is supported for cgroup v2 only.');
    expect(r.stderr).toContain('error execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1\n');
    expect(r.stderr).toContain('you can make a check non-fatal with `--ignore-preflight-errors=...`');
    expect(r.stderr).not.toMatch(/br_netfilter|bridge-nf-call/);
    expect(sh(c, 'get node worker-3').exitCode).toBe(1);
  });

  it('swap on: the kubelet will not start, join fails after preflight and no Node appears; swapoff lets it register', () => {
    const c = createCluster({ seed: 3 });
    sh(c, 'machine create worker-3');
    prepare(c, 'worker-3', ['swap']);
    const r = sh(c, `ssh worker-3 -- ${joinCommand(c)}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[WARNING Swap]');
    expect(r.stderr).toContain('[kubelet-check] The kubelet is not healthy after 4m0');
    expect(r.stderr).toContain('error execution phase kubelet-start:');
    expect(sh(c, 'ssh worker-3 -- journalctl -u kubelet').stdout).toContain('"command failed" err="failed to run Kubelet: running with swap on is not supported, please disable swap or set --fail-swap-on flag to false"');
    expect(sh(c, 'get node worker-3').exitCode).toBe(1);
    sh(c, 'ssh worker-3 -- swapoff -a');
    expect(sh(c, 'get node worker-3').exitCode).toBe(0);
    expect(sh(c, 'ssh worker-3 -- systemctl is-active kubelet').stdout).toBe('active\n');
  });

  it('a prepared machine joins: kubeadm prints the joined block and the Node exists with the machine IP', () => {
    const c = createCluster({ seed: 3 });
    sh(c, 'machine create worker-3');
    prepare(c, 'worker-3');
    const r = sh(c, `ssh worker-3 -- ${joinCommand(c)}`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('This node has joined the cluster:\n* Certificate signing request was sent to apiserver and a response was received.');
    expect(sh(c, 'get node worker-3 -o jsonpath={.status.addresses[0].address}').stdout).toBe('172.18.0.5');
    expect(c.records.some((x) => x.code === 'record.nodeadmin.join' && x.params?.node === 'worker-3')).toBe(true);
    // Joining twice trips kubeadm's own preflight.
    expect(sh(c, `ssh worker-3 -- ${joinCommand(c)}`).stderr).toContain('[ERROR FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists');
  });

  it('cgroup driver mismatch: the node is NotReady and pods there never get a sandbox until containerd uses systemd', () => {
    const c = createCluster({ seed: 3 });
    sh(c, 'machine create worker-3');
    prepare(c, 'worker-3', ['cgroup']);
    expect(sh(c, `ssh worker-3 -- ${joinCommand(c)}`).exitCode).toBe(0);
    c.runUntilSettled();
    const node = c.store.get<KubeObject & { status?: { conditions?: { type: string; status: string; message?: string }[] } }>('nodes', undefined, 'worker-3');
    const ready = node?.status?.conditions?.find((x) => x.type === 'Ready');
    expect(ready?.status).toBe('False');
    expect(ready?.message).toContain('cni plugin not initialized');
    expect(sh(c, 'ssh worker-3 -- journalctl -u kubelet').stdout).toContain('cgroupDriver="systemd"');
    const onNode = c.store.list<KubeObject & { spec?: { nodeName?: string }; status?: { phase?: string } }>('pods').filter((p) => p.spec?.nodeName === 'worker-3');
    for (const p of onNode) expect(p.status?.phase ?? 'Pending').toBe('Pending');
    if (onNode.length) expect(c.store.list<KubeObject & { reason?: string }>('events').some((e) => e.reason === 'SandboxChanged')).toBe(true);
    sh(c, "ssh worker-3 -- containerd config default | tee /etc/containerd/config.toml");
    sh(c, "ssh worker-3 -- sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml");
    sh(c, 'ssh worker-3 -- systemctl restart containerd');
    expect(c.hosts.problemsOf('worker-3')?.cgroupMismatch).toBeUndefined();
  });

  it('a joined node whose swap comes back fails on kubelet restart and goes Unknown', () => {
    const c = createCluster({ seed: 3 });
    sh(c, 'ssh worker-1 -- swapon -a');
    expect(sh(c, 'ssh worker-1 -- swapon --show').stdout).toBe('');
    sh(c, "ssh worker-1 -- sed -i 's/^#\\/swap.img/\\/swap.img/' /etc/fstab");
    sh(c, 'ssh worker-1 -- swapon -a');
    sh(c, 'ssh worker-1 -- systemctl restart kubelet');
    expect(sh(c, 'ssh worker-1 -- systemctl status kubelet').stdout).toContain('activating (auto-restart)');
    c.tickN(60);
    expect(sh(c, 'get node worker-1').stdout).toMatch(/worker-1\s+NotReady/);
  });
});

describe('br_netfilter and Service traffic', () => {
  it('without br_netfilter a pod reaching a Service endpoint on its own node never gets the reply', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    const files: Record<string, string> = {
      'web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox:1.36, command: [sleep, '3600']}]
`,
    };
    expect(runKubectl(c, 'apply -f web.yaml', (n) => files[n]).exitCode).toBe(0);
    c.runUntilSettled();
    const client = c.store.get<KubeObject>('pods', 'default', 'client');
    const curl = () => routeRequest(trafficEnvOf(c), { kind: 'pod', pod: client as never }, 'http://web/');
    expect(curl().trace.outcome).toBe('ok');
    sh(c, 'ssh worker-1 -- modprobe -r br_netfilter');
    const t = curl().trace;
    expect(t.outcome).toBe('timeout');
    const hop = t.hops.find((h) => h.code === 'network.traffic.brNetfilter');
    expect(hop?.node).toBe('worker-1');
    expect(hop?.text).toContain('br_netfilter is not loaded on worker-1');
  });
});

describe('determinism', () => {
  it('the same machine commands give byte-identical exportState, and the hosts survive a save', () => {
    const run = () => {
      const c = createCluster({ seed: 5 });
      sh(c, 'machine create worker-3');
      prepare(c, 'worker-3');
      sh(c, `ssh worker-3 -- ${joinCommand(c)}`);
      c.tickN(5);
      return c;
    };
    const a = run();
    const b = run();
    expect(JSON.stringify(a.exportState())).toBe(JSON.stringify(b.exportState()));
    expect(a.exportState().hosts?.map((h) => h.name)).toEqual(['worker-3', 'control-plane']);
  });
});
