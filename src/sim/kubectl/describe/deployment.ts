import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { rfc1123z } from '../duration';
import { formatLabelSelector } from '../printers/workloads';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common';
import { writePodTemplate } from './podtemplate';
import { equalIgnoreHash } from '../../controllers/deployment/util';

type DeploymentObject = Deployment & KubeObject;
type ReplicaSetObject = ReplicaSet & KubeObject;

function owned(cluster: Cluster, d: DeploymentObject): ReplicaSetObject[] {
  return cluster.store
    .list<ReplicaSetObject>('replicasets.apps', { namespace: d.metadata.namespace })
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid))
    .sort((a, b) => ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? -1 : 1));
}

function rsSummary(list: ReplicaSetObject[]): string {
  if (!list.length) return '<none>';
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
}

/** `kubectl describe deployment`, laid out as kubectl's DeploymentDescriber does. */
export function describeDeployment(cluster: Cluster, d: DeploymentObject): string {
  const w = new DescribeWriter();
  const spec = d.spec;
  const st = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelSelector(spec?.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
  const ru = spec?.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '')} max unavailable, ${String(ru.maxSurge ?? '')} max surge\n`);
  writePodTemplate(w, spec?.template);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const all = owned(cluster, d);
  const newRS = all.find((rs) => equalIgnoreHash(rs.spec?.template, spec?.template));
  const olds = all.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 0) > 0);
  w.write(0, `OldReplicaSets:\t${rsSummary(olds)}\n`);
  w.write(0, `NewReplicaSet:\t${newRS ? rsSummary([newRS]) : '<none>'}\n`);
  writeEvents(w, eventsFor(cluster, d), cluster.clock.nowMillis());
  return w.text;
}
