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

const FILES = readFileSync(resolve(CORPUS, 'INDEX.tsv'), 'utf8')
  .split('\n')
  .map((l) => l.split('\t'))
  .filter((f) => /(^|,)(v1\/PersistentVolume|v1\/PersistentVolumeClaim|storage\.k8s\.io\/[a-z0-9]+\/StorageClass)(,|$)/.test(f[2] ?? ''))
  .map((f) => f[0] as string);

/**
 * Every document the API server refuses, with why. Anything not listed must apply.
 */
const EXPECTED_REJECTIONS: Record<string, string> = {
  // None today: every storage document of the docs is a current storage.k8s.io/v1 or v1 kind.
};

/**
 * The end state of every docs example with a PersistentVolume, PersistentVolumeClaim or
 * StorageClass, the whole file applied to a fresh 3-node cluster (no StorageClass) and settled.
 */
const EXPECTED: Record<string, string> = {
  // No class and no volume in a fresh cluster: FailedBinding, Pending (LimitRange is not part of this test).
  'admin/resource/pvc-limit-greater.yaml': 'pvc/pvc-limit-greater:Pending',
  'admin/resource/pvc-limit-lower.yaml': 'pvc/pvc-limit-lower:Pending',
  'admin/resource/quota-objects-pvc-2.yaml': 'pvc/pvc-quota-demo-2:Pending',
  'admin/resource/quota-objects-pvc.yaml': 'pvc/pvc-quota-demo:Pending',
  // Its StorageClass `fast` uses k8s.io/minikube-hostpath, which the sim provisions: every claim binds and the set runs.
  'application/cassandra/cassandra-statefulset.yaml': 'sc/fast pv/pvc-<uid>:Bound pv/pvc-<uid>:Bound pv/pvc-<uid>:Bound pvc/cassandra-data-cassandra-0:Bound pvc/cassandra-data-cassandra-1:Bound pvc/cassandra-data-cassandra-2:Bound pod/cassandra-0:Running pod/cassandra-1:Running pod/cassandra-2:Running',
  // A static hostPath PV and a claim of the same class `manual`: bound.
  'application/mysql/mysql-pv.yaml': 'pv/mysql-pv-volume:Bound pvc/mysql-pv-claim:Bound',
  // dataSource is a VolumeSnapshot; no class, no volume: Pending.
  'application/restore-pvc.yaml': 'pvc/restored-pvc:Pending',
  // The claim names no class and the cluster has none: the claim and the pod wait.
  'application/wordpress/mysql-deployment.yaml': 'pvc/mysql-pv-claim:Pending pod/wordpress-mysql-*:Pending',
  'application/wordpress/wordpress-deployment.yaml': 'pvc/wp-pv-claim:Pending pod/wordpress-*:Pending',
  'pods/storage/expandable-pvc.yaml': 'pvc/expandable-pvc:Pending',
  'pods/storage/pv-claim.yaml': 'pvc/task-pv-claim:Pending',
  // Alone, the volume is Available.
  'pods/storage/pv-volume.yaml': 'pv/task-pv-volume:Available',
  'storage/storageclass-low-latency.yaml': 'sc/low-latency',
  // Classes alone: stored with their defaults; nothing to provision.
  'storage/storageclass/storageclass-aws-ebs.yaml': 'sc/ebs-sc',
  'storage/storageclass/storageclass-aws-efs.yaml': 'sc/efs-sc',
  'storage/storageclass/storageclass-azure-file.yaml': 'sc/azurefile',
  'storage/storageclass/storageclass-ceph-rbd.yaml': 'sc/fast',
  'storage/storageclass/storageclass-local.yaml': 'sc/local-storage',
  'storage/storageclass/storageclass-nfs.yaml': 'sc/example-nfs',
  'storage/storageclass/storageclass-portworx-volume.yaml': 'sc/portworx-io-priority-high',
  'storage/storageclass/storageclass-topology.yaml': 'sc/standard',
};

function phase(o: KubeObject): string {
  return (o.status as { phase?: string } | undefined)?.phase ?? '';
}

function endState(path: string): { state: string; rejected: string[] } {
  const c = createCluster({ seed: 5 });
  const rejected: string[] = [];
  for (const d of docs(path)) {
    const res = c.api.create(d);
    if (!res.ok) rejected.push(`${d.kind}/${d.metadata?.name}: ${res.status.message}`);
  }
  c.runUntilSettled(150);
  return { state: stateOf(c), rejected };
}

function stateOf(c: ReturnType<typeof createCluster>): string {
  const parts: string[] = [];
  for (const o of c.store.list('storageclasses.storage.k8s.io')) parts.push(`sc/${o.metadata.name}`);
  for (const o of c.store.list('persistentvolumes')) parts.push(`pv/${o.metadata.name.startsWith('pvc-') ? 'pvc-<uid>' : o.metadata.name}:${phase(o)}`);
  for (const o of c.store.list('persistentvolumeclaims')) parts.push(`pvc/${o.metadata.name}:${phase(o)}`);
  for (const o of c.store.list('pods', { namespace: 'default' })) parts.push(`pod/${o.metadata.name.replace(/-[a-z0-9]{8,10}-[a-z0-9]{5}$/, '-*')}:${phase(o)}`);
  return parts.join(' ');
}

/** Files applied together, as the docs' walkthroughs do: claims that can bind do bind. */
const TOGETHER: [string[], string, string][] = [
  [['pods/storage/pv-volume.yaml', 'pods/storage/pv-claim.yaml', 'pods/storage/pv-pod.yaml'], '', 'pv/task-pv-volume:Bound pvc/task-pv-claim:Bound pod/task-pv-pod:Running'],
  [
    ['application/wordpress/mysql-deployment.yaml', 'application/wordpress/wordpress-deployment.yaml'],
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: standard\n  annotations: { storageclass.kubernetes.io/is-default-class: "true" }\nprovisioner: rancher.io/local-path\nvolumeBindingMode: WaitForFirstConsumer',
    // Both claims bind through the default class; the pods then wait for Secret mysql-pass (the docs make it with kustomize).
    'sc/standard pv/pvc-<uid>:Bound pv/pvc-<uid>:Bound pvc/mysql-pv-claim:Bound pvc/wp-pv-claim:Bound pod/wordpress-mysql-*:Pending pod/wordpress-*:Pending',
  ],
];

describe('k8s website storage examples', () => {
  for (const [files, first, want] of TOGETHER) {
    it(`${files.join(' + ')} bind and run`, () => {
      const c = createCluster({ seed: 5 });
      const all = [...(first ? parseAllDocuments(first).map((d) => d.toJS() as KubeObject) : []), ...files.flatMap(docs)];
      for (const d of all) expect(c.api.create(d).ok).toBe(true);
      c.runUntilSettled(150);
      expect(stateOf(c)).toBe(want);
    });
  }
  it('lists every example', () => {
    expect(FILES.length).toBeGreaterThan(0);
    expect([...FILES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const path of FILES) {
    it(`${path} applies and settles`, () => {
      const { state, rejected } = endState(path);
      expect(rejected.join('\n')).toBe(EXPECTED_REJECTIONS[path] ?? '');
      expect(state).toBe(EXPECTED[path]);
    });
  }
});
