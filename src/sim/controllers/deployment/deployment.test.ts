import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { parseManifest } from '../../yaml/parse';
import { createDeploymentController } from './index';
import { podTemplateHash } from './hash';
import type { DeploymentObject, ReplicaSetObject } from './util';
import { fenceposts } from './util';
import { newRSReplicas } from './rolling';

const CORPUS = resolve(__dirname, '../../../../../shared/corpus/k8s-website-examples');
const NGINX = readFileSync(resolve(CORPUS, 'controllers/nginx-deployment.yaml'), 'utf8');

function deploymentOnly(): Cluster {
  const c = new Cluster({ seed: 21 }, [createDeploymentController()]).bootstrap();
  c.drainDelta();
  return c;
}

function create(c: Cluster, yaml: string, patch: (o: KubeObject) => void = () => {}): KubeObject {
  const obj = parseManifest(yaml).documents[0]?.object as KubeObject;
  patch(obj);
  const r = c.api.create(obj);
  if (!r.ok) throw new Error(r.status.message);
  return r.object;
}

const writes = (c: Cluster, from = 0) =>
  c.records.slice(from).filter((r) => r.controller === 'deployment-controller').map((r) => `${r.action} ${r.target.kind} ${r.target.name}`);
const rsList = (c: Cluster) => c.store.list<ReplicaSetObject>('replicasets.apps', { namespace: 'default' });
const deploy = (c: Cluster) => c.store.get<DeploymentObject>('deployments.apps', 'default', 'nginx-deployment') as DeploymentObject;

/** Plays the ReplicaSet controller's part by hand: status as if every pod were up and available. */
function markAvailable(c: Cluster, rs: ReplicaSetObject): void {
  const n = rs.spec?.replicas ?? 0;
  const r = c.api.update({ ...rs, status: { replicas: n, readyReplicas: n, availableReplicas: n, observedGeneration: rs.metadata.generation } } as KubeObject, { subresource: 'status' });
  if (!r.ok) throw new Error(r.status.message);
}

describe('deployment controller, one reconcile at a time', () => {
  it('creates the new ReplicaSet named by pod-template-hash, records the revision and NewReplicaSetCreated', () => {
    const c = deploymentOnly();
    const d = create(c, NGINX) as DeploymentObject;
    c.step();
    const hash = podTemplateHash(d.spec?.template);
    const name = `nginx-deployment-${hash}`;
    expect(writes(c)).toEqual([`create ReplicaSet ${name}`, 'update Deployment nginx-deployment', 'status Deployment nginx-deployment', 'status Deployment nginx-deployment']);
    const [rs] = rsList(c) as [ReplicaSetObject];
    expect(rs.spec?.replicas).toBe(3);
    expect(rs.spec?.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'nginx', 'pod-template-hash': hash } });
    expect(rs.spec?.template?.metadata?.labels).toEqual({ 'app.kubernetes.io/name': 'nginx', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' });
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx-deployment', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const after = deploy(c);
    expect(after.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(after.status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${name}"` });
    expect(after.status?.conditions?.find((x) => x.type === 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
  });

  it('a template change surges one new pod, then trades old for new as pods become available', () => {
    const c = deploymentOnly();
    create(c, NGINX);
    c.step();
    const old = rsList(c)[0] as ReplicaSetObject;
    markAvailable(c, old);
    c.step();
    const d = deploy(c);
    expect(d.status?.conditions?.find((x) => x.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    const template = structuredClone(d.spec?.template);
    (template?.spec?.containers[0] as { image: string }).image = 'nginx:1.16.1';
    c.api.update({ ...d, spec: { ...d.spec, template } } as KubeObject);
    let from = c.records.length;
    c.step();
    const next = rsList(c).find((rs) => rs.metadata.uid !== old.metadata.uid) as ReplicaSetObject;
    expect(writes(c, from)).toEqual([`create ReplicaSet ${next.metadata.name}`, 'update Deployment nginx-deployment', 'status Deployment nginx-deployment', 'status Deployment nginx-deployment']);
    expect(next.spec?.replicas).toBe(1);
    expect(next.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    // Nothing is available on the new side yet: the old ReplicaSet may not shrink (maxUnavailable 0).
    from = c.records.length;
    c.step();
    expect(writes(c, from)).toEqual(['status Deployment nginx-deployment']);
    expect(rsList(c).find((rs) => rs.metadata.uid === old.metadata.uid)?.spec?.replicas).toBe(3);
    markAvailable(c, next);
    from = c.records.length;
    c.step();
    expect(writes(c, from)).toEqual([`update ReplicaSet ${old.metadata.name}`, 'status Deployment nginx-deployment']);
    expect(rsList(c).find((rs) => rs.metadata.uid === old.metadata.uid)?.spec?.replicas).toBe(2);
  });

  it('the pod-template-hash is deterministic, safe-encoded and changes with the template', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
    expect(podTemplateHash(t)).toBe(podTemplateHash(structuredClone(t)));
    expect(podTemplateHash(t)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(podTemplateHash({ ...t, spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } })).not.toBe(podTemplateHash(t));
    expect(podTemplateHash(t, 1)).not.toBe(podTemplateHash(t));
  });

  it('resolves maxSurge up and maxUnavailable down, as kube does', () => {
    const c = deploymentOnly();
    const d = (replicas: number, maxSurge: string | number, maxUnavailable: string | number) =>
      ({ ...create(c, NGINX, (o) => (o.metadata.name = `d${c.store.resourceVersion}`)), spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } } }) as DeploymentObject;
    expect(fenceposts(d(3, '25%', '25%'))).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    expect(fenceposts(d(10, '25%', '25%'))).toEqual({ maxSurge: 3, maxUnavailable: 2 });
    expect(fenceposts(d(4, 0, 0))).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(newRSReplicas(d(10, '25%', '25%'), [], undefined)).toBe(10);
  });
});

describe('ReplicaSet and ReplicationController validation', () => {
  it('rejects with kube-apiserver messages', () => {
    const c = deploymentOnly();
    const rs = parseManifest(readFileSync(resolve(CORPUS, 'controllers/frontend.yaml'), 'utf8')).documents[0]?.object as KubeObject;
    const noSel = structuredClone(rs);
    delete (noSel.spec as { selector?: unknown }).selector;
    const r1 = c.api.create(noSel);
    expect(!r1.ok && r1.status.message).toBe('ReplicaSet.apps "frontend" is invalid: spec.selector: Required value');
    const never = structuredClone(rs);
    (never.spec as { template: { spec: { restartPolicy: string } } }).template.spec.restartPolicy = 'Never';
    const r2 = c.api.create(never);
    expect(!r2.ok && r2.status.message).toBe('ReplicaSet.apps "frontend" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
    const rc = { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'x' }, spec: { selector: { app: 'a' }, template: { metadata: { labels: { app: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } };
    const r3 = c.api.create(rc);
    expect(!r3.ok && r3.status.message).toBe('ReplicationController "x" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"b"}: `selector` does not match template `labels`');
  });
});
