import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { NetworkObjects } from '../network/objects';
import { podHostname } from './files';
import type { ExecContext, ExecOutput } from './types';

/**
 * The environment a container's process sees: PATH and HOSTNAME from the runtime, the Docker
 * links-style variables the kubelet adds for every Service of the pod's namespace that existed
 * when the pod started (plus the `kubernetes` Service's KUBERNETES_*), then the container's env.
 */
const envName = (name: string) => name.toUpperCase().replace(/-/g, '_');

function serviceVars(svc: Service): [string, string][] {
  const ip = svc.spec?.clusterIP;
  const ports = svc.spec?.ports ?? [];
  if (!ip || ip === 'None' || !ports.length) return [];
  const n = envName(svc.metadata?.name ?? '');
  const first = ports[0];
  const out: [string, string][] = [
    [`${n}_SERVICE_HOST`, ip],
    [`${n}_SERVICE_PORT`, String(first?.port ?? '')],
  ];
  for (const p of ports) if (p.name) out.push([`${n}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  const proto = (first?.protocol ?? 'TCP').toLowerCase();
  out.push([`${n}_PORT`, `${proto}://${ip}:${first?.port}`]);
  for (const p of ports) {
    const pr = (p.protocol ?? 'TCP').toLowerCase();
    const base = `${n}_PORT_${p.port}_${pr.toUpperCase()}`;
    out.push([base, `${pr}://${ip}:${p.port}`], [`${base}_PROTO`, pr], [`${base}_PORT`, String(p.port)], [`${base}_ADDR`, ip]);
  }
  return out;
}

const created = (o: { metadata?: { creationTimestamp?: string } }): number => Date.parse(o.metadata?.creationTimestamp ?? '') || 0;

export function containerEnv(input: NetworkObjects, pod: Pod, containerName: string): [string, string][] {
  const ns = pod.metadata?.namespace ?? 'default';
  const started = Date.parse(pod.status?.startTime ?? '') || Number.MAX_SAFE_INTEGER;
  const links = pod.spec?.enableServiceLinks !== false;
  const services = input.services
    .filter((s) => (s.metadata?.namespace === ns && links) || (s.metadata?.namespace === 'default' && s.metadata?.name === 'kubernetes'))
    .filter((s) => created(s) <= started)
    .sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
  const vars = new Map<string, string>([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', podHostname(pod)],
  ]);
  for (const s of services) for (const [k, v] of serviceVars(s)) vars.set(k, v);
  if (!vars.has('KUBERNETES_SERVICE_HOST')) for (const [k, v] of serviceVars({ metadata: { name: 'kubernetes' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } })) vars.set(k, v);
  const c = (pod.spec?.containers ?? []).find((x) => x.name === containerName);
  for (const e of c?.env ?? []) if (e.value !== undefined) vars.set(e.name, e.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, k: string) => vars.get(k) ?? m));
  vars.set('HOME', '/root');
  return [...vars];
}

export function runEnv(args: string[], ctx: ExecContext): ExecOutput {
  const vars = containerEnv(ctx.env.input, ctx.pod, ctx.container.name);
  const wanted = args.filter((a) => !a.startsWith('-'));
  if (wanted.length) {
    const found = wanted.map((w) => vars.find(([k]) => k === w)?.[1]);
    return { stdout: found.filter((v) => v !== undefined).map((v) => `${v}\n`).join(''), stderr: '', exitCode: found.every((v) => v !== undefined) ? 0 : 1 };
  }
  return { stdout: vars.map(([k, v]) => `${k}=${v}\n`).join(''), stderr: '', exitCode: 0 };
}
