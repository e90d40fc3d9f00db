import { syncStaticManifests } from '../components/manifests';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { NodeObject } from '../scheduler/types';
import type { HostState } from '../hosts/state';
import { freshHost, hostProblems } from '../hosts/state';
import { kubeletStartError, startKubelet } from '../hosts/kubeletService';
import { runShell } from '../hosts/shell';
import { KUBELET_STOPPED_ANNOTATION, kubeletStopped } from '../kubelet/node';
import { formatRFC3339 } from '../clock';
import { freeIndex, joinNode } from './nodeadmin';
import { runKubeadm } from './kubeadm';
import { usage } from './errors';
import type { KubectlResult } from './types';

const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
const CNI_NOT_READY = 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';
const MACHINE_USAGE = 'usage: machine create NAME | machine list (Kube Orchestra: a fresh Ubuntu 24.04 machine to prepare and join with kubeadm join)';
const NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const result = (stdout: string, stderr: string, code: number): KubectlResult => ({ stdout, stderr, exitCode: code ? 1 : 0 });

/** The Ready condition and not-ready taint the kubelet posts while pod sandboxes cannot start (cgroup driver mismatch). */
function withReadiness(node: KubeObject, ready: boolean, now: string): KubeObject {
  const n = node as NodeObject;
  const conditions = (n.status?.conditions ?? []).map((c) =>
    c.type !== 'Ready'
      ? c
      : ready
        ? { ...c, status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now, ...(c.status !== 'True' ? { lastTransitionTime: now } : {}) }
        : { ...c, status: 'False', reason: 'KubeletNotReady', message: CNI_NOT_READY, lastHeartbeatTime: now, ...(c.status !== 'False' ? { lastTransitionTime: now } : {}) },
  );
  const taints = (n.spec?.taints ?? []).filter((t) => t.key !== NOT_READY_TAINT);
  if (!ready) taints.push({ key: NOT_READY_TAINT, effect: 'NoSchedule' });
  const spec = { ...n.spec };
  if (taints.length) spec.taints = taints;
  else delete spec.taints;
  return { ...n, spec, status: { ...n.status, conditions } } as KubeObject;
}

/** After a command on a machine, the cluster sees what its kubelet now does. */
function syncWithCluster(cluster: Cluster, host: HostState): void {
  // systemd restarts a crashed kubelet every 10s: once nothing stops it any more, it comes up.
  if (host.services.kubelet === 'activating' && !kubeletStartError(host)) startKubelet(host, cluster.clock.tick, cluster.clock.nowMillis());
  const kubeletUp = host.services.kubelet === 'active';
  if (host.cluster === 'bootstrapping' && kubeletUp) {
    if (!register(cluster, host)) host.cluster = 'registered';
    return;
  }
  if (host.cluster !== 'registered') return;
  const node = cluster.store.get<NodeObject>('nodes', undefined, host.name);
  if (!node) return;
  const client = cluster.userClient().as(`kubelet/${host.name}`);
  const stopped = kubeletStopped(node);
  if (!kubeletUp && !stopped) {
    const annotations = { ...node.metadata.annotations, [KUBELET_STOPPED_ANNOTATION]: cluster.clock.nowRFC3339() };
    client.update({ ...node, metadata: { ...node.metadata, annotations } } as KubeObject, { reason: `The kubelet on ${host.name} is not running (journalctl -u kubelet says why), so it stops posting node status`, code: 'record.hosts.kubeletDown', params: { node: host.name } });
    return;
  }
  if (!kubeletUp) return;
  let current: NodeObject = node;
  if (stopped) {
    const annotations = { ...node.metadata.annotations };
    delete annotations[KUBELET_STOPPED_ANNOTATION];
    const res = client.update({ ...node, metadata: { ...node.metadata, annotations } } as KubeObject, { reason: `The kubelet on ${host.name} runs again`, code: 'record.hosts.kubeletUp', params: { node: host.name } });
    if (res.ok) current = res.object as NodeObject;
  }
  const mismatch = hostProblems(host).cgroupMismatch;
  const ready = current.status?.conditions?.find((c) => c.type === 'Ready');
  const wantReady = !mismatch;
  const isNotReadyByUs = ready?.status === 'False' && ready.message === CNI_NOT_READY;
  if (!wantReady && ready?.status !== 'False') {
    client.updateStatus(withReadiness(current as KubeObject, false, cluster.clock.nowRFC3339()), { reason: `Pod sandboxes on ${host.name} keep failing: ${mismatch ?? ''}; the CNI pod cannot start, so the node is NotReady`, code: 'record.hosts.cgroupMismatch', params: { node: host.name } });
    const res = cluster.store.get<NodeObject>('nodes', undefined, host.name);
    if (res) client.update(withReadiness(res as KubeObject, false, cluster.clock.nowRFC3339()), { reason: `${host.name} is not ready: taint it so nothing new is scheduled there`, code: 'record.hosts.cgroupMismatch', params: { node: host.name } });
  } else if (wantReady && isNotReadyByUs && current.status?.conditions?.find((c) => c.type === 'NetworkUnavailable')?.status !== 'True') {
    const res = client.updateStatus(withReadiness(current as KubeObject, true, cluster.clock.nowRFC3339()), { reason: `containerd and the kubelet now use the same cgroup driver on ${host.name}: sandboxes start and the node posts Ready`, code: 'record.hosts.ready', params: { node: host.name } });
    const fresh = cluster.store.get<NodeObject>('nodes', undefined, host.name);
    if (res.ok && fresh) client.update(withReadiness(fresh as KubeObject, true, cluster.clock.nowRFC3339()), { reason: `${host.name} is Ready: its not-ready taint is removed`, code: 'record.hosts.ready', params: { node: host.name } });
    cluster.manager.resync('pods', cluster.store);
  } else if (wantReady && host.hadMismatch) cluster.manager.resync('pods', cluster.store);
  host.hadMismatch = !wantReady || undefined;
}

