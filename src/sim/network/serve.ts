import type { Container, Pod } from 'kubernetes-types/core/v1';
import { lookupImage, splitReference } from '../kubelet/registry';
import type { ImageEntry } from '../kubelet/registry';
import { runProcess } from '../kubelet/process';
import { NGINX_VERSIONS } from '../kubelet/logs';

/**
 * What a pod answers on a port: the kubelet's knowledge of each container's process (which
 * ports it listens on, worked out from image and command by kubelet/process.ts) and what the
 * image serves over HTTP (nginx's welcome page, httpd's "It works!", http-echo's -text,
 * agnhost's hostname). All containers of a pod share one network namespace.
 */

export interface HttpRequest {
  method: 'GET' | 'HEAD';
  path: string;
  host: string;
  /** Request time (sim clock), for the Date header. */
  millis: number;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

export type ServeResult =
  | { kind: 'http'; container: string; response: HttpResponse }
  /** Something listens but does not speak HTTP (redis, postgres ...): curl gets an empty reply. */
  | { kind: 'not-http'; container: string }
  | { kind: 'refused' }
  /** The pod is not running (no sandbox network to answer). */
  | { kind: 'down'; reason: string };

const NON_HTTP_PORTS = new Set([53, 2181, 2379, 2380, 2888, 3306, 3888, 5432, 5672, 6379, 7000, 7001, 7199, 9042, 27017]);

/** `-listen=:8080` style flags (http-echo) or `--http-port=8080` (agnhost netexec) move a server. */
function flagPort(args: string[], names: string[]): number | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    for (const n of names) {
      if (a === n) return Number(/(\d+)$/.exec(args[i + 1] ?? '')?.[1]) || undefined;
      if (a.startsWith(`${n}=`)) return Number(/(\d+)$/.exec(a)?.[1]) || undefined;
    }
  }
  return undefined;
}

function argsOf(c: Container): string[] {
  return [...(c.command ?? []), ...(c.args ?? [])];
}

/** The ports a container's process listens on, as the kubelet's process model sees them. */
export function containerListens(pod: Pod, c: Container): number[] {
  const l = lookupImage(c.image ?? '');
  if (!l.found) return [];
  const entry = l.entry;
  const args = argsOf(c);
  if (entry.repository === 'docker.io/hashicorp/http-echo') return [flagPort(args, ['-listen', '--listen']) ?? 5678];
  if (entry.product === 'agnhost') {
    if (args.includes('netexec')) return [flagPort(args, ['--http-port']) ?? 8080];
    if (args.includes('serve-hostname')) return [flagPort(args, ['--port']) ?? 9376];
  }
  const run = runProcess(c, entry, { startedAtMillis: 0, podName: pod.metadata?.name ?? '', until: 1, imageTag: splitReference(c.image ?? '').tag, volumes: pod.spec?.volumes });
  if (run.exitAfter !== undefined) return [];
  return run.listens;
}

function running(pod: Pod, name: string): boolean {
  const st = (pod.status?.containerStatuses ?? []).find((s) => s.name === name);
  // A pod put straight into the store without statuses counts as running when its phase is.
  return st ? !!st.state?.running : pod.status?.phase === 'Running';
}

function nginxVersion(tag: string): string {
  const base = tag.replace(/-alpine.*$/, '');
  return NGINX_VERSIONS[base] ?? (/^\d+\.\d+\.\d+$/.test(base) ? base : '1.29.1');
}

const httpDate = (millis: number): string => new Date(millis).toUTCString();

