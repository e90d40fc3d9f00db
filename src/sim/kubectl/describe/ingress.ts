import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { ingressAddress } from '../printers/networking';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common';

type IngressObject = Ingress & KubeObject;

/** kubectl's formatEndpoints: `ip:port` for the named port, three at most, then `+ N more...`. */
function formatEndpoints(ep: Endpoints, portName: string): string {
  const list: string[] = [];
  for (const s of ep.subsets ?? [])
    for (const p of s.ports ?? []) {
      if ((p.name ?? '') !== portName) continue;
      for (const a of s.addresses ?? []) list.push(`${a.ip}:${p.port}`);
    }
  if (!list.length) return '<none>';
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

/** describeBackendV1: `svc:port (endpoints)`, or the error kubectl got looking them up. */
export function describeBackend(cluster: Cluster, namespace: string, b: IngressBackend): string {
  if (b.service) {
    const port = b.service.port?.number ? String(b.service.port.number) : (b.service.port?.name ?? '');
    const sb = `${b.service.name}:${port}`;
    const ep = cluster.store.get<Endpoints & KubeObject>('endpoints', namespace, b.service.name);
    if (!ep) return `${sb} (<error: endpoints "${b.service.name}" not found>)`;
    const svc = cluster.store.get<Service & KubeObject>('services', namespace, b.service.name);
    if (!svc) return `${sb} (<error: services "${b.service.name}" not found>)`;
    let spName = '';
    for (const sp of svc.spec?.ports ?? []) {
      if (b.service.port?.number && b.service.port.number === sp.port) spName = sp.name ?? '';
      else if (b.service.port?.name && b.service.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpoints(ep, spName)})`;
  }
  if (b.resource) return `APIGroup: ${b.resource.apiGroup ?? '<none>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  return '';
}

/** `kubectl describe ingress` (kubectl's IngressDescriber, networking/v1). */
export function describeIngress(cluster: Cluster, ing: IngressObject): string {
  const w = new DescribeWriter();
  const ns = ing.metadata.namespace ?? 'default';
  const spec = ing.spec ?? {};
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  writeLabels(w, 'Labels', ing.metadata.labels);
  w.write(0, `Namespace:\t${ns}\n`);
  w.write(0, `Address:\t${ingressAddress(ing)}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  w.write(0, `Default backend:\t${spec.defaultBackend ? describeBackend(cluster, ns, spec.defaultBackend) : '<default>'}\n`);
  if (spec.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of spec.tls) {
      if (!t.secretName) w.write(1, `SNI routes ${(t.hosts ?? []).join(',')}\n`);
      else w.write(1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`);
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${rule.host || '*'}\t\n`);
    for (const p of rule.http.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${describeBackend(cluster, ns, p.backend)}\n`);
  }
  if (!count) w.write(1, `*\t*\t${spec.defaultBackend ? describeBackend(cluster, ns, spec.defaultBackend) : ''}\n`);
  writeAnnotations(w, ing.metadata.annotations);
  writeEvents(w, eventsFor(cluster, ing), cluster.clock.nowMillis());
  return w.text;
}

/** `kubectl describe ingressclass`. */
export function describeIngressClass(cluster: Cluster, c: IngressClass & KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${c.metadata.name}\n`);
  writeLabels(w, 'Labels', c.metadata.labels);
  writeAnnotations(w, c.metadata.annotations);
  w.write(0, `Controller:\t${c.spec?.controller ?? ''}\n`);
  const p = c.spec?.parameters;
  if (p) {
    w.write(0, 'Parameters:\n');
    if (p.apiGroup) w.write(1, `APIGroup:\t${p.apiGroup}\n`);
    w.write(1, `Kind:\t${p.kind}\n`);
    w.write(1, `Name:\t${p.name}\n`);
    if (p.namespace) w.write(1, `Namespace:\t${p.namespace}\n`);
    if (p.scope) w.write(1, `Scope:\t${p.scope}\n`);
  }
  writeEvents(w, eventsFor(cluster, c), cluster.clock.nowMillis());
  return w.text;
}
