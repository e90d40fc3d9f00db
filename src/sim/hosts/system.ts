import type { HostState, ServiceState } from './state';
import { CONTAINERD_CONFIG, SWAP_LINE, containerdDefaultConfig, loadModule, moduleLoaded, sysctlExists, systemdCgroupInFile, unloadModule } from './state';
import { startKubelet, stopKubelet } from './kubeletService';

export interface Out {
  stdout: string;
  stderr: string;
  code: number;
}
export interface Clock {
  tick: number;
  millis: number;
}

export const ok = (stdout = ''): Out => ({ stdout, stderr: '', code: 0 });
export const fail = (stderr: string, code = 1): Out => ({ stdout: '', stderr: stderr.endsWith('\n') ? stderr : stderr + '\n', code });

const MODULE_INFO: Record<string, [string, string]> = {
  overlay: ['212992', '0'],
  br_netfilter: ['32768', '0'],
  bridge: ['421888', '1 br_netfilter'],
};
const KNOWN_MODULES = ['overlay', 'br_netfilter', 'ip_vs', 'ip_vs_rr', 'nf_conntrack', 'bridge'];

/** An fstab swap line that is not commented out. */
function fstabSwap(host: HostState): boolean {
  return (host.files['/etc/fstab'] ?? '').split('\n').some((l) => !l.trim().startsWith('#') && /\sswap\s/.test(l));
}

export function swapCommand(host: HostState, cmd: 'swapon' | 'swapoff', args: string[]): Out {
  if (cmd === 'swapon' && (args.includes('--show') || args.includes('-s') || !args.length)) {
    if (!host.swapOn) return ok();
    return ok('NAME      TYPE SIZE USED PRIO\n/swap.img file   4G   0B   -2\n');
  }
  if (!args.includes('-a') && !args.includes('/swap.img')) return fail(`${cmd}: bad usage\nTry '${cmd} --help' for more information.`);
  if (cmd === 'swapoff') host.swapOn = false;
  else if (fstabSwap(host) || args.includes('/swap.img')) host.swapOn = true;
  return ok();
}

export function free(host: HostState): Out {
  const swap = host.swapOn ? 'Swap:          4.0Gi          0B       4.0Gi' : 'Swap:             0B          0B          0B';
  return ok(`               total        used        free      shared  buff/cache   available\nMem:           7.8Gi       512Mi       6.6Gi       1.1Mi       870Mi       7.2Gi\n${swap}\n`);
}

export function modprobe(host: HostState, args: string[]): Out {
  const remove = args.includes('-r');
  const names = args.filter((a) => !a.startsWith('-'));
  if (!names.length) return fail('modprobe: ERROR: missing parameters. See -h.');
  for (const name of remove ? names : names.slice(0, 1)) {
    if (!KNOWN_MODULES.includes(name)) return fail(`modprobe: FATAL: Module ${name} not found in directory /lib/modules/6.8.0-85-generic`);
    if (remove) unloadModule(host, name);
    else loadModule(host, name);
  }
  return ok();
}

export function lsmod(host: HostState): Out {
  const lines = ['Module                  Size  Used by'];
  const shown = [...host.modules];
  if (moduleLoaded(host, 'br_netfilter')) shown.push('bridge');
  for (const m of shown.sort()) {
    const [size, used] = MODULE_INFO[m] ?? ['65536', '0'];
    lines.push(`${m.padEnd(24)}${size.padStart(6)}  ${used}`);
  }
  return ok(lines.join('\n') + '\n');
}

const procPath = (key: string) => `/proc/sys/${key.replace(/\./g, '/')}`;
const cannotStat = (key: string) => `sysctl: cannot stat ${procPath(key)}: No such file or directory\n`;

/** key = value lines of a sysctl.d file (comments and blanks skipped). */
function settingsOf(text: string): [string, string][] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith(';') && l.includes('='))
    .map((l) => [l.slice(0, l.indexOf('=')).trim(), l.slice(l.indexOf('=') + 1).trim()] as [string, string]);
}

