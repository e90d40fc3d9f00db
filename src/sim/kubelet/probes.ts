import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ImageEntry } from './registry';
import type { ProcessRun } from './process';
import { fileExists } from './process';

/**
 * Probes, worked out from what the container's process does: an exec probe that reads a
 * file succeeds while the process's touch/rm timeline says the file is there; an HTTP or TCP
 * probe succeeds when the process listens on the port. Anything else succeeds. Results only
 * change at known instants, so the kubelet asks for timers only while something can change.
 */

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export const PROBE_TITLE: Record<ProbeKind, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

export interface ProbeOutcome {
  ok: boolean;
  message: string;
}

export function probeOf(c: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'liveness' ? c.livenessProbe : kind === 'readiness' ? c.readinessProbe : c.startupProbe;
}

function portNumber(c: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

const FILE_READERS = new Set(['cat', 'ls', 'stat', 'head', 'tail']);

/** The result of one probe `at` seconds after the container started. */
export function runProbe(probe: Probe, c: Container, run: ProcessRun, entry: ImageEntry, at: number, podIP: string): ProbeOutcome {
  if (probe.exec) {
    let words = [...(probe.exec.command ?? [])];
    const dashC = words.indexOf('-c');
    if (dashC >= 0) words = (words[dashC + 1] ?? '').trim().split(/\s+/);
    const [cmd, ...rest] = words;
    const name = cmd?.slice(cmd.lastIndexOf('/') + 1);
    const paths = name === 'test' ? rest.filter((w) => !w.startsWith('-')) : name && FILE_READERS.has(name) ? rest.filter((w) => !w.startsWith('-')) : [];
    for (const p of paths) {
      if (!fileExists(run, p, at)) {
        const message = name === 'cat' ? `cat: can't open '${p}': No such file or directory` : name === 'test' ? '' : `${name}: ${p}: No such file or directory`;
        return { ok: false, message };
      }
    }
    return { ok: true, message: '' };
  }
  const http = probe.httpGet;
  const tcp = probe.tcpSocket;
  const grpc = probe.grpc;
  const port = http ? portNumber(c, http.port) : tcp ? portNumber(c, tcp.port) : grpc?.port;
  if (port === undefined) return { ok: true, message: '' };
  const addr = `${(http?.host ?? tcp?.host ?? podIP) || podIP}:${port}`;
  const refused = `dial tcp ${addr}: connect: connection refused`;
  const listening = run.exitAfter === undefined && run.listens.includes(port);
  if (http) {
    const path = http.path ?? '/';
    const url = `${(http.scheme ?? 'HTTP').toLowerCase()}://${addr}${path.startsWith('/') ? path : `/${path}`}`;
    if (!listening) return { ok: false, message: `Get "${url}": ${refused}` };
    // The docs' liveness image answers /healthz with 200 for ten seconds, then 500.
    if (entry.product === 'liveness' && path === '/healthz' && at > 10) return { ok: false, message: 'HTTP probe failed with statuscode: 500' };
    return { ok: true, message: '' };
  }
  if (grpc && !listening) return { ok: false, message: `timeout: failed to connect service "${addr}" within 1s` };
  if (!listening) return { ok: false, message: refused };
  return { ok: true, message: '' };
}

/** Instants (seconds after start) after which a probe's result may differ from before. */
export function changePoints(run: ProcessRun, entry: ImageEntry): number[] {
  const points = run.files.map((f) => f.at);
  if (entry.product === 'liveness') points.push(10);
  if (run.exitAfter !== undefined) points.push(run.exitAfter);
  return [...new Set(points)].sort((a, b) => a - b);
}

/** Probe times are initialDelaySeconds + k·periodSeconds after start. */
export function probeTimes(probe: Probe, after: number, upTo: number): number[] {
  const delay = probe.initialDelaySeconds ?? 0;
  const period = Math.max(1, probe.periodSeconds ?? 10);
  const out: number[] = [];
  let k = after < delay ? 0 : Math.floor((after - delay) / period) + 1;
  for (let t = delay + k * period; t <= upTo; t = delay + ++k * period) out.push(t);
  return out;
}

/** The first probe time strictly after `after`. */
export function nextProbeTime(probe: Probe, after: number): number {
  const delay = probe.initialDelaySeconds ?? 0;
  const period = Math.max(1, probe.periodSeconds ?? 10);
  if (after < delay) return delay;
  return delay + (Math.floor((after - delay) / period) + 1) * period;
}
