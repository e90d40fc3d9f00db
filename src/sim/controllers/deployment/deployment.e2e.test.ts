import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster, createCluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { runKubectl } from '../../kubectl/run';
import type { DeploymentObject, ReplicaSetObject } from './util';
import { controllerRefOf } from '../replicapods';

const CORPUS = resolve(__dirname, '../../../../../shared/corpus/k8s-website-examples');
const NGINX = readFileSync(resolve(CORPUS, 'controllers/nginx-deployment.yaml'), 'utf8');
const files = (n: string) => (n === 'nginx.yaml' ? NGINX : n === 'recreate.yaml' ? NGINX.replace('  replicas: 3\n', '  replicas: 3\n  strategy:\n    type: Recreate\n') : undefined);

type PodObject = Pod & KubeObject;

function kubectl(c: Cluster, line: string): { stdout: string; stderr: string; exitCode: number } {
  return runKubectl(c, line, files);
}

function ok(c: Cluster, line: string): string {
  const r = kubectl(c, line);
  if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
  return r.stdout;
}

const pods = (c: Cluster) => c.store.list<PodObject>('pods', { namespace: 'default' });
const live = (c: Cluster) => pods(c).filter((p) => !p.metadata.deletionTimestamp);
const ready = (p: PodObject) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
const rsList = (c: Cluster) => c.store.list<ReplicaSetObject>('replicasets.apps', { namespace: 'default' });
const deploy = (c: Cluster) => c.store.get<DeploymentObject>('deployments.apps', 'default', 'nginx-deployment') as DeploymentObject;
const image = (p: PodObject) => p.spec?.containers[0]?.image;

function started(): Cluster {
  const c = createCluster({ seed: 3 });
  ok(c, 'apply -f nginx.yaml');
  c.runUntilSettled();
  return c;
}

