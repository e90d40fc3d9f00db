import { describe, expect, it } from 'vitest';
import { buildConfigScene } from './model';
import { clusterWith, echoT, mirrorObjects } from '../storage/testing';

const OBJECTS = `apiVersion: v1
kind: Secret
metadata: { name: db }
type: Opaque
stringData: { password: s3cr3t }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: game }
data: { lives: "3", ui.properties: "color=blue" }
---
apiVersion: v1
kind: Pod
metadata: { name: app }
spec:
  containers:
  - name: c
    image: nginx
    env: [{ name: DB_PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }]
    envFrom: [{ configMapRef: { name: game } }]
    volumeMounts: [{ name: cfg, mountPath: /etc/game }]
  volumes: [{ name: cfg, configMap: { name: game } }]
---
apiVersion: v1
kind: Pod
metadata: { name: broken }
spec:
  containers:
  - name: c
    image: nginx
    env: [{ name: TOKEN, valueFrom: { secretKeyRef: { name: api-token, key: token } } }]
`;

describe('Config view model', () => {
  it('each Secret/ConfigMap → how the pod uses it → the pod; a missing Secret is drawn with a broken link', () => {
    const scene = buildConfigScene(mirrorObjects(clusterWith(OBJECTS)), echoT, (ns, name) => (name === 'db' ? ['Group system:masters', `ServiceAccount ${ns}/reader`] : []));
    const uses = scene.items.filter((i) => i.column === 1).map((i) => `${i.heading}:${i.data?.use}:${i.lines.join()}`);
    expect(uses).toEqual(expect.arrayContaining(['Secret db:env:DB_PASSWORD←password', 'ConfigMap game:envFrom:', 'ConfigMap game:volume:/etc/game']));
    const db = scene.items.find((i) => i.kind === 'Secret' && i.name === 'db');
    expect(db?.data?.readers).toBe('Group system:masters, ServiceAccount default/reader');
    const missing = scene.items.find((i) => i.name === 'api-token');
    expect(missing?.missing).toBe(true);
    const broken = scene.links.filter((l) => l.style === 'broken').map((l) => l.id);
    expect(broken).toEqual(['Secret/default/api-token→use|Secret/default/api-token|env', 'use|Secret/default/api-token|env→Pod/default/broken']);
    expect(scene.items.find((i) => i.id === 'use|Secret/default/api-token|env')?.note).toContain('CreateContainerConfigError');
    expect(scene.items.find((i) => i.kind === 'Pod' && i.name === 'broken')?.phase).toBe('CreateContainerConfigError');
    // The root CA bundle in every namespace is not drawn.
    expect(scene.items.some((i) => i.name === 'kube-root-ca.crt')).toBe(false);
  });
});

describe('who may read a Secret', () => {
  it('lists system:masters and the subjects whose Role allows get on it, not those limited to another name', async () => {
    const { secretReaders } = await import('./readers');
    const c = clusterWith(`${OBJECTS}---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: db-reader }
rules: [{ apiGroups: [""], resources: [secrets], resourceNames: [db], verbs: [get] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: app-reads-db }
subjects: [{ kind: ServiceAccount, name: default }, { kind: User, name: jane }]
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: db-reader }
`);
    const readers = secretReaders(mirrorObjects(c));
    expect(readers('default', 'db')).toEqual(expect.arrayContaining(['Group system:masters', 'ServiceAccount default/default', 'User jane']));
    expect(readers('default', 'other')).not.toContain('User jane');
  });
});
