import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { rfc1123z } from '../duration';
import { formatLabelSelector } from '../printers/workloads';
import { DescribeWriter, eventsFor, writeEvents, writeAnnotations, writeLabels } from './common';
import { writePodTemplate } from './podtemplate';
import { podsStatusLine } from './workloadpods';

type StatefulSetObject = StatefulSet & KubeObject;

/** kubectl's describeVolumeClaimTemplates: one block per claim template, Go's `[A B]` for access modes. */
function writeClaimTemplates(w: DescribeWriter, templates: readonly PersistentVolumeClaim[] | undefined): void {
  if (!templates?.length) return w.write(0, 'Volume Claims:\t<none>\n');
  w.write(0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    const cls = pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
    w.write(1, `StorageClass:\t${cls}\n`);
    const sub = new DescribeWriter();
    writeLabels(sub, 'Labels', pvc.metadata?.labels);
    writeLabels(sub, 'Annotations', pvc.metadata?.annotations);
    w.text += sub.text.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(1, `Capacity:\t${storage === undefined ? '<default>' : String(storage)}\n`);
    w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

/** `kubectl describe statefulset`, laid out as kubectl's StatefulSetDescriber does. */
export function describeStatefulSet(cluster: Cluster, s: StatefulSetObject): string {
  const w = new DescribeWriter();
  const spec = s.spec;
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(s.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(spec?.selector)}\n`);
  writeLabels(w, 'Labels', s.metadata.labels);
  writeAnnotations(w, s.metadata.annotations);
  w.write(0, `Replicas:\t${spec?.replicas ?? 1} desired | ${s.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${spec?.updateStrategy?.type ?? ''}\n`);
  const ru = spec?.updateStrategy?.rollingUpdate;
  // kubectl prints MaxUnavailable only under a Partition line, as its describer nests them.
  if (ru?.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${String(ru.maxUnavailable)}\n`);
  }
  w.write(0, podsStatusLine(cluster, s));
  writePodTemplate(w, spec?.template);
  writeClaimTemplates(w, spec?.volumeClaimTemplates);
  writeEvents(w, eventsFor(cluster, s), cluster.clock.nowMillis());
  return w.text;
}