function applySettings(host: HostState, pairs: [string, string][], r: { stdout: string; stderr: string }): void {
  for (const [k, v] of pairs) {
    if (!sysctlExists(host, k)) r.stderr += cannotStat(k);
    else {
      host.sysctls[k] = v;
      r.stdout += `${k} = ${v}\n`;
    }
  }
}

export function sysctl(host: HostState, args: string[]): Out {
  const r = { stdout: '', stderr: '' };
  if (args[0] === '--system') {
    const files = Object.keys(host.files)
      .filter((f) => f.startsWith('/etc/sysctl.d/') && f.endsWith('.conf'))
      .sort();
    for (const f of [...files, '/etc/sysctl.conf']) {
      if (!(f in host.files)) continue;
      r.stdout += `* Applying ${f} ...\n`;
      applySettings(host, settingsOf(host.files[f] ?? ''), r);
    }
    return { ...r, code: r.stderr ? 1 : 0 };
  }
  if (args[0] === '-p') {
    const f = args[1] ?? '/etc/sysctl.conf';
    if (!(f in host.files)) return fail(`sysctl: cannot open "${f}": No such file or directory`, 255);
    applySettings(host, settingsOf(host.files[f] ?? ''), r);
    return { ...r, code: r.stderr ? 1 : 0 };
  }
  const write = args[0] === '-w';
  const keys = args.filter((a) => !a.startsWith('-'));
  if (!keys.length) return fail('sysctl: no variables specified\nTry `sysctl --help\' for more information.', 255);
  for (const k of keys) {
    if (write || k.includes('=')) {
      const [key, value] = [k.slice(0, k.indexOf('=')).trim(), k.slice(k.indexOf('=') + 1).trim()];
      if (!k.includes('=')) {
        r.stderr += `sysctl: "${k}" must be of the form name=value\n`;
        continue;
      }
      applySettings(host, [[key, value]], r);
    } else if (!sysctlExists(host, k)) r.stderr += cannotStat(k);
    else r.stdout += `${k} = ${host.sysctls[k]}\n`;
  }
  return { ...r, code: r.stderr ? 255 : 0 };
}

type Unit = 'containerd' | 'kubelet';
const UNITS: Record<Unit, { description: string; path: string; docs: string; exec: string }> = {
  containerd: { description: 'containerd container runtime', path: '/usr/lib/systemd/system/containerd.service', docs: 'https://containerd.io', exec: '/usr/bin/containerd' },
  kubelet: { description: 'kubelet: The Kubernetes Node Agent', path: '/usr/lib/systemd/system/kubelet.service', docs: 'https://kubernetes.io/docs/', exec: '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS' },
};

function unitOf(word: string | undefined): Unit | undefined {
  const w = (word ?? '').replace(/\.service$/, '');
  return w === 'containerd' || w === 'kubelet' ? w : undefined;
}

function startUnit(host: HostState, unit: Unit, clock: Clock): void {
  if (unit === 'kubelet') return startKubelet(host, clock.tick, clock.millis);
  host.containerdSystemdCgroup = systemdCgroupInFile(host);
  host.services.containerd = 'active';
  host.since.containerd = clock.tick;
}

function stopUnit(host: HostState, unit: Unit, clock: Clock): void {
  if (unit === 'kubelet') return stopKubelet(host, clock.tick);
  host.services.containerd = 'inactive';
  host.since.containerd = clock.tick;
}

function activeText(state: ServiceState, since: string): string {
  if (state === 'active') return `active (running) since ${since}`;
  if (state === 'activating') return `activating (auto-restart) (Result: exit-code) since ${since}`;
  if (state === 'failed') return `failed (Result: exit-code) since ${since}`;
  return `inactive (dead) since ${since}`;
}

