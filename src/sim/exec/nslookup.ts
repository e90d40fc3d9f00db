import { clusterDNSIP, dnsReachability, resolveName } from '../network/dns';
import { splitReference } from '../kubelet/registry';
import type { ExecContext, ExecOutput } from './types';

/**
 * busybox nslookup against kube-dns. busybox 1.28 (the image the Kubernetes DNS debugging page
 * uses) prints the old `Address 1:` layout; newer busyboxes print `Name:`/`Address:` pairs and
 * one `** server can't find` line per search-path name that failed.
 */
export function runNslookup(args: string[], ctx: ExecContext): ExecOutput {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return { stdout: '', stderr: 'BusyBox v1.36.1 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n', exitCode: 1 };
  const { input, settings } = ctx.env;
  const server = clusterDNSIP(input);
  const reach = dnsReachability(input, settings, ctx.pod);
  if (!reach.ok) return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1 };
  const ns = ctx.pod.metadata?.namespace ?? 'default';
  const a = resolveName(input, name, ns);
  const old = splitReference(ctx.container.image ?? '').tag === '1.28';
  if (old) {
    const head = `Server:    ${server}\nAddress 1: ${server} kube-dns.kube-system.svc.cluster.local\n\n`;
    if (a.status !== 'NOERROR' || (!a.addresses.length && !a.cname)) return { stdout: head, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
    if (a.cname) return { stdout: `${head}Name:      ${name}\nAddress 1: ${a.cname}\n`, stderr: '', exitCode: 0 };
    const lines = a.addresses.map((ip, i) => `Address ${i + 1}: ${ip}${a.kind === 'service' ? ` ${a.fqdn}` : ''}`);
    return { stdout: `${head}Name:      ${name}\n${lines.join('\n')}\n`, stderr: '', exitCode: 0 };
  }
  let stdout = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  if (a.status === 'NOERROR' && a.cname) {
    stdout += `${a.fqdn}\tcanonical name = ${a.cname}\n\n`;
    return { stdout, stderr: '', exitCode: 0 };
  }
  if (a.status === 'NOERROR') {
    for (const ip of a.addresses) stdout += `Name:\t${a.fqdn}\nAddress: ${ip}\n`;
    return { stdout: stdout + '\n', stderr: '', exitCode: 0 };
  }
  for (const t of a.tried) stdout += `** server can't find ${t}: ${t === a.fqdn && a.status === 'SERVFAIL' ? 'SERVFAIL' : 'NXDOMAIN'}\n\n`;
  return { stdout, stderr: '', exitCode: 1 };
}
