import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { runKubectl } from './run';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/k8s-website-examples');
const files = (n: string) => readFileSync(resolve(CORPUS, n), 'utf8');
const D = 'deployment/nginx-deployment';

function setup(): { c: Cluster; k: (cmd: string) => ReturnType<typeof runKubectl> } {
  const c = createCluster({ seed: 5, nodes: 2 });
  const k = (cmd: string) => runKubectl(c, cmd, files);
  expect(k('apply -f controllers/nginx-deployment.yaml').exitCode).toBe(0);
  c.runUntilSettled();
  return { c, k };
}
const dep = (c: Cluster) => c.store.get<Deployment & KubeObject>('deployments.apps', 'default', 'nginx-deployment');
const rss = (c: Cluster) => c.store.list<ReplicaSet & KubeObject>('replicasets.apps', { namespace: 'default' });
const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (msg: string) => ({ stdout: '', stderr: `error: ${msg}\n`, exitCode: 1 });

describe('kubectl rollout on a Deployment (controllers/nginx-deployment.yaml)', () => {
  it('restart stamps kubectl.kubernetes.io/restartedAt on the pod template and the controller makes a new ReplicaSet', () => {
    const { c, k } = setup();
    expect(rss(c)).toHaveLength(1);
    expect(k(`rollout restart ${D}`)).toEqual(ok('deployment.apps/nginx-deployment restarted\n'));
    expect(dep(c)?.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    c.runUntilSettled();
    expect(rss(c)).toHaveLength(2);
    expect(k(`rollout status ${D}`)).toEqual(ok('deployment "nginx-deployment" successfully rolled out\n'));
    expect(k(`rollout history ${D}`).stdout).toBe('deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });

  it('pause / resume set spec.paused and refuse a second pause or resume as kubectl does', () => {
    const { c, k } = setup();
    expect(k(`rollout pause ${D}`)).toEqual(ok('deployment.apps/nginx-deployment paused\n'));
    expect(dep(c)?.spec?.paused).toBe(true);
    expect(k(`rollout pause ${D}`)).toEqual(err('deployments.apps "nginx-deployment" is already paused'));
    // A paused Deployment takes template changes but does not roll them out.
    expect(k('set image deployment/nginx-deployment nginx=nginx:1.16.1').exitCode).toBe(0);
    c.runUntilSettled();
    expect(rss(c)).toHaveLength(1);
    expect(k(`rollout restart ${D}`)).toEqual(err(`deployments.apps "nginx-deployment" can't restart paused deployment (run rollout resume first)`));
    expect(k(`rollout undo ${D}`)).toEqual(
      err(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/nginx-deployment' and try again`),
    );
    expect(k(`rollout resume ${D}`)).toEqual(ok('deployment.apps/nginx-deployment resumed\n'));
    expect(dep(c)?.spec?.paused).toBeUndefined();
    expect(k(`rollout resume ${D}`)).toEqual(err('deployments.apps "nginx-deployment" is not paused'));
    c.runUntilSettled();
    expect(rss(c)).toHaveLength(2);
  });

  it('history --revision=N prints that revision’s pod template; undo and undo --to-revision roll back', () => {
    const { c, k } = setup();
    expect(k(`rollout undo ${D}`)).toEqual(err('no rollout history found for deployment "nginx-deployment"'));
    k('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    c.runUntilSettled();
    k('set image deployment/nginx-deployment nginx=nginx:1.27');
    c.runUntilSettled();
    const h1 = k(`rollout history ${D} --revision=1`);
    expect(h1.stderr).toBe('');
    expect(h1.stdout).toMatch(
      /^deployment\.apps\/nginx-deployment with revision #1\nPod Template:\n  Labels:  app\.kubernetes\.io\/name=nginx\n           pod-template-hash=\w+\n  Containers:\n   nginx:\n    Image:         nginx:1\.14\.2\n/,
    );
    expect(h1.stdout.endsWith('\n\n')).toBe(true);
    expect(k(`rollout history ${D} --revision=9`)).toEqual(err('unable to find the specified revision'));
    expect(k(`rollout undo ${D}`)).toEqual(ok('deployment.apps/nginx-deployment rolled back\n'));
    expect(dep(c)?.spec?.template?.spec?.containers?.[0]?.image).toBe('nginx:1.16.1');
    expect(dep(c)?.spec?.template?.metadata?.labels?.['pod-template-hash']).toBeUndefined();
    c.runUntilSettled();
    // The rolled-back-to ReplicaSet becomes revision 4; revision 2 leaves the history as kubectl shows it.
    expect(k(`rollout history ${D}`).stdout).toBe('deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n3         <none>\n4         <none>\n\n');
    expect(k(`rollout undo ${D} --to-revision=1`)).toEqual(ok('deployment.apps/nginx-deployment rolled back\n'));
    expect(dep(c)?.spec?.template?.spec?.containers?.[0]?.image).toBe('nginx:1.14.2');
    c.runUntilSettled();
    expect(k(`rollout undo ${D} --to-revision=7`)).toEqual(err('unable to find specified revision 7 in history'));
    expect(k(`rollout undo ${D} --to-revision=5`)).toEqual(ok('deployment.apps/nginx-deployment skipped rollback (current template already matches revision 5)\n'));
  });
});
