import { describe, expect, test } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import { applyManifest, runKubectl } from './index';
import { LAST_APPLIED } from './merge';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

function kubectl(c: Cluster, line: string, files: Record<string, string>) {
  return runKubectl(c, line, (n) => files[n]);
}

describe('kubectl apply', () => {
  test('created, unchanged, configured; last-applied is the manifest as compact JSON', () => {
    const c = createCluster({ seed: 3 });
    expect(kubectl(c, 'apply -f pod.yaml', { 'pod.yaml': POD })).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 });
    const pod = c.store.get('pods', 'default', 'web');
    expect(pod?.metadata.annotations?.[LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.27","name":"web","ports":[{"containerPort":80}]}]}}\n',
    );
    expect(c.records.at(-1)).toMatchObject({ controller: 'kubectl', action: 'create', target: { kind: 'Pod', name: 'web' } });
    expect(kubectl(c, 'apply -f pod.yaml', { 'pod.yaml': POD }).stdout).toBe('pod/web unchanged\n');
    const relabeled = POD.replace('    app: web\n', '    app: web\n    tier: front\n');
    expect(kubectl(c, 'apply -f pod.yaml', { 'pod.yaml': relabeled }).stdout).toBe('pod/web configured\n');
    expect(c.store.get('pods', 'default', 'web')?.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    // A label dropped from the manifest is removed; one added by someone else would stay.
    expect(kubectl(c, 'apply -f pod.yaml', { 'pod.yaml': POD }).stdout).toBe('pod/web configured\n');
    expect(c.store.get('pods', 'default', 'web')?.metadata.labels).toEqual({ app: 'web' });
  });

  test('multi-document files and List items; namespace created first', () => {
    const c = createCluster();
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n---\n${POD.replace('  name: web\n', '  name: web\n  namespace: dev\n')}---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: qa\n`;
    expect(kubectl(c, 'apply -f all.yaml', { 'all.yaml': text })).toEqual({ stdout: 'namespace/dev created\npod/web created\nnamespace/qa created\n', stderr: '', exitCode: 0 });
  });

  test('errors as kubectl prints them', () => {
    const c = createCluster();
    const inDev = POD.replace('  name: web\n', '  name: web\n  namespace: dev\n');
    expect(kubectl(c, 'apply -f pod.yaml', { 'pod.yaml': inDev }).stderr).toBe('Error from server (NotFound): error when creating "pod.yaml": namespaces "dev" not found\n');
    const typo = POD.replace('    image: nginx:1.27', '    imagee: nginx:1.27');
    expect(kubectl(c, 'apply -f pod.yaml', { 'pod.yaml': typo }).stderr).toBe(
      'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"\n',
    );
    const noImage = POD.replace('    image: nginx:1.27\n', '');
    expect(kubectl(c, 'apply -f pod.yaml', { 'pod.yaml': noImage })).toMatchObject({ stderr: 'The Pod "web" is invalid: spec.containers[0].image: Required value\n', exitCode: 1 });
    const two = noImage.replace('  - name: web', '  - name: Web_1');
    const r = kubectl(c, 'apply -f pod.yaml', { 'pod.yaml': two });
    expect(r.stderr).toMatch(/^The Pod "web" is invalid: \n\* spec\.containers\[0\]\.name: Invalid value: "Web_1": .*\n\* spec\.containers\[0\]\.image: Required value\n$/);
    const old = 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: x\nspec: {}\n';
    expect(kubectl(c, 'apply -f x.yaml', { 'x.yaml': old }).stderr).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first\n',
    );
    const syntax = POD.replace('    image: nginx:1.27', '    image: nginx: 1.27');
    expect(kubectl(c, 'apply -f pod.yaml', { 'pod.yaml': syntax }).stderr).toBe(
      'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 10: mapping values are not allowed in this context\n',
    );
    expect(kubectl(c, 'apply -f missing.yaml', {}).stderr).toBe('error: the path "missing.yaml" does not exist\n');
  });

  test('create -f refuses what exists; create namespace', () => {
    const c = createCluster();
    expect(kubectl(c, 'create -f pod.yaml', { 'pod.yaml': POD }).stdout).toBe('pod/web created\n');
    expect(kubectl(c, 'create -f pod.yaml', { 'pod.yaml': POD })).toMatchObject({ stderr: 'Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n', exitCode: 1 });
    expect(kubectl(c, 'create namespace dev', {}).stdout).toBe('namespace/dev created\n');
    expect(kubectl(c, 'create ns dev', {}).stderr).toBe('Error from server (AlreadyExists): namespaces "dev" already exists\n');
  });

  test('a failing document does not stop the others (kubectl), exit 1', () => {
    const c = createCluster();
    const text = `${POD.replace('    image: nginx:1.27\n', '')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n`;
    const r = kubectl(c, 'apply -f f.yaml', { 'f.yaml': text });
    expect(r.stdout).toBe('namespace/dev created\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('applyManifest atomic (the editor)', () => {
  test('a rejected document changes nothing, and the diagnostic sits on the offending key', () => {
    const c = createCluster();
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n---\n${POD.replace('    image: nginx:1.27', '    imagee: nginx:1.27')}`;
    const before = JSON.stringify(c.exportState());
    const r = applyManifest(c, text, 'editor.yaml', { atomic: true });
    expect(r.exitCode).toBe(1);
    expect(JSON.stringify(c.exportState())).toBe(before);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics?.[0];
    expect(d?.field).toBe('spec.containers[0].imagee');
    // Line 15 of the file: `    imagee: nginx:1.27`.
    expect(text.split('\n')[(d?.span.line ?? 0) - 1]).toBe('    imagee: nginx:1.27');
    expect(d?.span).toMatchObject({ document: 1, line: 15, column: 5 });
  });

  test('a Required field points at its parent; a file that passes is applied whole', () => {
    const c = createCluster();
    const noImage = POD.replace('    image: nginx:1.27\n', '');
    const r = applyManifest(c, noImage, 'editor.yaml', { atomic: true });
    expect(r.diagnostics?.[0]).toMatchObject({ field: 'spec.containers[0].image', span: { line: 9 } });
    const ok = applyManifest(c, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n---\n${POD.replace('  name: web\n', '  name: web\n  namespace: dev\n')}`, 'editor.yaml', { atomic: true });
    expect(ok).toMatchObject({ stdout: 'namespace/dev created\npod/web created\n', exitCode: 0 });
    expect(c.store.get('pods', 'dev', 'web')).toBeDefined();
  });

  test('YAML syntax errors carry their own position', () => {
    const c = createCluster();
    const text = POD.replace('    image: nginx:1.27', '    image: nginx: 1.27');
    const r = applyManifest(c, text, 'editor.yaml', { atomic: true });
    expect(r.diagnostics?.[0]?.span).toMatchObject({ document: 0, line: 10 });
    expect(r.diagnostics?.[0]?.message).toBe('yaml: line 10: mapping values are not allowed in this context');
  });

  test('errors without a field point at kind:', () => {
    const c = createCluster();
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n---\n' + POD.replace('  name: web\n', '  name: web\n  namespace: nope\n');
    const r = applyManifest(c, text, 'editor.yaml', { atomic: true });
    expect(r.diagnostics?.[0]?.span).toMatchObject({ document: 1, line: 7 });
    expect(c.store.get('namespaces', undefined, 'dev')).toBeUndefined();
  });
});
