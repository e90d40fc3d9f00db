import type { HostState } from './state';
import { KUBELET_CONFIG, hostProblems } from './state';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `Jan 01 09:00:05 worker-3 kubelet[1201]: E0101 09:00:05.000000    1201 run.go:72] "..."`: journald + klog. */
export function journalLine(host: HostState, millis: number, pid: number, level: 'I' | 'W' | 'E', source: string, text: string): string {
  const d = new Date(millis);
  const mon = MONTHS[d.getUTCMonth()] ?? 'Jan';
  const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${mon} ${pad(d.getUTCDate())} ${hms} ${host.name} kubelet[${pid}]: ${level}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${hms}.000000    ${pid} ${source}] ${text}`;
}

/** Why the kubelet exits right after starting, as its log says (undefined: it starts). */
export function kubeletStartError(host: HostState): string | undefined {
  if (!(KUBELET_CONFIG in host.files)) {
    return `"command failed" err="failed to load kubelet config file, path: ${KUBELET_CONFIG}, error: failed to load Kubelet config file ${KUBELET_CONFIG}, error failed to read kubelet config file \\"${KUBELET_CONFIG}\\", error: open ${KUBELET_CONFIG}: no such file or directory"`;
  }
  if (host.swapOn) return `"command failed" err="failed to run Kubelet: running with swap on is not supported, please disable swap or set --fail-swap-on flag to false"`;
  if (host.services.containerd !== 'active') {
    return `"command failed" err="failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/containerd/containerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: no such file or directory\\""`;
  }
  return undefined;
}

const MAX_JOURNAL = 60;

function log(host: HostState, millis: number, pid: number, level: 'I' | 'W' | 'E', source: string, text: string): void {
  host.journal.push(journalLine(host, millis, pid, level, source, text));
  if (host.journal.length > MAX_JOURNAL) host.journal.splice(0, host.journal.length - MAX_JOURNAL);
}

/**
 * systemd (re)starts the kubelet: it either comes up, or exits with its reason and systemd keeps
 * restarting it every 10s (`activating (auto-restart)`). Running this again is one more attempt.
 */
export function startKubelet(host: HostState, tick: number, millis: number): void {
  const pid = host.nextPid++;
  const before = host.services.kubelet;
  log(host, millis, pid, 'I', 'server.go:530', `"Kubelet version" kubeletVersion="${host.versions.kubelet}"`);
  const err = kubeletStartError(host);
  if (err) {
    log(host, millis, pid, 'E', 'run.go:72', err);
    host.services.kubelet = 'activating';
  } else {
    log(host, millis, pid, 'I', 'server.go:1093', `"Using cgroup driver setting from the kubelet config" cgroupDriver="${host.kubeletCgroupDriver}"`);
    const mismatch = hostProblems(host).cgroupMismatch;
    if (mismatch) {
      log(host, millis, pid, 'W', 'server.go:1081', `"CRI implementation should be updated to support RuntimeConfig. Falling back to using cgroupDriver from kubelet config."`);
      log(host, millis, pid, 'E', 'kubelet.go:3117', `"Container runtime network not ready" networkReady="NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"`);
      log(host, millis, pid, 'I', 'kuberuntime_manager.go:1034', `"No ready sandbox for pod can be found. Need to start a new one" pod="kube-system/kube-proxy"`);
    } else {
      log(host, millis, pid, 'I', 'kubelet_node_status.go:75', `"Successfully registered node" node="${host.name}"`);
    }
    host.services.kubelet = 'active';
  }
  if (host.services.kubelet !== before || host.since.kubelet === 0) host.since.kubelet = tick;
}

export function stopKubelet(host: HostState, tick: number): void {
  if (host.services.kubelet !== 'inactive') host.since.kubelet = tick;
  host.services.kubelet = 'inactive';
}