/** The kubelet TLS-bootstraps and registers the Node; NotReady straight away when sandboxes cannot start. */
function register(cluster: Cluster, host: HostState): string | undefined {
  const mismatch = hostProblems(host).cgroupMismatch;
  const now = cluster.clock.nowRFC3339();
  const err = joinNode(cluster, host.name, { index: host.index, adjust: (n) => (mismatch ? withReadiness(n, false, now) : n) });
  if (!err) host.cluster = 'registered';
  return err;
}

function createMachine(cluster: Cluster, name: string | undefined): KubectlResult {
  if (!name || !NAME_RE.test(name)) throw usage(MACHINE_USAGE);
  if (cluster.hosts.get(name) || cluster.store.get('nodes', undefined, name)) return result('', `machine "${name}" already exists\n`, 1);
  const index = freeIndex(cluster, cluster.hosts.list().map((h) => h.index));
  const host = freshHost(name, index);
  host.since = { containerd: cluster.clock.tick, kubelet: cluster.clock.tick };
  startKubelet(host, cluster.clock.tick, cluster.clock.nowMillis());
  cluster.hosts.add(host);
  return result(`machine/${name} created (Ubuntu 24.04, ${host.ip}; containerd ${host.containerdVersion}, kubeadm/kubelet/kubectl ${host.versions.kubeadm} installed)\nPrepare it with: ssh ${name} -- COMMAND\n`, '', 0);
}

function listMachines(cluster: Cluster): KubectlResult {
  const names = new Set([...cluster.store.list<NodeObject>('nodes').map((n) => n.metadata.name), ...cluster.hosts.list().map((h) => h.name)]);
  const rows = [...names].sort().map((name) => {
    const h = cluster.hosts.machine(name, []);
    if (!h) return [name, '-', 'node (prepared)', '-', 'active', 'active'];
    const p = hostProblems(h);
    return [name, h.ip, h.cluster === 'registered' ? 'node' : h.cluster === 'bootstrapping' ? 'joining' : 'not joined', p.swapOn ? 'on' : 'off', h.services.containerd, h.services.kubelet];
  });
  const table = [['NAME', 'IP', 'CLUSTER', 'SWAP', 'CONTAINERD', 'KUBELET'], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  return result(table.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('')).join('\n') + '\n', '', 0);
}

/** `machine create NAME` / `machine list`. */
export function runMachine(cluster: Cluster, words: string[]): KubectlResult {
  const [verb, name, ...rest] = words;
  if (verb === 'create' && !rest.length) return createMachine(cluster, name);
  if (verb === 'list' && !name) return listMachines(cluster);
  throw usage(MACHINE_USAGE);
}

/** `ssh NAME -- COMMAND LINE` (or `ssh NAME 'COMMAND LINE'`): one shell line on a machine, as root. */
export function runSsh(cluster: Cluster, line: string): KubectlResult {
  const m = /^ssh\s+(?:\S+@)?([^\s]+)\s*(?:--\s*)?([\s\S]*)$/.exec(line.trim());
  if (!m) throw usage('usage: ssh MACHINE -- COMMAND (Kube Orchestra: run one shell line on a machine; machine list shows them)');
  const name = m[1] as string;
  let command = (m[2] ?? '').trim();
  if (!command) return result('', 'Kube Orchestra runs one command per ssh: ssh NAME -- COMMAND (for example: ssh ' + name + ' -- free -h)\n', 1);
  // `ssh host 'cmd ...'`: the local shell would strip one level of quotes.
  const quoted = /^'([^']*)'$/.exec(command) ?? /^"((?:\\.|[^"\\])*)"$/.exec(command);
  if (quoted) command = quoted[1] as string;
  const host = cluster.hosts.machine(name, cluster.store.list<NodeObject>('nodes'));
  if (!host) return result('', `ssh: Could not resolve hostname ${name}: Name or service not known\n`, 1);
  const out = runShell(host, command, {
    tick: cluster.clock.tick,
    millis: cluster.clock.nowMillis(),
    sinceText: (tick) => formatRFC3339(cluster.clock.millisAt(tick)).replace('T', ' ').replace('Z', ' UTC'),
    kubeadm: (h, args) => runKubeadm(cluster, h, args, { register: (x) => register(cluster, x) }),
  });
  syncWithCluster(cluster, host);
  const notes = syncStaticManifests(cluster, name, host);
  return result(out.stdout, out.stderr + notes, out.code);
}
