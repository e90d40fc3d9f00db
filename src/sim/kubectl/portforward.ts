import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import type { PortForward } from '../network/portforward';
import { ephemeralPort, forwardAlive, podPort, servicePortToPodPort } from '../network/portforward';
import { KubectlError, formatStatus, usage } from './errors';
import { podForRef } from './exec';
import { resolveType } from './resolve';
import type { KubectlResult } from './types';

/**
 * `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE ...`: binds to one pod at start and stays
 * open (Kube Orchestra keeps it in the cluster state) until `port-forward stop PORT`, or until
 * its pod goes away. `port-forward list|stop` are Kube Orchestra's, not kubectl's.
 */
function parse(argv: string[]): { namespace: string; target?: string; ports: string[]; address?: string } {
  const o: { namespace: string; target?: string; ports: string[]; address?: string } = { namespace: 'default', ports: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const eq = a.indexOf('=');
    const [name, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (name === '-n' || name === '--namespace') o.namespace = value();
    else if (name === '--address') o.address = value();
    else if (name === '--pod-running-timeout') value();
    else if (name.startsWith('-')) throw usage(`unknown flag: ${name}\nSee 'kubectl port-forward --help' for usage.`);
    else if (!o.target) o.target = a;
    else o.ports.push(a);
  }
  return o;
}

function listenError(local: number, remote: string, why: string): KubectlError {
  return new KubectlError(
    `Unable to listen on port ${local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${local}: bind: ${why} unable to create listener: Error listen tcp6 [::1]:${local}: bind: ${why}]\nerror: unable to listen on any of the requested ports: [{${local} ${remote}}]`,
  );
}

export function runPortForward(cluster: Cluster, argv: string[]): KubectlResult {
  const o = parse(argv);
  if (!o.target) throw usage('TYPE/NAME and list of ports are required for port-forward\nSee \'kubectl port-forward -h\' for help and examples');
  if (!o.ports.length) throw usage('at least 1 PORT is required for port-forward\nSee \'kubectl port-forward -h\' for help and examples');
  if (o.address && !['localhost', '127.0.0.1'].includes(o.address)) throw usage(`Kube Orchestra forwards to your own machine only (127.0.0.1); --address ${o.address} is not simulated`);
  const pod = podForRef(cluster, o.namespace, o.target);
  const slash = o.target.indexOf('/');
  const isService = slash > 0 && resolveType(o.target.slice(0, slash)).kind === 'Service';
  let svc: Service | undefined;
  if (isService) {
    const r = cluster.api.get(resolveType('svc'), o.namespace, o.target.slice(slash + 1));
    if (!r.ok) throw new KubectlError(formatStatus(r.status));
    svc = r.object as unknown as Service;
  }
  if (pod.status?.phase !== 'Running') throw usage(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
  const busy = new Set(cluster.portForwards.map((f) => f.localPort));
  const created: PortForward[] = [];
  let stdout = '';
  for (const spec of o.ports) {
    const m = /^(\d*):?(\w[\w-]*)?$/.exec(spec);
    const parts = spec.split(':');
    if (!m || parts.length > 2 || (parts.length === 2 && !parts[1])) throw usage(`Invalid port format '${spec}'`);
    const [localText, remoteText] = parts.length === 2 ? [parts[0] ?? '', parts[1] ?? ''] : [parts[0] ?? '', parts[0] ?? ''];
    const target = svc ? servicePortToPodPort(svc, pod, remoteText) : podPort(pod, remoteText);
    if (typeof target !== 'number') throw new KubectlError(target.error);
    let local = localText === '' ? ephemeralPort(`${o.namespace}/${o.target}:${remoteText}@${cluster.tick}`, busy) : Number(localText);
    if (localText !== '' && !/^\d+$/.test(localText)) throw usage(`Invalid port format '${spec}'`);
    if (local < 1 || local > 65535) throw usage(`Invalid port format '${spec}'`);
    if (busy.has(local)) throw listenError(local, String(target), 'address already in use');
    if (local === 0) local = ephemeralPort(spec, busy);
    busy.add(local);
    created.push({ localPort: local, pod: { namespace: o.namespace, name: pod.metadata?.name ?? '', ...(pod.metadata?.uid ? { uid: pod.metadata.uid } : {}) }, podPort: target, target: o.target, remotePort: remoteText, startedTick: cluster.tick });
    stdout += `Forwarding from 127.0.0.1:${local} -> ${target}\nForwarding from [::1]:${local} -> ${target}\n`;
  }
  cluster.portForwards.push(...created);
  const first = created[0]?.localPort;
  return { stdout, stderr: `(Kube Orchestra keeps this forward open to pod ${pod.metadata?.name}: try "curl localhost:${first}"; "port-forward list" shows it, "port-forward stop ${first}" ends it)\n`, exitCode: 0 };
}

/** Drops forwards whose pod is gone; returns the ones dropped. */
export function pruneForwards(cluster: Cluster): PortForward[] {
  const pods = cluster.store.list('pods') as unknown as Pod[];
  const dead = cluster.portForwards.filter((f) => !forwardAlive(f, pods));
  if (dead.length) cluster.portForwards = cluster.portForwards.filter((f) => !dead.includes(f));
  return dead;
}

/** Kube Orchestra's `port-forward list` and `port-forward stop PORT|all`. */
export function runPortForwardAdmin(cluster: Cluster, argv: string[]): KubectlResult {
  const [verb, arg] = argv;
  if (verb === 'list') {
    if (!cluster.portForwards.length) return { stdout: '', stderr: 'No port-forwards are open.\n', exitCode: 0 };
    const pods = cluster.store.list('pods') as unknown as Pod[];
    const rows = [['LOCAL', 'TARGET', 'POD', 'POD PORT', 'STATUS'], ...cluster.portForwards.map((f) => [`127.0.0.1:${f.localPort}`, `${f.target}:${f.remotePort}`, `${f.pod.namespace}/${f.pod.name}`, String(f.podPort), forwardAlive(f, pods) ? 'open' : 'pod gone'])];
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
    return { stdout: rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd((widths[i] ?? 0) + 3) : c)).join('')).join('\n') + '\n', stderr: '', exitCode: 0 };
  }
  if (verb === 'stop') {
    if (arg === 'all') {
      const n = cluster.portForwards.length;
      cluster.portForwards = [];
      return { stdout: `Stopped ${n} port-forward${n === 1 ? '' : 's'}.\n`, stderr: '', exitCode: 0 };
    }
    const port = Number(arg);
    const f = cluster.portForwards.find((x) => x.localPort === port);
    if (!arg || !f) throw usage(`no port-forward is listening on port ${arg ?? ''} (see "port-forward list")`);
    cluster.portForwards = cluster.portForwards.filter((x) => x !== f);
    return { stdout: `Stopped forwarding 127.0.0.1:${port} -> ${f.pod.name}:${f.podPort}.\n`, stderr: '', exitCode: 0 };
  }
  throw usage('usage: port-forward list | port-forward stop PORT|all (Kube Orchestra); to open one: kubectl port-forward TYPE/NAME [LOCAL:]REMOTE');
}
