import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { HostState } from '../hosts/state';
import { KUBELET_CONFIG, KUBELET_KUBECONFIG, hostProblems, kubeletConfigYaml } from '../hosts/state';
import type { Out } from '../hosts/system';
import { fail, ok } from '../hosts/system';
import { startKubelet } from '../hosts/kubeletService';
import { base64OfText, textOfBase64 } from '../api/base64';
import { sha256Hex } from '../network/sha256';

export const API_ENDPOINT = '172.18.0.2:6443';
const TOKEN_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The sha256 of the cluster CA's public key, as `--discovery-token-ca-cert-hash` pins it (one per cluster seed). */
export function caCertHash(cluster: Cluster): string {
  return 'sha256:' + sha256Hex(`kube-orchestra cluster CA public key, seed ${cluster.options.seed}`);
}

function randomChars(cluster: Cluster, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += TOKEN_CHARS[cluster.random.int(TOKEN_CHARS.length)];
  return s;
}

/** The token's Secret (kube-system/bootstrap-token-<id>, type bootstrap.kubernetes.io/token), if it exists. */
function tokenSecret(cluster: Cluster, id: string): KubeObject | undefined {
  return cluster.store.get<KubeObject>('secrets', 'kube-system', `bootstrap-token-${id}`);
}

/** `kubeadm token create [--print-join-command]` on the control plane: a bootstrap token stored as a Secret. */
function tokenCreate(cluster: Cluster, args: string[]): Out {
  const id = randomChars(cluster, 6);
  const secret = randomChars(cluster, 16);
  const expiration = new Date(cluster.clock.nowMillis() + 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const obj: KubeObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `bootstrap-token-${id}`, namespace: 'kube-system' },
    type: 'bootstrap.kubernetes.io/token',
    data: {
      'auth-extra-groups': base64OfText('system:bootstrappers:kubeadm:default-node-token'),
      expiration: base64OfText(expiration),
      'token-id': base64OfText(id),
      'token-secret': base64OfText(secret),
      'usage-bootstrap-authentication': base64OfText('true'),
      'usage-bootstrap-signing': base64OfText('true'),
    },
  } as KubeObject;
  const res = cluster.userClient().as('kubeadm').create(obj, { reason: `kubeadm token create stores bootstrap token ${id} as a Secret in kube-system`, code: 'record.kubeadm.token', params: { id } });
  if (!res.ok) return fail(`failed to create or update bootstrap token with name bootstrap-token-${id}`);
  const token = `${id}.${secret}`;
  if (!args.includes('--print-join-command')) return ok(token + '\n');
  return ok(`kubeadm join ${API_ENDPOINT} --token ${token} --discovery-token-ca-cert-hash ${caCertHash(cluster)} \n`);
}

function tokenList(cluster: Cluster): Out {
  const rows = cluster.store
    .list<KubeObject>('secrets', { namespace: 'kube-system' })
    .filter((s) => (s as { type?: string }).type === 'bootstrap.kubernetes.io/token')
    .map((s) => {
      const d = (s as { data?: Record<string, string> }).data ?? {};
      const dec = (k: string) => textOfBase64(d[k] ?? '') ?? '';
      return `${`${dec('token-id')}.${dec('token-secret')}`.padEnd(26)}${'23h'.padEnd(6)}${dec('expiration').padEnd(23)}authentication,signing   <none>        system:bootstrappers:kubeadm:default-node-token`;
    });
  return ok(['TOKEN                     TTL   EXPIRES                USAGES                   DESCRIPTION   EXTRA GROUPS', ...rows].join('\n') + '\n');
}

function flagValue(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return undefined;
  const a = args[i] as string;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}

const PREFLIGHT_HINT = '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`\nTo see the stack trace of this error execute with --v=5 or higher\n';

interface Check {
  name: string;
  message: string;
  /** kubeadm reports it as a warning whatever happens. */
  warningOnly?: boolean;
}

