import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';

/** kubectl's getPodStatusForController: phases of the pods whose controller is `owner`. */
export function podsStatusLine(cluster: Cluster, owner: KubeObject): string {
  const pods = cluster.store
    .list<Pod & KubeObject>('pods', { namespace: owner.metadata.namespace })
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid));
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  return `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`;
}
