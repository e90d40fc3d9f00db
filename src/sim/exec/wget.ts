import { routeRequest } from '../network/traffic';
import type { TrafficEnv, TrafficSource } from '../network/traffic';
import type { ExecOutput } from './types';

/** busybox wget: -q, -O FILE|-, -qO-, -T SECONDS, -S, --spider; its messages and exit code 1. */
export function runWget(env: TrafficEnv, source: TrafficSource, args: string[]): ExecOutput {
  let quiet = false;
  let output: string | undefined;
  let timeout: number | undefined;
  let spider = false;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--spider') spider = true;
    else if (a === '-O' || a === '--output-document') output = args[++i];
    else if (a === '-T' || a === '--timeout') timeout = Number(args[++i]) || undefined;
    else if (/^-[qOTS]+/.test(a) && a !== '-') {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (ch === 'q') quiet = true;
        else if (ch === 'S') continue;
        else if (ch === 'O' || ch === 'T') {
          const rest = a.slice(j + 1) || args[++i] || '';
          if (ch === 'O') output = rest;
          else timeout = Number(rest) || undefined;
          break;
        }
      }
    } else if (a.startsWith('-')) return { stdout: '', stderr: `wget: unrecognized option '${a}'\nBusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n`, exitCode: 1 };
    else url ??= a;
  }
  if (!url) return { stdout: '', stderr: 'BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n', exitCode: 1 };
  const result = routeRequest(env, source, url, { method: spider ? 'HEAD' : 'GET' });
  const f = result.failure;
  const host = f?.host ?? url;
  const ip = f?.ip ?? '';
  let stderr = '';
  const out = (stdout: string, exitCode: number): ExecOutput => ({ stdout, stderr, exitCode, traffic: result.trace });
  const dnsHop = result.trace.hops.find((h) => h.kind === 'dns' && h.params?.ip);
  const addr = dnsHop?.params?.ip ?? ip;
  const port = f?.port ?? Number(/:(\d+)/.exec(result.trace.request.replace(/^\w+ \w+:\/\//, ''))?.[1] ?? 80);
  if (f && !(f.kind === 'empty-reply' && result.response)) {
    if (f.kind === 'nxdomain' || f.kind === 'dns-unreachable') {
      stderr = `wget: bad address '${host}'\n`;
      return out('', 1);
    }
    if (!quiet) stderr += `Connecting to ${host}${addr && addr !== host ? ` (${addr}:${port})` : ''}\n`;
    if (f.kind === 'refused') stderr += `wget: can't connect to remote host (${addr || host}): Connection refused\n`;
    else if (f.kind === 'empty-reply') stderr += 'wget: error getting response: Connection reset by peer\n';
    else if (timeout) stderr += 'wget: download timed out\n';
    else stderr += `wget: can't connect to remote host (${addr || host}): Connection timed out\n`;
    return out('', 1);
  }
  const r = result.response;
  if (!quiet) stderr += `Connecting to ${host}${addr && addr !== host ? ` (${addr}:${port})` : ''}\n`;
  if (!r) {
    stderr += 'wget: error getting response: Connection reset by peer\n';
    return out('', 1);
  }
  if (r.status >= 400) {
    stderr += `wget: server returned error: HTTP/1.1 ${r.status} ${r.reason}\n`;
    return out('', 1);
  }
  if (spider) {
    if (!quiet) stderr += 'remote file exists\n';
    return out('', 0);
  }
  const size = new TextEncoder().encode(r.body).length;
  const bar = `100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA`;
  if (output === '-') {
    if (!quiet) stderr += `writing to stdout\n-                    ${bar}\nwritten to stdout\n`;
    return out(r.body, 0);
  }
  const file = output ?? 'index.html';
  if (!quiet) stderr += `saving to '${file}'\n${file.padEnd(20)} ${bar}\n'${file}' saved\n`;
  return out('', 0);
}
