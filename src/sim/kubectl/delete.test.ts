import { describe, expect, test } from 'vitest';
import { runKubectl } from './index';
import { noFiles, putPod, quietCluster, running } from './testing';

describe('kubectl delete', () => {
  test('by name, type/name, selector and --all, with the current wording', () => {
    const c = quietCluster();
    putPod(c, 'a', { phase: 'Pending' }, { labels: { app: 'x' } });
    putPod(c, 'b', { phase: 'Pending' }, { labels: { app: 'x' } });
    putPod(c, 'c', { phase: 'Pending' });
    putPod(c, 'd', { phase: 'Pending' });
    expect(runKubectl(c, 'delete pod a', noFiles)).toEqual({ stdout: 'pod "a" deleted from default namespace\n', stderr: '', exitCode: 0 });
    expect(runKubectl(c, 'delete pods -l app=x', noFiles).stdout).toBe('pod "b" deleted from default namespace\n');
    expect(runKubectl(c, 'delete pod/c', noFiles).stdout).toBe('pod "c" deleted from default namespace\n');
    expect(runKubectl(c, 'delete pods --all', noFiles).stdout).toBe('pod "d" deleted from default namespace\n');
    expect(runKubectl(c, 'delete pod a', noFiles)).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "a" not found\n', exitCode: 1 });
    expect(runKubectl(c, 'delete pod', noFiles).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
  });

  test('a running pod terminates gracefully; --force --grace-period=0 removes it now', () => {
    const c = quietCluster();
    putPod(c, 'web', running(c, '10.244.1.2'), { node: 'worker-1' });
    putPod(c, 'web2', running(c, '10.244.1.3'), { node: 'worker-1' });
    runKubectl(c, 'delete pod web', noFiles);
    expect(c.store.get('pods', 'default', 'web')?.metadata.deletionTimestamp).toBeDefined();
    expect(runKubectl(c, 'get pod web', noFiles).stdout).toContain('Terminating');
    const r = runKubectl(c, 'delete pod web2 --grace-period=0 --force', noFiles);
    expect(r.stderr).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    expect(c.store.get('pods', 'default', 'web2')).toBeUndefined();
  });

  test('-f deletes what a file names; cluster-scoped objects have no namespace suffix', () => {
    const c = quietCluster();
    runKubectl(c, 'create namespace dev', noFiles);
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n';
    expect(runKubectl(c, 'delete -f ns.yaml', () => text).stdout).toBe('namespace "dev" deleted\n');
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ghost\nspec:\n  containers:\n  - name: a\n    image: b\n';
    expect(runKubectl(c, 'delete -f pod.yaml', () => pod).stderr).toBe('Error from server (NotFound): error when deleting "pod.yaml": pods "ghost" not found\n');
  });
});

describe('kubectl label, api-resources, version', () => {
  test('label adds, refuses to overwrite without --overwrite, removes', () => {
    const c = quietCluster();
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
    expect(runKubectl(c, 'apply -f pod.yaml', () => pod).exitCode).toBe(0);
    expect(runKubectl(c, 'label pod web tier=front', noFiles).stdout).toBe('pod/web labeled\n');
    expect(runKubectl(c, 'label pod web app=other', noFiles).stderr).toBe("error: 'app' already has a value (web), and --overwrite is false\n");
    expect(runKubectl(c, 'label pod web tier-', noFiles).stdout).toBe('pod/web unlabeled\n');
    expect(c.store.get('pods', 'default', 'web')?.metadata.labels).toEqual({ app: 'web' });
  });

  test('api-resources lists what is simulated and says what is not', () => {
    const r = runKubectl(quietCluster(), 'api-resources', noFiles);
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(r.stdout).toMatch(/\npods +po +v1 +true +Pod\n/);
    expect(r.stderr).toMatch(/not simulated/);
    expect(runKubectl(quietCluster(), 'version', noFiles).stdout).toMatch(/^Client Version: v1\.\d+\.\d+\n/);
  });
});
