import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { ENDPOINTSLICE_RESOURCE, SERVICE_NAME_LABEL } from '../../controllers/endpoints';
import type { EndpointSliceObject } from '../../controllers/endpoints';
import { formatEndpointSlices, formatLabels } from '../printers/services';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common';

type ServiceObject = Service & KubeObject;
type EndpointsObject = Endpoints & KubeObject;

/** kubectl describe service: addresses, each port with its target and node port, the ready endpoints. */
export function describeService(cluster: Cluster, svc: ServiceObject): string {
  const w = new DescribeWriter();
  const spec = svc.spec ?? {};
  const slices = cluster.store.list<EndpointSliceObject>(ENDPOINTSLICE_RESOURCE, { namespace: svc.metadata.namespace, labelSelector: { [SERVICE_NAME_LABEL]: svc.metadata.name } });
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? 'default'}\n`);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector as Record<string, string> | undefined)}\n`);
  w.write(0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => `${i.ip || i.hostname || ''}${i.ipMode ? ` (${i.ipMode})` : ''}`).join(', ')}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, new Set([p.name ?? '']))}\n`);
  }
  if (!spec.ports?.length) w.write(0, `Endpoints:\t${formatEndpointSlices(slices)}\n`);
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  writeEvents(w, eventsFor(cluster, svc), cluster.clock.nowMillis());
  return w.text;
}

/** kubectl describe endpoints: each subset's ready and not-ready addresses and ports. */
export function describeEndpoints(cluster: Cluster, ep: EndpointsObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? 'default'}\n`);
  writeLabels(w, 'Labels', ep.metadata.labels);
  writeAnnotations(w, ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const s of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(s.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if (s.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of s.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    w.write(0, '\n');
  }
  writeEvents(w, eventsFor(cluster, ep), cluster.clock.nowMillis());
  return w.text;
}