/** kubeadm 1.34's join preflight checks that a machine can fail here (br_netfilter is no longer checked since 1.30). */
export function preflightChecks(host: HostState): Check[] {
  const out: Check[] = [];
  const p = hostProblems(host);
  if (host.cluster !== 'none') {
    out.push({ name: 'FileAvailable--etc-kubernetes-kubelet.conf', message: '/etc/kubernetes/kubelet.conf already exists' });
    if (host.services.kubelet === 'active') out.push({ name: 'Port-10250', message: 'Port 10250 is in use' });
    out.push({ name: 'FileAvailable--etc-kubernetes-pki-ca.crt', message: '/etc/kubernetes/pki/ca.crt already exists' });
  }
  if (p.containerdDown) {
    out.push({ name: 'CRI', message: 'container runtime is not running: output: time="2026-01-01T09:00:00Z" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/containerd/containerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: no such file or directory\\""\n, error: exit status 1' });
  }
  if (p.swapOn) out.push({ name: 'Swap', message: 'swap is supported for cgroup v2 only. The kubelet must be properly configured to use swap. Please refer to https://kubernetes.io/docs/concepts/architecture/nodes/#swap-memory, or disable swap on the node', warningOnly: true });
  if (!p.ipForward) out.push({ name: 'FileContent--proc-sys-net-ipv4-ip_forward', message: '/proc/sys/net/ipv4/ip_forward contents are not set to 1' });
  return out;
}

const KUBELET_FAILED = (reason: string) => `[kubelet-check] The kubelet is not healthy after 4m0.000488545s

Unfortunately, an error has occurred, likely caused by:
	- The kubelet is not running
	- The kubelet is unhealthy due to a misconfiguration of the node in some way (required cgroups disabled)

If you are on a systemd-powered system, you can try to troubleshoot the error with the following commands:
	- 'systemctl status kubelet'
	- 'journalctl -xeu kubelet'

error execution phase kubelet-start: ${reason}
To see the stack trace of this error execute with --v=5 or higher
`;

export interface JoinHooks {
  /** The kubelet came up after TLS bootstrap: register the Node (done by the caller, which knows the cluster). */
  register(host: HostState): string | undefined;
}