function status(host: HostState, unit: Unit, clock: Clock, sinceText: (tick: number) => string): Out {
  const u = UNITS[unit];
  const state = host.services[unit];
  const dot = state === 'active' ? '●' : state === 'inactive' ? '○' : '×';
  const lines = [
    `${dot} ${unit}.service - ${u.description}`,
    `     Loaded: loaded (${u.path}; ${host.enabled[unit] ? 'enabled' : 'disabled'}; preset: enabled)`,
    ...(unit === 'kubelet' ? ['    Drop-In: /usr/lib/systemd/system/kubelet.service.d', '             └─10-kubeadm.conf'] : []),
    `     Active: ${activeText(state, sinceText(host.since[unit]))}`,
    `       Docs: ${u.docs}`,
  ];
  if (state === 'activating') lines.push(`    Process: ${host.nextPid - 1} ExecStart=${u.exec} (code=exited, status=1/FAILURE)`, `   Main PID: ${host.nextPid - 1} (code=exited, status=1/FAILURE)`);
  if (state === 'active') lines.push(`   Main PID: ${unit === 'containerd' ? 611 : host.nextPid - 1} (${unit})`);
  if (unit === 'kubelet') lines.push('', ...host.journal.slice(-3));
  void clock;
  return { stdout: lines.join('\n') + '\n', stderr: '', code: state === 'active' ? 0 : 3 };
}

export function systemctl(host: HostState, args: string[], clock: Clock, sinceText: (tick: number) => string): Out {
  const words = args.filter((a) => !a.startsWith('-'));
  const now = args.includes('--now');
  const [verb, name] = words;
  if (verb === 'daemon-reload') return ok();
  const unit = unitOf(name);
  if (!verb) return fail('Too few arguments.');
  if (!unit) return fail(`Failed to ${verb} ${name ?? ''}${name?.endsWith('.service') ? '' : '.service'}: Unit ${name ?? ''}${name?.endsWith('.service') ? '' : '.service'} not found.`, 5);
  switch (verb) {
    case 'status':
      return status(host, unit, clock, sinceText);
    case 'is-active':
      return { stdout: (host.services[unit] === 'active' ? 'active' : host.services[unit]) + '\n', stderr: '', code: host.services[unit] === 'active' ? 0 : 3 };
    case 'start':
      if (host.services[unit] !== 'active') startUnit(host, unit, clock);
      return ok();
    case 'restart':
      startUnit(host, unit, clock);
      return ok();
    case 'stop':
      stopUnit(host, unit, clock);
      return ok();
    case 'enable':
      host.enabled[unit] = true;
      if (now && host.services[unit] !== 'active') startUnit(host, unit, clock);
      return ok();
    case 'disable':
      host.enabled[unit] = false;
      if (now) stopUnit(host, unit, clock);
      return ok();
    default:
      return fail(`Unknown command verb '${verb}'.`);
  }
}

export function journalctl(host: HostState, args: string[]): Out {
  const i = args.findIndex((a) => a === '-u' || a.startsWith('-u') || a === '--unit' || a === '-xeu');
  const unitWord = args[i]?.length && args[i] !== '-u' && args[i] !== '--unit' && args[i] !== '-xeu' ? args[i]?.replace(/^-u/, '') : args[i + 1];
  const unit = unitOf(unitWord);
  if (unit !== 'kubelet') return ok('-- No entries --\n');
  const n = args.includes('-n') ? Number(args[args.indexOf('-n') + 1]) : undefined;
  const lines = n ? host.journal.slice(-n) : host.journal;
  return ok(lines.length ? lines.join('\n') + '\n' : '-- No entries --\n');
}

export function containerdCommand(args: string[]): Out {
  if (args[0] === 'config' && args[1] === 'default') return ok(containerdDefaultConfig());
  if (args[0] === '--version' || args[0] === '-v') return ok('containerd github.com/containerd/containerd 1.7.28\n');
  return fail(`containerd: only "containerd config default" is simulated`);
}

export { CONTAINERD_CONFIG, SWAP_LINE };
