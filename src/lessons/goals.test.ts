import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { applyManifest, runKubectl } from '../sim/kubectl/index';
import type { KubeObject } from '../sim/objects';
import {
  deploymentAvailable,
  eventCountAtLeast,
  eventTotal,
  jobComplete,
  lastListingIs,
  listedNames,
  nodeNotReady,
  podLabel,
  podTemplateHashLabels,
  podWithoutController,
  podsNamed,
  podsOfDeployment,
  replicaSetCount,
  statefulSetReady,
} from './goals';
import { snapshotOf } from './snapshot';
import type { ClusterSnapshot } from './types';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;

function cluster(seed = 11) {
  return createCluster({ seed, nodes: 2 });
}

function apply(c: ReturnType<typeof cluster>, yaml: string): void {
  const r = applyManifest(c, yaml, 'f.yaml', { atomic: true });
  expect(r.exitCode, r.stderr).toBe(0);
}

describe('workload goals', () => {
  it('a Deployment is available only once its pods run, through one hashed ReplicaSet', () => {
    const c = cluster();
    apply(c, DEPLOY);
    c.step();
    expect(deploymentAvailable('default', 'web', 2)(snapshotOf(c))).toBe(false);
    c.runUntilSettled();
    const s = snapshotOf(c);
    expect(deploymentAvailable('default', 'web', 2)(s)).toBe(true);
    expect(deploymentAvailable('default', 'web', 3)(s)).toBe(false);
    expect(replicaSetCount('default', 'web', 1)(s)).toBe(true);
    expect(podTemplateHashLabels('default', 'web')(s)).toBe(true);
    expect(podsOfDeployment(s, 'default', 'web')).toHaveLength(2);
    expect(podsOfDeployment(s, 'other', 'web')).toHaveLength(0);
  });

  it('a StatefulSet is ready with exactly its ordinal names', () => {
    const c = cluster();
    apply(
      c,
      DEPLOY.replace('kind: Deployment', 'kind: StatefulSet').replace('spec:\n  replicas: 2', 'spec:\n  serviceName: web\n  replicas: 2'),
    );
    c.runUntilSettled();
    const s = snapshotOf(c);
    expect(statefulSetReady('default', 'web', 2)(s)).toBe(true);
    expect(podsNamed('default', 'StatefulSet', 'web', ['web-1', 'web-0'])(s)).toBe(true);
    expect(podsNamed('default', 'StatefulSet', 'web', ['web-0'])(s)).toBe(false);
  });

  it('a Job is complete only after its pod succeeded', () => {
    const c = cluster();
    apply(
      c,
      `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      containers:
        - name: c
          image: busybox:1.36
          command: ["sh", "-c", "echo done"]
      restartPolicy: Never
`,
    );
    c.step();
    expect(jobComplete('default', 'once')(snapshotOf(c))).toBe(false);
    c.runUntilSettled();
    expect(jobComplete('default', 'once', 1)(snapshotOf(c))).toBe(true);
    expect(jobComplete('default', 'once', 2)(snapshotOf(c))).toBe(false);
  });

  it('a stopped node reads as not ready', () => {
    const c = cluster();
    expect(nodeNotReady('worker-1')(snapshotOf(c))).toBe(false);
    expect(runKubectl(c, 'kubectl node stop worker-1', () => undefined).exitCode).toBe(0);
    c.runUntilSettled();
    const s = snapshotOf(c);
    expect(nodeNotReady('worker-1')(s)).toBe(true);
    expect(nodeNotReady('worker-2')(s)).toBe(false);
    expect(nodeNotReady('no-such-node')(s)).toBe(false);
  });
});

describe('eventTotal', () => {
  const event = (reason: string, name: string, count: number, message = ''): KubeObject =>
    ({ apiVersion: 'v1', kind: 'Event', metadata: { name: `${name}.${reason}`, namespace: 'default' }, reason, message, count, involvedObject: { name } }) as KubeObject;
  const snap: ClusterSnapshot = {
    tick: 0,
    objects: { events: [event('SuccessfulCreate', 'web', 3, 'create Pod web-1'), event('SuccessfulCreate', 'web', 1, 'create Pod web-0'), event('Scheduled', 'web', 5)] },
  };

  it('sums folded repeats of one reason about one object', () => {
    expect(eventTotal(snap, 'SuccessfulCreate', 'web')).toBe(4);
    expect(eventTotal(snap, 'SuccessfulCreate', 'web', 'web-1')).toBe(3);
    expect(eventTotal(snap, 'SuccessfulCreate', 'api')).toBe(0);
    expect(eventCountAtLeast('SuccessfulCreate', 'web', 4)(snap)).toBe(true);
    expect(eventCountAtLeast('SuccessfulCreate', 'web', 5)(snap)).toBe(false);
  });
});

describe('label goals', () => {
  it('read the NAME column of the last get, and a pod released by its ReplicaSet', () => {
    const c = cluster();
    const rs = DEPLOY.replace('kind: Deployment', 'kind: ReplicaSet');
    apply(c, rs);
    c.runUntilSettled();
    const pods = c.store.list('pods').filter((p) => p.metadata.namespace === 'default').map((p) => p.metadata.name);
    const line = 'get pods -l app=web';
    const r = runKubectl(c, line, () => undefined);
    const snap = (command: string, res: typeof r) => ({ ...snapshotOf(c), lastResult: { command, exitCode: res.exitCode, stdout: res.stdout, stderr: res.stderr } });
    expect(listedNames(snap(line, r))?.sort()).toEqual([...pods].sort());
    expect(lastListingIs(pods)(snap(line, r))).toBe(true);
    expect(lastListingIs(pods.slice(1))(snap(line, r))).toBe(false);
    expect(listedNames(snap('describe pods', r))).toBeUndefined();
    const first = pods[0] as string;
    expect(runKubectl(c, `label pod ${first} app=debug --overwrite`, () => undefined).exitCode).toBe(0);
    c.runUntilSettled();
    const s = snapshotOf(c);
    expect(podLabel('default', first, 'app', 'debug')(s)).toBe(true);
    expect(podLabel('default', first, 'tier')(s)).toBe(true);
    expect(podLabel('default', first, 'app')(s)).toBe(false);
    expect(podWithoutController('default', first)(s)).toBe(true);
    expect(podWithoutController('default', pods[1] as string)(s)).toBe(false);
  });
});
