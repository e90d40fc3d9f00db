import { describe, expect, it } from 'vitest';
import { Cluster, createCluster } from '../cluster';
import { runKubectl } from './run';

const none = () => undefined;

describe('kubectl events', () => {
  it('lists events oldest first with Kind/name objects; --for and --types filter', () => {
    const c = createCluster({ seed: 9 });
    runKubectl(c, 'run web --image=nginx:1.27', none);
    runKubectl(c, 'run bad --image=nginx:doesnotexist', none);
    c.tickN(20);
    const all = runKubectl(c, 'events', none);
    expect(all.stdout.split('\n')[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(all.stdout).toMatch(/\n\d+s +Normal +Scheduled +Pod\/web +Successfully assigned default\/web to /);
    const forWeb = runKubectl(c, 'events --for pod/web', none).stdout;
    expect(forWeb).not.toContain('Pod/bad');
    expect(forWeb).toContain('Pod/web');
    const warnings = runKubectl(c, 'events --types=Warning', none).stdout.trim().split('\n').slice(1);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((l) => /^\S+( \(x\d+ over \S+\))? +Warning /.test(l))).toBe(true);
    expect(runKubectl(c, 'events -n kube-public', none)).toEqual({ stdout: '', stderr: 'No events found in kube-public namespace.\n', exitCode: 0 });
    expect(runKubectl(c, 'events --types=Bad', none).stderr).toBe('error: valid --types are Normal or Warning\n');
    expect(runKubectl(c, 'events -A', none).stdout.split('\n')[0]).toMatch(/^NAMESPACE +LAST SEEN/);
  });
});

describe('kubectl api-versions', () => {
  it('prints group/version lines sorted, v1 last', () => {
    const out = runKubectl(createCluster({ seed: 1 }), 'api-versions', none).stdout.trim().split('\n');
    expect(out).toContain('apps/v1');
    expect(out).toContain('batch/v1');
    expect(out[out.length - 1]).toBe('v1');
    expect([...out].sort()).toEqual(out);
  });
});

describe('kubectl config', () => {
  it('set-context --current --namespace makes later commands use that namespace, and survives export', () => {
    const c = createCluster({ seed: 1 });
    expect(runKubectl(c, 'config current-context', none).stdout).toBe('kubernetes-admin@kubernetes\n');
    runKubectl(c, 'create namespace dev', none);
    expect(runKubectl(c, 'config set-context --current --namespace=dev', none)).toEqual({ stdout: 'Context "kubernetes-admin@kubernetes" modified.\n', stderr: '', exitCode: 0 });
    expect(runKubectl(c, 'config get-contexts', none).stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   dev\n',
    );
    runKubectl(c, 'create deployment api --image=nginx', none);
    expect(c.store.get('deployments.apps', 'dev', 'api')).toBeDefined();
    expect(runKubectl(c, 'get deploy', none).stdout).toMatch(/^NAME .*\napi /);
    expect(runKubectl(c, 'get deploy -n default', none).stderr).toBe('No resources found in default namespace.\n');
    const again = Cluster.fromState(JSON.parse(JSON.stringify(c.exportState())));
    expect(runKubectl(again, 'get deploy api -o name', none).stdout).toBe('deployment.apps/api\n');
    runKubectl(again, 'config set-context --current --namespace=default', none);
    expect(again.exportState().kubeconfig).toBeUndefined();
  });
});