describe('Deployment end to end (controllers/nginx-deployment.yaml)', () => {
  it('settles as 3 Running pods owned by one ReplicaSet owned by the Deployment', () => {
    const c = started();
    const d = deploy(c);
    const [rs, ...more] = rsList(c);
    expect(more).toHaveLength(0);
    expect(rs?.metadata.name).toMatch(/^nginx-deployment-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(controllerRefOf(rs as KubeObject)).toMatchObject({ kind: 'Deployment', name: 'nginx-deployment', uid: d.metadata.uid, controller: true });
    expect(pods(c)).toHaveLength(3);
    for (const p of pods(c)) {
      expect(p.status?.phase).toBe('Running');
      expect(controllerRefOf(p)).toMatchObject({ kind: 'ReplicaSet', name: rs?.metadata.name, controller: true });
      expect(p.metadata.name.startsWith(`${rs?.metadata.name}-`)).toBe(true);
      expect(p.metadata.labels?.['pod-template-hash']).toBe(rs?.metadata.labels?.['pod-template-hash']);
    }
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(d.status?.conditions?.map((x) => `${x.type}=${x.status}/${x.reason}`)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
    expect(ok(c, 'get deployments')).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nnginx-deployment +3\/3 +3 +3 +\d+s\n$/);
    expect(ok(c, 'get rs')).toMatch(/^NAME +DESIRED +CURRENT +READY +AGE\nnginx-deployment-\w+ +3 +3 +3 +\d+s\n$/);
    expect(ok(c, 'get deploy -o wide').split('\n')[1]).toMatch(/ nginx +nginx:1\.14\.2 +app\.kubernetes\.io\/name=nginx$/);
    expect(ok(c, 'rollout status deployment/nginx-deployment')).toBe('deployment "nginx-deployment" successfully rolled out\n');
    const all = ok(c, 'get all');
    expect(all).toContain('deployment.apps/nginx-deployment');
    expect(all).toContain(`replicaset.apps/${rs?.metadata.name}`);
    const describe = ok(c, 'describe deployment nginx-deployment');
    expect(describe).toMatch(/Replicas: +3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable/);
    expect(describe).toMatch(/RollingUpdateStrategy: +25% max unavailable, 25% max surge/);
    expect(describe).toMatch(new RegExp(`NewReplicaSet: +${rs?.metadata.name} \\(3/3 replicas created\\)`));
    expect(describe).toMatch(new RegExp(`Normal +ScalingReplicaSet +\\d+s +deployment-controller +Scaled up replica set ${rs?.metadata.name} from 0 to 3`));
    expect(ok(c, `describe rs ${rs?.metadata.name}`)).toMatch(/Controlled By: +Deployment\/nginx-deployment\n[^]*Pods Status: +3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed[^]*SuccessfulCreate +\d+s +replicaset-controller +Created pod: nginx-deployment-/);
  });

  it('unfolds one hop per tick: Deployment, then ReplicaSet, then pods', () => {
    const c = createCluster({ seed: 3 });
    ok(c, 'apply -f nginx.yaml');
    c.step();
    expect(rsList(c)).toHaveLength(1);
    expect(pods(c)).toHaveLength(0);
    c.step();
    expect(pods(c)).toHaveLength(3);
  });

  it('replaces a deleted pod in the next ticks', () => {
    const c = started();
    const victim = pods(c)[0] as PodObject;
    ok(c, `delete pod ${victim.metadata.name}`);
    c.tickN(2);
    const names = live(c).map((p) => p.metadata.name);
    expect(names).not.toContain(victim.metadata.name);
    expect(names).toHaveLength(3);
    c.runUntilSettled();
    expect(pods(c).filter((p) => p.status?.phase === 'Running')).toHaveLength(3);
    expect(c.records.some((r) => r.controller === 'replicaset-controller' && r.code === 'record.replicaset.createPod' && r.tick > 0)).toBe(true);
  });

  it('rolls out a new image tick by tick within maxSurge and maxUnavailable, then keeps history and undoes', () => {
    const c = started();
    const oldRS = rsList(c)[0] as ReplicaSetObject;
    expect(ok(c, 'set image deployment/nginx-deployment nginx=nginx:1.16.1')).toBe('deployment.apps/nginx-deployment image updated\n');
    // 25% of 3: maxSurge rounds up to 1, maxUnavailable rounds down to 0.
    const seen = new Set<string>();
    for (let i = 0; i < 60 && !seen.has('done'); i++) {
      c.step();
      const active = live(c);
      expect(active.length).toBeLessThanOrEqual(4);
      expect(active.filter(ready).length).toBeGreaterThanOrEqual(3);
      const specTotal = rsList(c).reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
      expect(specTotal).toBeLessThanOrEqual(4);
      const status = kubectl(c, 'rollout status deployment/nginx-deployment');
      seen.add(status.stdout.replace(/\d+/g, 'N'));
      if (status.stdout.includes('successfully rolled out')) seen.add('done');
      else expect(status.stderr).toContain('does not wait');
    }
    expect(seen.has('done')).toBe(true);
    expect([...seen]).toContain('Waiting for deployment "nginx-deployment" rollout to finish: N out of N new replicas have been updated...\n');
    c.runUntilSettled();
    expect(live(c).map(image)).toEqual(['nginx:1.16.1', 'nginx:1.16.1', 'nginx:1.16.1']);
    const after = rsList(c);
    expect(after).toHaveLength(2);
    expect(after.find((rs) => rs.metadata.uid === oldRS.metadata.uid)?.spec?.replicas).toBe(0);
    const events = ok(c, 'describe deployment nginx-deployment');
    expect(events).toMatch(/Scaled up replica set nginx-deployment-\w+ from 0 to 1/);
    expect(events).toMatch(new RegExp(`Scaled down replica set ${oldRS.metadata.name} from 3 to 2`));
    expect(ok(c, 'rollout history deployment/nginx-deployment')).toBe(
      'deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    expect(ok(c, 'rollout history deployment/nginx-deployment --revision=1')).toMatch(/^deployment.apps\/nginx-deployment with revision #1\nPod Template:\n[^]*Image: +nginx:1\.14\.2/);

    expect(ok(c, 'rollout undo deployment/nginx-deployment')).toBe('deployment.apps/nginx-deployment rolled back\n');
    c.runUntilSettled();
    expect(live(c).map(image)).toEqual(['nginx:1.14.2', 'nginx:1.14.2', 'nginx:1.14.2']);
    // The old ReplicaSet comes back as the newest revision.
    const back = rsList(c).find((rs) => rs.metadata.uid === oldRS.metadata.uid) as ReplicaSetObject;
    expect(back.spec?.replicas).toBe(3);
    expect(back.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(deploy(c).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(ok(c, 'rollout history deployment/nginx-deployment')).toContain('2         <none>\n3         <none>\n');
    expect(ok(c, 'rollout undo deployment/nginx-deployment --to-revision=3')).toBe('deployment.apps/nginx-deployment skipped rollback (current template already matches revision 3)\n');
    expect(kubectl(c, 'rollout undo deployment/nginx-deployment --to-revision=9').stderr).toBe('error: unable to find specified revision 9 in history\n');
  });

  it('scales to 5 and back to 1', () => {
    const c = started();
    expect(ok(c, 'scale deployment/nginx-deployment --replicas=5')).toBe('deployment.apps/nginx-deployment scaled\n');
    c.runUntilSettled();
    expect(live(c).filter((p) => p.status?.phase === 'Running')).toHaveLength(5);
    expect(rsList(c)).toHaveLength(1);
    expect(ok(c, 'describe deploy nginx-deployment')).toMatch(/Scaled up replica set nginx-deployment-\w+ from 3 to 5/);
    ok(c, 'scale deployment nginx-deployment --replicas=1');
    c.runUntilSettled();
    expect(pods(c)).toHaveLength(1);
    expect(deploy(c).status).toMatchObject({ replicas: 1, availableReplicas: 1 });
    expect(kubectl(c, 'scale deployment/nginx-deployment --replicas=2 --current-replicas=3').stderr).toBe('error: Expected replicas to be 3, was 1\n');
  });

  it('Recreate stops every old pod before the first new one is created', () => {
    const c = createCluster({ seed: 5 });
    ok(c, 'apply -f recreate.yaml');
    c.runUntilSettled();
    ok(c, 'set image deployment/nginx-deployment nginx=nginx:1.16.1');
    let sawZero = false;
    for (let i = 0; i < 60; i++) {
      c.step();
      const imgs = new Set(pods(c).map(image));
      expect(imgs.size).toBeLessThanOrEqual(1);
      if (pods(c).length === 0) sawZero = true;
    }
    expect(sawZero).toBe(true);
    c.runUntilSettled();
    expect(live(c).map(image)).toEqual(['nginx:1.16.1', 'nginx:1.16.1', 'nginx:1.16.1']);
    expect(ok(c, 'describe deployment nginx-deployment')).toMatch(/StrategyType: +Recreate/);
  });

  it('pause holds a template change back; resume rolls it out', () => {
    const c = started();
    expect(ok(c, 'rollout pause deployment/nginx-deployment')).toBe('deployment.apps/nginx-deployment paused\n');
    expect(kubectl(c, 'rollout pause deployment/nginx-deployment').stderr).toBe('error: deployments.apps "nginx-deployment" is already paused\n');
    ok(c, 'set image deployment/nginx-deployment nginx=nginx:1.16.1');
    c.runUntilSettled();
    expect(rsList(c)).toHaveLength(1);
    expect(deploy(c).status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused' });
    expect(kubectl(c, 'rollout undo deployment/nginx-deployment').stderr).toContain('you cannot rollback a paused deployment');
    expect(ok(c, 'rollout resume deployment/nginx-deployment')).toBe('deployment.apps/nginx-deployment resumed\n');
    c.runUntilSettled();
    expect(rsList(c)).toHaveLength(2);
    expect(live(c).map(image)).toEqual(['nginx:1.16.1', 'nginx:1.16.1', 'nginx:1.16.1']);
  });

  it('rollout restart replaces every pod through a new ReplicaSet', () => {
    const c = started();
    const before = new Set(pods(c).map((p) => p.metadata.name));
    expect(ok(c, 'rollout restart deployment/nginx-deployment')).toBe('deployment.apps/nginx-deployment restarted\n');
    c.runUntilSettled();
    expect(live(c).some((p) => before.has(p.metadata.name))).toBe(false);
    expect(rsList(c)).toHaveLength(2);
  });

  it('deleting the Deployment removes its ReplicaSet and pods through the garbage collector', () => {
    const c = started();
    ok(c, 'delete deployment nginx-deployment');
    c.runUntilSettled();
    expect(rsList(c)).toHaveLength(0);
    expect(pods(c)).toHaveLength(0);
  });

  it('a rollout that stops moving is marked ProgressDeadlineExceeded, and rollout status says so', () => {
    const c = started();
    const d = deploy(c);
    c.api.update({ ...d, spec: { ...d.spec, progressDeadlineSeconds: 20 } } as KubeObject);
    c.runUntilSettled();
    ok(c, 'set image deployment/nginx-deployment nginx=nginx:0.0.0-no-such-tag');
    c.tickN(40);
    expect(deploy(c).status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(kubectl(c, 'rollout status deployment/nginx-deployment')).toEqual({ stdout: '', stderr: 'error: deployment "nginx-deployment" exceeded its progress deadline\n', exitCode: 1 });
    // maxUnavailable 0: the old pods keep serving while the new one cannot start.
    expect(live(c).filter((p) => image(p) === 'nginx:1.14.2' && ready(p))).toHaveLength(3);
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const c = started();
    const d = deploy(c);
    c.api.update({ ...d, spec: { ...d.spec, revisionHistoryLimit: 1 } } as KubeObject);
    for (const tag of ['1.16.1', '1.25', '1.27']) {
      ok(c, `set image deployment/nginx-deployment nginx=nginx:${tag}`);
      c.runUntilSettled();
    }
    expect(rsList(c).map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort()).toEqual(['3', '4']);
    expect(ok(c, 'rollout history deployment/nginx-deployment')).toContain('REVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n');
  });

  it('scales ReplicaSets and ReplicationControllers with kubectl scale', () => {
    const c = createCluster({ seed: 8 });
    const rcYaml = readFileSync(resolve(CORPUS, 'controllers/replication.yaml'), 'utf8');
    expect(runKubectl(c, 'apply -f rc.yaml', (n) => (n === 'rc.yaml' ? rcYaml : undefined)).exitCode).toBe(0);
    c.runUntilSettled();
    expect(ok(c, 'scale rc nginx --replicas=1')).toBe('replicationcontroller/nginx scaled\n');
    c.runUntilSettled();
    expect(pods(c)).toHaveLength(1);
    expect(ok(c, 'get rc')).toMatch(/^NAME +DESIRED +CURRENT +READY +AGE\nnginx +1 +1 +1 +\d+s\n$/);
    expect(ok(c, 'describe rc nginx')).toMatch(/Replicas: +1 current \/ 1 desired/);
  });

  it('is deterministic: the same seed and commands give the same cluster, byte for byte', () => {
    const run = () => {
      const c = started();
      ok(c, 'set image deployment/nginx-deployment nginx=nginx:1.16.1');
      c.tickN(7);
      ok(c, `delete pod ${live(c)[0]?.metadata.name ?? ''}`);
      c.runUntilSettled();
      return JSON.stringify(c.exportState());
    };
    expect(run()).toBe(run());
  });

  it('a cluster saved in the middle of a rollout and restored finishes it exactly as the original does', () => {
    const original = started();
    ok(original, 'set image deployment/nginx-deployment nginx=nginx:1.16.1');
    original.tickN(6);
    const restored = Cluster.fromState(structuredClone(original.exportState()));
    original.runUntilSettled();
    restored.runUntilSettled();
    expect(JSON.stringify(restored.exportState())).toBe(JSON.stringify(original.exportState()));
    expect(live(restored).map(image)).toEqual(['nginx:1.16.1', 'nginx:1.16.1', 'nginx:1.16.1']);
  });

  it('rejects invalid Deployments with kube-apiserver messages', () => {
    const c = createCluster({ seed: 1 });
    const noSelector = NGINX.replace(/  selector:\n    matchLabels:\n      app.kubernetes.io\/name: nginx\n/, '');
    const mismatch = NGINX.replace('      app.kubernetes.io/name: nginx\n  template', '      app: other\n  template');
    const files2 = (n: string) => (n === 'a.yaml' ? noSelector : n === 'b.yaml' ? mismatch : undefined);
    expect(runKubectl(c, 'apply -f a.yaml', files2).stderr).toContain('The Deployment "nginx-deployment" is invalid: spec.selector: Required value');
    expect(runKubectl(c, 'apply -f b.yaml', files2).stderr).toContain(
      'The Deployment "nginx-deployment" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app.kubernetes.io/name":"nginx"}: `selector` does not match template `labels`',
    );
    ok(c, 'apply -f nginx.yaml');
    const changed = NGINX.replace(/app.kubernetes.io\/name: nginx/g, 'app: web');
    expect(runKubectl(c, 'apply -f c.yaml', (n) => (n === 'c.yaml' ? changed : undefined)).stderr).toContain(
      'spec.selector: Invalid value: &v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });
});
