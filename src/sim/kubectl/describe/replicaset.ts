import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, ReplicationController } from 'kubernetes-types/core/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { matchesSelector } from '../../store/labels';
import type { LabelSelectorLike } from '../../store/labels';
import { formatLabelSelector } from '../printers/workloads';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common';
import { writePodTemplate } from './podtemplate';

type Owner = (ReplicaSet | ReplicationController) & KubeObject;

/** `kubectl describe replicaset` / `replicationcontroller` (kubectl's ReplicaSetDescriber layout). */
export function describeReplicaSet(cluster: Cluster, rs: Owner): string {
  const w = new DescribeWriter();
  const sel = rs.spec?.selector as LabelSelectorLike | undefined;
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(sel)}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, rs.metadata.annotations);
  const owner = rs.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  const pods = cluster.store
    .list<Pod & KubeObject>('pods', { namespace: rs.metadata.namespace })
    .filter((p) => (sel ? matchesSelector(sel, p.metadata.labels) : false) && p.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid));
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  w.write(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  writePodTemplate(w, rs.spec?.template);
  const conds = (rs.status as ReplicaSet['status'])?.conditions ?? [];
  if (conds.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conds) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  writeEvents(w, eventsFor(cluster, rs), cluster.clock.nowMillis());
  return w.text;
}
