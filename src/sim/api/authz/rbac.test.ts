import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { Cluster } from '../../cluster';
import { runKubectl } from '../../kubectl/run';

/** Beside the clone: /work/main → /work/shared. */
const CORPUS = resolve(__dirname, '../../../../../shared/corpus/k8s-website-examples');
const files = (name: string) => readFileSync(resolve(CORPUS, name), 'utf8');
const k = (c: Cluster, line: string) => runKubectl(c, line, files);

/**
 * Every RBAC manifest of the Kubernetes docs (access/simple-*.yaml) applies; none is expected
 * to be rejected. The corpus holds no ServiceAccount manifest; its pods that name one name
 * `default`, which every namespace has.
 */
const CORPUS_FILES: [path: string, out: string][] = [
  ['access/simple-clusterrole.yaml', 'clusterrole.rbac.authorization.k8s.io/secret-reader created\n'],
  ['access/simple-clusterrolebinding.yaml', 'clusterrolebinding.rbac.authorization.k8s.io/read-secrets-global created\n'],
  ['access/simple-role.yaml', 'role.rbac.authorization.k8s.io/pod-reader created\n'],
  ['access/simple-rolebinding-with-role.yaml', 'rolebinding.rbac.authorization.k8s.io/read-pods created\n'],
  ['pods/storage/projected-service-account-token.yaml', 'pod/sa-token-test created\n'],
];
const EXPECTED_REJECTIONS: Record<string, string> = {};

function docsCluster(): Cluster {
  const c = createCluster({ seed: 3, nodes: 1 });
  for (const [path] of CORPUS_FILES.slice(0, 4)) expect(k(c, `apply -f ${path}`).exitCode).toBe(0);
  return c;
}

describe('RBAC and ServiceAccount documents of the docs corpus', () => {
  it.each(CORPUS_FILES)('%s applies', (path, out) => {
    const c = createCluster({ seed: 3, nodes: 1 });
    const r = k(c, `apply -f ${path}`);
    expect(EXPECTED_REJECTIONS[path]).toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(out);
  });

  it('can-i matrix for the docs examples (jane reads pods in default; group manager reads secrets everywhere)', () => {
    const c = docsCluster();
    const can = (line: string) => k(c, `auth can-i ${line}`).stdout.trim();
    const matrix: [string, string][] = [
      ['get pods --as=jane', 'yes'],
      ['list pods --as=jane', 'yes'],
      ['watch pods --as=jane', 'yes'],
      ['delete pods --as=jane', 'no'],
      ['get pods -n kube-system --as=jane', 'no'],
      ['get secrets --as=jane', 'no'],
      ['list secrets -n kube-system --as=dave --as-group=manager', 'yes'],
      ['list secrets -A --as=dave --as-group=manager', 'yes'],
      ['create secrets --as=dave --as-group=manager', 'no'],
      ['get pods --as=dave --as-group=manager', 'no'],
      ['delete nodes', 'yes'],
      ['"*" "*"', 'yes'],
      ['get /healthz --as=jane', 'yes'],
      ['get /logs --as=jane', 'no'],
      ['create selfsubjectaccessreviews.authorization.k8s.io --as=jane', 'yes'],
    ];
    for (const [line, want] of matrix) expect([line, can(line)]).toEqual([line, want]);
    expect(k(c, 'auth can-i delete pods --as=jane').exitCode).toBe(1);
    expect(k(c, 'auth can-i get pods --as=jane').exitCode).toBe(0);
  });

  it('view excludes secrets; edit and admin include them; admin can grant roles in its namespace', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    k(c, 'create rolebinding v --clusterrole=view --user=viewer');
    k(c, 'create rolebinding e --clusterrole=edit --user=editor');
    k(c, 'create rolebinding a --clusterrole=admin --user=boss');
    const can = (line: string) => k(c, `auth can-i ${line}`).stdout.trim();
    expect(can('list pods --as=viewer')).toBe('yes');
    expect(can('get deployments.apps --as=viewer')).toBe('yes');
    expect(can('get secrets --as=viewer')).toBe('no');
    expect(can('create deployments --as=viewer')).toBe('no');
    expect(can('get secrets --as=editor')).toBe('yes');
    expect(can('create deployments --as=editor')).toBe('yes');
    expect(can('create rolebindings --as=editor')).toBe('no');
    expect(can('create rolebindings --as=boss')).toBe('yes');
    expect(can('create rolebindings -n kube-system --as=boss')).toBe('no');
    expect(can('delete nodes --as=boss')).toBe('no');
  });
});

