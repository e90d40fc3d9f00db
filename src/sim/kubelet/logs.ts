import type { Container, ContainerStateTerminated, ContainerStatus } from 'kubernetes-types/core/v1';
import type { PodObject } from '../scheduler/types';
import type { ImageEntry } from './registry';
import { lookupImage, splitReference } from './registry';
import { runProcess } from './process';

/**
 * Container logs. Nothing is stored: a container's output is a pure function of its image,
 * command and the times in its status, so `kubectl logs` re-runs the process on paper up to
 * "now" (or up to when it finished). A restored or replayed cluster prints the same logs.
 */

const p2 = (n: number) => String(n).padStart(2, '0');

/** nginx's error-log time format: `2026/01/01 09:00:04`. */
function nginxTime(millis: number): string {
  const d = new Date(millis);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

export const NGINX_VERSIONS: Record<string, string> = { '1.25': '1.25.5', '1.26': '1.26.3', '1.27': '1.27.5', '1.28': '1.28.0', '1.29': '1.29.1', latest: '1.29.1', mainline: '1.29.1', stable: '1.28.0' };

/** The startup lines a server image prints (nginx's are what its docker entrypoint really prints). */
export function productLogs(product: ImageEntry['product'], millis: number, tag: string): string[] {
  switch (product) {
    case 'nginx': {
      const base = tag.replace(/-alpine$/, '');
      const version = NGINX_VERSIONS[base] ?? (/^\d+\.\d+\.\d+$/.test(base) ? base : '1.29.1');
      const t = `${nginxTime(millis)} [notice] 1#1:`;
      return [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        `${t} using the "epoll" event method`,
        `${t} nginx/${version}`,
        `${t} built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) `,
        `${t} OS: Linux 6.8.0-generic`,
        `${t} getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
        `${t} start worker processes`,
        `${t} start worker process 29`,
        `${t} start worker process 30`,
      ];
    }
    case 'httpd':
      return [
        "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.0.1. Set the 'ServerName' directive globally to suppress this message",
        `[${new Date(millis).toUTCString()}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations`,
      ];
    case 'redis':
      return ['1:C * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', '1:M * Server initialized', '1:M * Ready to accept connections tcp'];
    case 'hello-app':
      return ['2026/01/01 09:00:00 Server listening on port 8080'];
    case 'liveness':
    case 'agnhost':
      return [];
    default:
      return [];
  }
}

export interface LogOptions {
  container?: string;
  previous?: boolean;
  tail?: number;
}

export type LogResult = { ok: true; lines: string[] } | { ok: false; message: string };

const toMillis = (t: string | undefined) => (t ? Date.parse(t) : NaN);

function linesOf(pod: PodObject, c: Container, entry: ImageEntry, startedAt: string, untilMillis: number): string[] {
  const start = toMillis(startedAt);
  const until = Math.max(0, (untilMillis - start) / 1000);
  const run = runProcess(c, entry, { startedAtMillis: start, podName: pod.metadata.name, until, imageTag: splitReference(c.image ?? '').tag, volumes: pod.spec?.volumes });
  return run.logs.filter((l) => l.at <= until).map((l) => l.text);
}

/**
 * What `kubectl logs` prints for one container, with kube-apiserver's errors for a container
 * that has not started or has no previous instance.
 */
export function containerLogs(pod: PodObject, opts: LogOptions, nowMillis: number): LogResult {
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const name = opts.container ?? pod.spec?.containers?.[0]?.name ?? '';
  const c = all.find((x) => x.name === name);
  const podName = pod.metadata.name;
  if (!c) return { ok: false, message: `container ${name} is not valid for pod ${podName}` };
  const statuses: ContainerStatus[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const s = statuses.find((x) => x.name === name);
  const lookup = lookupImage(c.image ?? '');
  if (opts.previous) {
    const last: ContainerStateTerminated | undefined = s?.lastState?.terminated;
    if (!last?.startedAt || !lookup.found) return { ok: false, message: `previous terminated container "${name}" in pod "${podName}" not found` };
    return { ok: true, lines: tail(linesOf(pod, c, lookup.entry, last.startedAt, toMillis(last.finishedAt)), opts.tail) };
  }
  const running = s?.state?.running;
  const terminated = s?.state?.terminated;
  if (running?.startedAt && lookup.found) return { ok: true, lines: tail(linesOf(pod, c, lookup.entry, running.startedAt, nowMillis), opts.tail) };
  if (terminated?.startedAt && lookup.found) return { ok: true, lines: tail(linesOf(pod, c, lookup.entry, terminated.startedAt, toMillis(terminated.finishedAt)), opts.tail) };
  // A container in back-off still has the last instance's logs, as the runtime keeps them.
  const last = s?.lastState?.terminated;
  if (s?.state?.waiting?.reason === 'CrashLoopBackOff' && last?.startedAt && lookup.found)
    return { ok: true, lines: tail(linesOf(pod, c, lookup.entry, last.startedAt, toMillis(last.finishedAt)), opts.tail) };
  const reason = s?.state?.waiting?.reason ?? 'ContainerCreating';
  return { ok: false, message: `container "${name}" in pod "${podName}" is waiting to start: ${reason === 'ContainerCreating' || reason === 'PodInitializing' ? reason : `trying and failing to pull image`}` };
}

function tail(lines: string[], n: number | undefined): string[] {
  if (n === undefined || n < 0) return lines;
  return n === 0 ? [] : lines.slice(-n);
}
