import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster } from '../../cluster';
import type { KubeObject } from '../../objects';

const CORPUS = resolve(__dirname, '../../../../../shared/corpus/k8s-website-examples');

function docs(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(resolve(CORPUS, path), 'utf8'))
    .map((d) => d.toJS() as KubeObject | null)
    .filter((d): d is KubeObject => !!d && typeof d === 'object');
}

const SETS = readFileSync(resolve(CORPUS, 'INDEX.tsv'), 'utf8')
  .split('\n')
  .map((l) => l.split('\t'))
  .filter((f) => /apps\/v1\/(StatefulSet|DaemonSet)/.test(f[2] ?? ''))
  .map((f) => f[0] as string);

/**
 * The end state of every apps/v1 StatefulSet and DaemonSet example of the Kubernetes docs.
 * Only the StatefulSet/DaemonSet documents are applied: Services, PodDisruptionBudgets and
 * StorageClasses in the same files are not simulated yet. Claims from volumeClaimTemplates
 * are never bound (no PersistentVolumes yet), so those StatefulSets honestly stop at ordinal
 * 0, Pending.
 */
const EXPECTED: Record<string, string> = {
  // The init container cats the host's /etc/machine-id (a hostPath mount) into a file and completes.
  'application/basic-daemonset.yaml': 'DaemonSet example-daemonset pods=worker-1:Running,worker-2:Running',
  'application/cassandra/cassandra-statefulset.yaml': 'StatefulSet cassandra pods=cassandra-0:Pending pvcs=cassandra-data-cassandra-0:Pending',
  'application/job/rabbitmq/rabbitmq-statefulset.yaml': 'StatefulSet rabbitmq pods=rabbitmq-0:Running',
  'application/mysql/mysql-statefulset.yaml': 'StatefulSet mysql pods=mysql-0:Pending pvcs=data-mysql-0:Pending',
  'application/web/web-parallel.yaml': 'StatefulSet web pods=web-0:Pending,web-1:Pending pvcs=www-web-0:Pending,www-web-1:Pending',
  'application/web/web.yaml': 'StatefulSet web pods=web-0:Pending pvcs=www-web-0:Pending',
  'application/zookeeper/zookeeper.yaml': 'StatefulSet zk pods=zk-0:Pending pvcs=datadir-zk-0:Pending',
  // nodeSelector ssd=true: no node has the label.
  'controllers/daemonset-label-selector.yaml': 'DaemonSet nginx-ssd pods=',
  // Tolerates only the old node-role.kubernetes.io/master taint, so not the control-plane node.
  'controllers/daemonset.yaml': 'DaemonSet fluentd-elasticsearch pods=worker-1:Running,worker-2:Running',
  'controllers/fluentd-daemonset-update.yaml': 'DaemonSet fluentd-elasticsearch pods=worker-1:Running,worker-2:Running',
  'controllers/fluentd-daemonset.yaml': 'DaemonSet fluentd-elasticsearch pods=control-plane:Running,worker-1:Running,worker-2:Running',
  'controllers/statefulset.yaml': 'StatefulSet web pods=web-0:Pending pvcs=www-web-0:Pending',
};

function endState(path: string): string {
  const c = createCluster({ seed: 11 });
  const set = docs(path).find((d) => d.kind === 'StatefulSet' || d.kind === 'DaemonSet') as KubeObject;
  const res = c.api.create(set);
  if (!res.ok) return `rejected: ${res.status.message}`;
  // Bounded: a pod whose init container keeps failing never settles.
  c.runUntilSettled(120);
  const ns = res.object.metadata.namespace;
  const pods = c.store
    .list('pods', { namespace: ns })
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === res.object.metadata.uid))
    .map((p) => {
      const phase = (p.status as { phase?: string } | undefined)?.phase ?? '';
      const node = (p.spec as { nodeName?: string }).nodeName;
      return set.kind === 'DaemonSet' ? `${node ?? (p.spec as { affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: { matchFields?: { values?: string[] }[] }[] } } } }).affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]?.matchFields?.[0]?.values?.[0]}:${phase}` : `${p.metadata.name}:${phase}`;
    })
    .sort();
  const pvcs = c.store.list('persistentvolumeclaims', { namespace: ns }).map((p) => `${p.metadata.name}:${(p.status as { phase?: string }).phase}`);
  return `${set.kind} ${set.metadata.name} pods=${pods.join(',')}${pvcs.length ? ` pvcs=${pvcs.join(',')}` : ''}`;
}

describe('k8s website StatefulSet and DaemonSet examples', () => {
  it('lists every example', () => {
    expect(SETS.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const path of SETS) {
    it(`${path} converges`, () => {
      expect(endState(path)).toBe(EXPECTED[path]);
    });
  }
});