describe('the authorizer on every learner request', () => {
  it('answers the real Forbidden Status for list and get, and lets the bound ServiceAccount through', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    k(c, 'create secret generic s --from-literal=a=b');
    k(c, 'create serviceaccount reader');
    let r = k(c, 'get secrets --as=system:serviceaccount:default:reader');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:default:reader" cannot list resource "secrets" in API group "" in the namespace "default"\n');
    r = k(c, 'get secret s --as=system:serviceaccount:default:reader');
    expect(r.stderr).toBe('Error from server (Forbidden): secrets "s" is forbidden: User "system:serviceaccount:default:reader" cannot get resource "secrets" in API group "" in the namespace "default"\n');
    r = k(c, 'get nodes --as=jane');
    expect(r.stderr).toBe('Error from server (Forbidden): nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope\n');
    k(c, 'create role secret-reader --verb=get --verb=list --resource=secrets');
    k(c, 'create rolebinding reader-secrets --role=secret-reader --serviceaccount=default:reader');
    r = k(c, 'get secrets --as=system:serviceaccount:default:reader');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('s      Opaque   1');
    // The learner's own identity (admin.conf, system:masters) is never refused.
    expect(k(c, 'get secrets').exitCode).toBe(0);
  });

  it('refuses writes by an impersonated user with the verb of the request', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    const r = k(c, 'create namespace team --as=jane');
    expect(r.stderr).toBe('Error from server (Forbidden): namespaces is forbidden: User "jane" cannot create resource "namespaces" in API group "" at the cluster scope\n');
    expect(c.store.get('namespaces', undefined, 'team')).toBeUndefined();
    const d = k(c, 'delete sa default --as=jane');
    expect(d.stderr).toContain('serviceaccounts "default" is forbidden: User "jane" cannot delete resource "serviceaccounts" in API group "" in the namespace "default"');
  });

  it('names a binding whose role is missing, as RBAC does', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    k(c, 'create rolebinding broken --role=nope --user=jane');
    const r = k(c, 'get pods --as=jane');
    expect(r.stderr).toBe('Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "nope" not found\n');
    expect(k(c, 'auth can-i list pods --as=jane').stdout).toBe('no - RBAC: role.rbac.authorization.k8s.io "nope" not found\n');
  });

  it('impersonation: whoami shows the user and the groups kube-apiserver adds', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    expect(k(c, 'auth whoami').stdout).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [system:masters system:authenticated]\n');
    expect(k(c, 'auth whoami --as=system:serviceaccount:dev:ci').stdout).toBe(
      'ATTRIBUTE   VALUE\nUsername    system:serviceaccount:dev:ci\nGroups      [system:serviceaccounts system:serviceaccounts:dev system:authenticated]\n',
    );
    expect(k(c, 'auth whoami --as jane --as-group=ops').stdout).toBe('ATTRIBUTE   VALUE\nUsername    jane\nGroups      [ops system:authenticated]\n');
    expect(k(c, 'auth whoami --as-group=ops').stderr).toContain('without impersonating a user');
  });

  it('ServiceAccount subjects: a RoleBinding may leave the namespace out, a ClusterRoleBinding may not', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    const rb = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: r}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: ServiceAccount, name: ci}]
`;
    const crb = rb.replace('RoleBinding', 'ClusterRoleBinding');
    const fs = (n: string) => (n === 'rb.yaml' ? rb : n === 'crb.yaml' ? crb : undefined);
    expect(runKubectl(c, 'apply -f rb.yaml', fs).exitCode).toBe(0);
    expect(k(c, 'auth can-i list pods --as=system:serviceaccount:default:ci').stdout).toBe('yes\n');
    expect(k(c, 'auth can-i list pods --as=system:serviceaccount:other:ci').stdout).toBe('no\n');
    expect(runKubectl(c, 'apply -f crb.yaml', fs).stderr).toBe('The ClusterRoleBinding "r" is invalid: subjects[0].namespace: Required value\n');
  });
});

describe('the REST facade', () => {
  it('answers 403 with the Forbidden Status for a request sent as another user', async () => {
    const { handle } = await import('../rest');
    const c = createCluster({ seed: 3, nodes: 1 });
    const user = { name: 'jane', groups: ['system:authenticated'] };
    const r = handle(c.api, { verb: 'GET', path: '/api/v1/namespaces/default/secrets', user });
    expect(r.status).toBe(403);
    expect((r.body as { message: string }).message).toBe('secrets is forbidden: User "jane" cannot list resource "secrets" in API group "" in the namespace "default"');
    expect(handle(c.api, { verb: 'GET', path: '/api/v1/namespaces/default/secrets' }).status).toBe(200);
    expect(c.api.requestUser).toBeUndefined();
  });
});
