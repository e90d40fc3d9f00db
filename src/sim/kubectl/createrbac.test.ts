import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import { runKubectl } from './run';

const k = (c: Cluster, line: string, files: Record<string, string> = {}) => runKubectl(c, line, (n) => files[n]);

describe('kubectl create role|clusterrole|rolebinding|clusterrolebinding|serviceaccount', () => {
  it('builds rules per API group from --verb/--resource/--resource-name, as kubectl does', () => {
    const c = createCluster({ seed: 5, nodes: 1 });
    const r = k(c, 'create role r --verb=get,list --verb=watch --resource=pods,deployments.apps,pods/log --resource-name=a --dry-run=client -o yaml');
    expect(r.stdout).toContain('rules:\n- apiGroups:\n  - ""\n  resourceNames:\n  - a\n  resources:\n  - pods\n  - pods/log\n  verbs:\n  - get\n  - list\n  - watch\n- apiGroups:\n  - apps\n');
    expect(k(c, 'create role r --resource=pods').stderr).toBe('error: at least one verb must be specified\n');
    expect(k(c, 'create role r --verb=get').stderr).toBe('error: at least one resource must be specified\n');
    expect(k(c, 'create role r --verb=fly --resource=pods').stderr).toBe("error: invalid verb: 'fly'\n");
    expect(k(c, 'create role r --verb=get --resource=pods').stdout).toBe('role.rbac.authorization.k8s.io/r created\n');
    expect(k(c, 'create clusterrole cr --verb=get --non-resource-url=/logs/*').stdout).toBe('clusterrole.rbac.authorization.k8s.io/cr created\n');
    expect(k(c, 'create rolebinding b --role=r --clusterrole=view').stderr).toBe('error: exactly one of clusterrole or role must be specified\n');
    expect(k(c, 'create rolebinding b --role=r --serviceaccount=ci').stderr).toBe('error: serviceaccount must be <namespace>:<name>\n');
    expect(k(c, 'create rolebinding b --role=r --user=jane --group=ops --serviceaccount=default:ci').stdout).toBe('rolebinding.rbac.authorization.k8s.io/b created\n');
    expect(k(c, 'get rolebinding b -o wide').stdout).toBe('NAME   ROLE     AGE   USERS   GROUPS   SERVICEACCOUNTS\nb      Role/r   0s    jane    ops      default/ci\n');
    expect(k(c, 'create clusterrolebinding cb --clusterrole=cr --group=ops').stdout).toBe('clusterrolebinding.rbac.authorization.k8s.io/cb created\n');
    expect(k(c, 'create serviceaccount ci').stdout).toBe('serviceaccount/ci created\n');
    expect(k(c, 'get sa').stdout).toBe('NAME      SECRETS   AGE\nci        0         0s\ndefault   0         0s\n');
    expect(k(c, 'get roles').stdout).toMatch(/^NAME   CREATED AT\nr      \d{4}-\d\d-\d\dT/);
  });

  it('refuses a changed roleRef with kube-apiserver\'s words, and bad rules and subjects', () => {
    const c = createCluster({ seed: 5, nodes: 1 });
    k(c, 'create rolebinding b --clusterrole=view --user=jane');
    const changed = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: b, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]
`;
    expect(k(c, 'apply -f b.yaml', { 'b.yaml': changed }).stderr).toContain(
      'The RoleBinding "b" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    );
    const bad = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: bad}
rules:
- apiGroups: [""]
  resources: [pods]
- verbs: [get]
  nonResourceURLs: [/healthz]
`;
    expect(k(c, 'apply -f r.yaml', { 'r.yaml': bad }).stderr).toBe(
      'The Role "bad" is invalid: \n* rules[0].verbs: Required value: verbs must contain at least one value\n* rules[1].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs\n',
    );
    const subj = changed.replace('name: b,', 'name: c,').replace('kind: User', 'kind: Robot');
    expect(k(c, 'apply -f s.yaml', { 's.yaml': subj }).stderr).toContain('subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"');
    const crb = changed.replace('kind: RoleBinding', 'kind: ClusterRoleBinding').replace(', namespace: default', '').replace('kind: ClusterRole, name: edit', 'kind: Role, name: edit');
    expect(k(c, 'apply -f c.yaml', { 'c.yaml': crb }).stderr).toContain('roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"');
  });
});

describe('ServiceAccounts', () => {
  it('every namespace gets a default ServiceAccount, and a deleted one comes back', () => {
    const c = createCluster({ seed: 5, nodes: 1 });
    expect(c.runUntilSettled()).toBeLessThanOrEqual(1);
    expect(c.records.filter((r) => r.code === 'record.serviceaccount.default' && r.tick > 0)).toEqual([]);
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) expect(c.store.get('serviceaccounts', ns, 'default')).toBeDefined();
    k(c, 'create namespace team');
    c.runUntilSettled();
    expect(c.store.get('serviceaccounts', 'team', 'default')).toBeDefined();
    expect(c.records.some((r) => r.code === 'record.serviceaccount.default' && r.params?.['namespace'] === 'team')).toBe(true);
    k(c, 'delete sa default -n team');
    c.runUntilSettled();
    expect(c.store.get('serviceaccounts', 'team', 'default')).toBeDefined();
  });

  it('a pod naming a missing ServiceAccount is refused at admission; pods default to `default`', () => {
    const c = createCluster({ seed: 5, nodes: 1 });
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: x}
spec:
  serviceAccountName: foo
  containers: [{name: c, image: nginx}]
`;
    expect(k(c, 'apply -f p.yaml', { 'p.yaml': pod }).stderr).toBe('Error from server (Forbidden): error when creating "p.yaml": pods "x" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found\n');
    k(c, 'create sa foo');
    expect(k(c, 'apply -f p.yaml', { 'p.yaml': pod }).exitCode).toBe(0);
    expect(k(c, 'apply -f q.yaml', { 'q.yaml': pod.replace('name: x', 'name: web').replace('  serviceAccountName: foo\n', '') }).exitCode).toBe(0);
    expect((c.store.get('pods', 'default', 'web')?.spec as { serviceAccountName?: string }).serviceAccountName).toBe('default');
  });

  it('describe sa lists its image pull secrets', () => {
    const c = createCluster({ seed: 5, nodes: 1 });
    const sa = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: puller}\nimagePullSecrets: [{name: regcred}, {name: other}]\n';
    k(c, 'apply -f sa.yaml', { 'sa.yaml': sa });
    expect(k(c, 'describe sa puller').stdout).toBe(
      'Name:                puller\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  regcred\n                     other\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n',
    );
  });
});
