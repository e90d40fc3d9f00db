import { routeRequest } from '../network/traffic';
import type { TrafficEnv, TrafficResult, TrafficSource } from '../network/traffic';
import { headerBlock, KERNEL_CONNECT_TIMEOUT_MS } from './http';
import type { ExecOutput } from './types';

/**
 * curl as the learner types it (in a pod, or on their own machine): -s -S -i -I -f -H -m
 * --connect-timeout -o -w -L -k -v, with curl 8's exit codes and error texts
 * (6 resolve, 7 connect refused, 22 HTTP error with -f, 28 timeout, 52 empty reply).
 */
export interface CurlOptions {
  url?: string;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  headers: [string, string][];
  maxTime?: number;
  output?: string;
  writeOut?: string;
}

export function parseCurl(args: string[]): CurlOptions | { error: string } {
  const o: CurlOptions = { silent: false, showError: false, include: false, head: false, fail: false, headers: [] };
  const need = (i: number, flag: string): string | { error: string } => args[i + 1] ?? { error: `curl: option ${flag}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information` };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const takes = (flag: string): string | undefined => {
      const v = need(i, flag);
      if (typeof v !== 'string') return undefined;
      i++;
      return v;
    };
    if (a === '--silent') o.silent = true;
    else if (a === '--show-error') o.showError = true;
    else if (a === '--include') o.include = true;
    else if (a === '--head') o.head = true;
    else if (a === '--fail') o.fail = true;
    else if (a === '--location' || a === '--insecure' || a === '--verbose' || a === '-v' || a === '-L' || a === '-k') continue;
    else if (a === '-H' || a === '--header' || a === '-m' || a === '--max-time' || a === '--connect-timeout' || a === '-o' || a === '--output' || a === '-w' || a === '--write-out' || a === '-X' || a === '--request') {
      const v = takes(a);
      if (v === undefined) return need(i, a) as { error: string };
      if (a === '-H' || a === '--header') {
        const c = v.indexOf(':');
        if (c > 0) o.headers.push([v.slice(0, c).trim(), v.slice(c + 1).trim()]);
      } else if (a === '-m' || a === '--max-time' || a === '--connect-timeout') o.maxTime = Number(v) || undefined;
      else if (a === '-o' || a === '--output') o.output = v;
      else if (a === '-w' || a === '--write-out') o.writeOut = v;
      else if ((a === '-X' || a === '--request') && v.toUpperCase() === 'HEAD') o.head = true;
    } else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const ch of a.slice(1)) {
        if (ch === 's') o.silent = true;
        else if (ch === 'S') o.showError = true;
        else if (ch === 'i') o.include = true;
        else if (ch === 'I') o.head = true;
        else if (ch === 'f') o.fail = true;
        else if ('vLk'.includes(ch)) continue;
        else return { error: `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information` };
      }
    } else if (a.startsWith('-')) return { error: `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information` };
    else o.url ??= a;
  }
  return o;
}

function meter(bytes: number): string {
  const p = (s: string | number, n: number) => String(s).padStart(n);
  const pct = bytes > 0 ? 100 : 0;
  const speed = bytes > 0 ? `${Math.max(1, Math.round(bytes / 1.2))}` : '0';
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `${p(pct, 3)} ${p(bytes, 5)}  ${p(pct, 3)} ${p(bytes, 5)}    0     0 ${p(speed, 6)}      0 --:--:-- --:--:-- --:--:-- ${p(speed, 6)}\n`
  );
}

/** curl's output for a routed request. `tty`: stdout is a terminal (no progress meter). */
export function formatCurl(result: TrafficResult, o: CurlOptions, tty: boolean): ExecOutput {
  const showErr = !o.silent || o.showError;
  const progress = !o.silent && !tty && o.output === undefined ? true : !o.silent && o.output !== undefined;
  const f = result.failure;
  const r = result.response;
  const out = (stdout: string, stderr: string, exitCode: number): ExecOutput => ({ stdout, stderr, exitCode, traffic: result.trace });
  const err = (code: number, text: string) => out('', (progress ? meter(0) : '') + (showErr ? `curl: (${code}) ${text}\n` : ''), code);
  if (f && !(f.kind === 'empty-reply' && r)) {
    if (f.kind === 'nxdomain' || f.kind === 'dns-unreachable') return err(6, `Could not resolve host: ${f.host}`);
    if (f.kind === 'refused') return err(7, `Failed to connect to ${f.host} port ${f.port} after ${result.trace.outcome === 'no-endpoints' ? 3 : 1} ms: Couldn't connect to server`);
    if (f.kind === 'empty-reply') return err(52, 'Empty reply from server');
    if (o.maxTime) return err(28, `Connection timed out after ${Math.round(o.maxTime * 1000) + 1} milliseconds`);
    return err(28, `Failed to connect to ${f.host} port ${f.port} after ${KERNEL_CONNECT_TIMEOUT_MS} ms: Connection timed out`);
  }
  if (!r) return err(52, 'Empty reply from server');
  if (o.fail && r.status >= 400) return err(22, `The requested URL returned error: ${r.status}`);
  let body = o.head ? headerBlock(r) : (o.include ? headerBlock(r) : '') + r.body;
  const bytes = new TextEncoder().encode(r.body).length;
  let stdout = body;
  if (o.output !== undefined && o.output !== '-') stdout = '';
  if (o.writeOut) stdout += o.writeOut.replace(/%\{http_code\}/g, String(r.status)).replace(/%\{size_download\}/g, String(bytes)).replace(/\\n/g, '\n');
  body = '';
  return out(stdout, progress ? meter(o.head ? 0 : bytes) : body, 0);
}

/** Parses, routes and formats one curl command line. */
export function runCurl(env: TrafficEnv, source: TrafficSource, args: string[], tty: boolean): ExecOutput {
  const o = parseCurl(args);
  if ('error' in o) return { stdout: '', stderr: `${o.error}\n`, exitCode: 2 };
  if (!o.url) return { stdout: '', stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
  const host = o.headers.find(([k]) => k.toLowerCase() === 'host')?.[1];
  const result = routeRequest(env, source, o.url, { method: o.head ? 'HEAD' : 'GET', ...(host ? { hostHeader: host } : {}) });
  if (!result.trace.hops.length && result.failure && result.failure.port === 0) return { stdout: '', stderr: `curl: (3) URL rejected: Bad hostname\n`, exitCode: 3 };
  return formatCurl(result, o, tty);
}
