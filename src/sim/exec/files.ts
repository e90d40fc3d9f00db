import type { Pod } from 'kubernetes-types/core/v1';
import { resolvConf } from '../network/dns';
import type { ExecContext, ExecOutput } from './types';

/** The pod's hostname as the kubelet sets it (spec.hostname, else the pod name). */
export function podHostname(pod: Pod): string {
  return pod.spec?.hostname ?? pod.metadata?.name ?? '';
}

/** /etc/hosts as the kubelet writes it ("Kubernetes-managed hosts file"), with hostAliases. */
export function etcHosts(pod: Pod): string {
  const ip = pod.status?.podIP;
  const host = podHostname(pod);
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  if (ip) {
    const sub = pod.spec?.subdomain;
    const fqdn = sub ? `${host}.${sub}.${pod.metadata?.namespace ?? 'default'}.svc.cluster.local\t` : '';
    lines.push(`${ip}\t${fqdn}${host}`);
  }
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length) {
    lines.push('', '# Entries added by HostAliases.');
    for (const a of aliases) lines.push(`${a.ip}\t${(a.hostnames ?? []).join('\t')}`);
  }
  return lines.join('\n') + '\n';
}

/** Kubelet-managed files every container sees. */
export function systemFile(ctx: ExecContext, path: string): string | undefined {
  switch (path) {
    case '/etc/resolv.conf':
      return resolvConf(ctx.env.input, ctx.pod);
    case '/etc/hosts':
      return etcHosts(ctx.pod);
    case '/etc/hostname':
      return podHostname(ctx.pod) + '\n';
    case '/var/run/secrets/kubernetes.io/serviceaccount/namespace':
      return ctx.pod.metadata?.namespace ?? 'default';
    default:
      return undefined;
  }
}

const busybox = (ctx: ExecContext) => ctx.shell === 'ash';

export function runCat(args: string[], ctx: ExecContext): ExecOutput {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const path of args.filter((a) => !a.startsWith('-'))) {
    const content = ctx.files.map((f) => f.read(path)).find((c) => c !== undefined) ?? systemFile(ctx, path);
    if (content !== undefined) stdout += content;
    else {
      stderr += busybox(ctx) ? `cat: can't open '${path}': No such file or directory\n` : `cat: ${path}: No such file or directory\n`;
      exitCode = 1;
    }
  }
  return { stdout, stderr, exitCode };
}

const DIRS: Record<string, string[]> = {
  '/': ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'run', 'sys', 'tmp', 'usr', 'var'],
  '/etc': ['group', 'hostname', 'hosts', 'passwd', 'resolv.conf'],
  '/tmp': [],
  '/var/run/secrets/kubernetes.io/serviceaccount': ['ca.crt', 'namespace', 'token'],
};

export function runLs(args: string[], ctx: ExecContext): ExecOutput {
  const paths = args.filter((a) => !a.startsWith('-'));
  const targets = paths.length ? paths : ['/'];
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const p of targets) {
    const path = p.length > 1 ? p.replace(/\/$/, '') : p;
    const entries = ctx.files.map((f) => f.list?.(path)).find((e) => e !== undefined) ?? DIRS[path];
    if (entries) {
      if (targets.length > 1) stdout += `${path}:\n`;
      stdout += entries.length ? entries.join('\n') + '\n' : '';
    } else if (systemFile(ctx, path) !== undefined) stdout += path + '\n';
    else {
      stderr += busybox(ctx) ? `ls: ${path}: No such file or directory\n` : `ls: cannot access '${path}': No such file or directory\n`;
      exitCode = busybox(ctx) ? 1 : 2;
    }
  }
  return { stdout, stderr, exitCode };
}