function join(cluster: Cluster, host: HostState, args: string[], hooks: JoinHooks): Out {
  const endpoint = args.find((a) => !a.startsWith('-') && a !== flagValue(args, '--token') && a !== flagValue(args, '--discovery-token-ca-cert-hash'));
  const token = flagValue(args, '--token');
  const hash = flagValue(args, '--discovery-token-ca-cert-hash');
  const ignored = new Set((flagValue(args, '--ignore-preflight-errors') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
  if (!token) return fail('discovery: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue');
  if (!/^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(token)) return fail(`[discovery.bootstrapToken.token: Invalid value: "${token}": the bootstrap token is invalid, discovery.tlsBootstrapToken: Invalid value: "${token}": the bootstrap token is invalid]`);
  if (!hash) return fail('discovery.bootstrapToken: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue');
  let stdout = '[preflight] Running pre-flight checks\n';
  let stderr = '';
  const errors: Check[] = [];
  for (const c of preflightChecks(host)) {
    if (c.warningOnly || ignored.has('all') || ignored.has(c.name.toLowerCase())) stderr += `\t[WARNING ${c.name}]: ${c.message}\n`;
    else errors.push(c);
  }
  if (errors.length) {
    return { stdout, stderr: stderr + 'error execution phase preflight: [preflight] Some fatal errors occurred:\n' + errors.map((c) => `\t[ERROR ${c.name}]: ${c.message}\n`).join('') + PREFLIGHT_HINT, code: 1 };
  }
  if (endpoint !== API_ENDPOINT) {
    return { stdout, stderr: stderr + `error execution phase preflight: couldn't validate the identity of the API Server: failed to request the cluster-info ConfigMap: Get "https://${endpoint ?? ''}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp ${endpoint ?? ''}: connect: connection refused\n` + PREFLIGHT_HINT.split('\n')[1] + '\n', code: 1 };
  }
  const [id, secret] = token.split('.') as [string, string];
  const stored = tokenSecret(cluster, id);
  const storedSecret = textOfBase64(((stored as { data?: Record<string, string> } | undefined)?.data ?? {})['token-secret'] ?? '');
  if (!stored || storedSecret !== secret) {
    return { stdout, stderr: stderr + `error execution phase preflight: couldn't validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "${id}"\nTo see the stack trace of this error execute with --v=5 or higher\n`, code: 1 };
  }
  if (hash.toLowerCase() !== caCertHash(cluster)) {
    return { stdout, stderr: stderr + `error execution phase preflight: couldn't validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "${caCertHash(cluster)}" are pinned\nTo see the stack trace of this error execute with --v=5 or higher\n`, code: 1 };
  }
  stdout += `[preflight] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...
[preflight] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.
[kubelet-start] Writing kubelet configuration to file "${KUBELET_CONFIG}"
[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"
[kubelet-start] Starting the kubelet
[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s
`;
  host.files[KUBELET_CONFIG] = kubeletConfigYaml(host.kubeletCgroupDriver);
  host.files['/var/lib/kubelet/kubeadm-flags.env'] = 'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10.1"\n';
  host.files['/etc/kubernetes/bootstrap-kubelet.conf'] = '';
  host.files['/etc/kubernetes/pki/ca.crt'] = '';
  host.cluster = 'bootstrapping';
  startKubelet(host, cluster.clock.tick, cluster.clock.nowMillis());
  if (host.services.kubelet !== 'active') {
    return { stdout, stderr: stderr + KUBELET_FAILED(`The HTTP call equal to 'curl -sSL http://127.0.0.1:10248/healthz' returned error: Get "http://127.0.0.1:10248/healthz": dial tcp 127.0.0.1:10248: connect: connection refused`), code: 1 };
  }
  const err = hooks.register(host);
  if (err) return { stdout, stderr: stderr + `error execution phase kubelet-start: ${err}\n`, code: 1 };
  return {
    stdout:
      stdout +
      `[kubelet-check] The kubelet is healthy after 1.002083354s
[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap

This node has joined the cluster:
* Certificate signing request was sent to apiserver and a response was received.
* The Kubelet was informed of the new secure connection details.

Run 'kubectl get nodes' on the control-plane to see this node join the cluster.

`,
    stderr,
    code: 0,
  };
}

/** `kubeadm reset -f`: what join wrote is removed and the kubelet stopped (the Node object stays, as in kubeadm). */
function reset(host: HostState, cluster: Cluster): Out {
  for (const f of [KUBELET_CONFIG, KUBELET_KUBECONFIG, '/etc/kubernetes/bootstrap-kubelet.conf', '/etc/kubernetes/pki/ca.crt', '/var/lib/kubelet/kubeadm-flags.env']) delete host.files[f];
  const wasRegistered = host.cluster === 'registered';
  host.cluster = 'none';
  startKubelet(host, cluster.clock.tick, cluster.clock.nowMillis());
  return ok(
    `[reset] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[preflight] Running pre-flight checks\n[reset] Stopping the kubelet service\n[reset] Unmounting mounted directories in "/var/lib/kubelet"\n[reset] Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]\n[reset] Deleting files: [/etc/kubernetes/admin.conf /etc/kubernetes/kubelet.conf /etc/kubernetes/bootstrap-kubelet.conf]\n\nThe reset process does not clean your kubeconfig files and you must remove them manually.\n${wasRegistered ? `The Node ${host.name} still exists: delete it with 'kubectl delete node ${host.name}'.\n` : ''}`,
  );
}

/** `kubeadm ...` run on a machine. */
export function runKubeadm(cluster: Cluster, host: HostState, args: string[], hooks: JoinHooks): Out {
  const [verb, sub] = args;
  if (verb === 'version') return ok(args.includes('short') ? `${host.versions.kubeadm}\n` : `kubeadm version: &version.Info{Major:"1", Minor:"34", GitVersion:"${host.versions.kubeadm}", GoVersion:"go1.24.6", Compiler:"gc", Platform:"linux/amd64"}\n`);
  if (verb === 'token') {
    if (host.name !== 'control-plane') return fail('failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory\nTo see the stack trace of this error execute with --v=5 or higher');
    if (sub === 'create') return tokenCreate(cluster, args.slice(2));
    if (sub === 'list') return tokenList(cluster);
    return fail(`unknown command "${sub ?? ''}" for "kubeadm token"`);
  }
  if (verb === 'join') {
    if (host.name === 'control-plane') return fail('error execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists\n' + PREFLIGHT_HINT);
    return join(cluster, host, args.slice(1), hooks);
  }
  if (verb === 'reset') return reset(host, cluster);
  return fail(`Kube Orchestra simulates "kubeadm join", "kubeadm token create|list", "kubeadm reset" and "kubeadm version" on machines; "kubeadm ${verb ?? ''}" is not simulated`);
}