function html(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html>\n<head>\n<title>${title}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** nginx's default page (abridged), with its real title and heading. */
const NGINX_WELCOME = html(
  'Welcome to nginx!',
  '<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p><em>Thank you for using nginx.</em></p>',
);

function response(status: number, reason: string, server: string | undefined, contentType: string, body: string, req: HttpRequest, extra: [string, string][] = []): HttpResponse {
  const headers: [string, string][] = [];
  if (server) headers.push(['Server', server]);
  headers.push(['Date', httpDate(req.millis)], ['Content-Type', contentType], ['Content-Length', String(new TextEncoder().encode(body).length)], ...extra);
  return { status, reason, headers, body };
}

/** What the image's server answers to `req`. */
export function httpAnswer(pod: Pod, c: Container, entry: ImageEntry, port: number, req: HttpRequest): HttpResponse {
  const tag = splitReference(c.image ?? '').tag;
  const args = argsOf(c);
  const podName = pod.metadata?.name ?? '';
  const path = req.path.split('?')[0] ?? '/';
  if (entry.product === 'nginx') {
    const server = `nginx/${nginxVersion(tag)}`;
    if (path === '/' || path === '/index.html')
      return response(200, 'OK', server, 'text/html', NGINX_WELCOME, req, [['Last-Modified', 'Wed, 16 Apr 2025 12:01:11 GMT'], ['Connection', 'keep-alive'], ['Accept-Ranges', 'bytes']]);
    const notFound = `<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>${server}</center>\n</body>\n</html>\n`;
    return response(404, 'Not Found', server, 'text/html', notFound, req, [['Connection', 'keep-alive']]);
  }
  if (entry.product === 'httpd') return response(200, 'OK', 'Apache/2.4.65 (Unix)', 'text/html', '<html><body><h1>It works!</h1></body></html>\n', req);
  if (entry.repository === 'docker.io/hashicorp/http-echo') {
    const text = args.map((a) => /^-?-text=(.*)$/s.exec(a)?.[1]).find((t) => t !== undefined) ?? 'hello-world';
    return response(200, 'OK', undefined, 'text/plain; charset=utf-8', `${text}\n`, req, [['X-App-Name', 'http-echo'], ['X-App-Version', tag]]);
  }
  if (entry.product === 'agnhost') {
    if (args.includes('serve-hostname') || path === '/hostname') return response(200, 'OK', undefined, 'text/plain; charset=utf-8', podName, req);
    return response(200, 'OK', undefined, 'text/plain; charset=utf-8', `NOW: ${new Date(req.millis).toISOString()}`, req);
  }
  if (entry.product === 'hello-app') {
    const version = tag.startsWith('2') ? '2.0.0' : '1.0.0';
    return response(200, 'OK', undefined, 'text/plain; charset=utf-8', `Hello, world!\nVersion: ${version}\nHostname: ${podName}\n`, req);
  }
  if (entry.product === 'liveness' && path === '/healthz') return response(200, 'OK', undefined, 'text/plain; charset=utf-8', 'ok', req);
  return response(200, 'OK', undefined, 'text/plain; charset=utf-8', `Hello from ${podName} on port ${port}\n`, req);
}

/** What the pod answers on `port`: the first container whose process listens there. */
export function serve(pod: Pod, port: number, req: HttpRequest): ServeResult {
  if (pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Running') return { kind: 'down', reason: `pod ${pod.metadata?.name} is terminating` };
  if (pod.status?.phase !== 'Running') return { kind: 'down', reason: `pod ${pod.metadata?.name} is ${pod.status?.phase ?? 'Pending'}` };
  for (const c of pod.spec?.containers ?? []) {
    if (!running(pod, c.name)) continue;
    if (!containerListens(pod, c).includes(port)) continue;
    const l = lookupImage(c.image ?? '');
    if (!l.found) continue;
    if (NON_HTTP_PORTS.has(port) || l.entry.product === 'redis') return { kind: 'not-http', container: c.name };
    return { kind: 'http', container: c.name, response: httpAnswer(pod, c, l.entry, port, req) };
  }
  return { kind: 'refused' };
}

/** The container port a Service targetPort means for this pod (a name is looked up in its containers' ports). */
export function resolveTargetPort(pod: Pod, targetPort: number | string | undefined, fallback: number): number | undefined {
  if (targetPort === undefined) return fallback;
  if (typeof targetPort === 'number') return targetPort;
  if (/^\d+$/.test(targetPort)) return Number(targetPort);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === targetPort) return p.containerPort;
  return undefined;
}
