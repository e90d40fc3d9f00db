import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { runKubectl } from '../kubectl/index';
import { ENCRYPTION_PREFIX, etcdEntry, etcdText } from './etcdView';
import type { KubeObject } from '../objects';

const none = () => undefined;

describe('etcd view of Secrets and encryption at rest', () => {
  it('stores Secret data as raw bytes after k8s\\0 until encryption is on; only later writes are encrypted', () => {
    const c = createCluster();
    runKubectl(c, 'kubectl create secret generic old --from-literal=password=hunter2', none);
    const plain = runKubectl(c, 'etcdctl get /registry/secrets/default/old', none).stdout;
    expect(plain.startsWith('/registry/secrets/default/old\nk8s\\x00\\x0a\\x0c\\x0a\\x02v1\\x12\\x06Secret')).toBe(true);
    expect(plain).toContain('password\\x12\\x07hunter2');
    expect(runKubectl(c, 'cluster encryption-at-rest on', none).stdout).toContain('cluster: encryption-at-rest on');
    runKubectl(c, 'kubectl create secret generic new --from-literal=password=hunter2', none);
    expect(runKubectl(c, 'etcdctl get /registry/secrets/default/old', none).stdout).toContain('hunter2');
    const enc = runKubectl(c, 'etcdctl get /registry/secrets/default/new', none).stdout;
    expect(enc.startsWith(`/registry/secrets/default/new\n${ENCRYPTION_PREFIX}`)).toBe(true);
    expect(enc).not.toContain('hunter2');
    // Rewriting the old Secret (what `kubectl replace` does) encrypts it too.
    const old = c.store.get('secrets', 'default', 'old') as KubeObject;
    c.api.update({ ...old, metadata: { ...old.metadata, labels: { rewritten: 'yes' } } });
    expect(runKubectl(c, 'etcdctl get /registry/secrets/default/old', none).stdout).toContain(ENCRYPTION_PREFIX);
    expect(runKubectl(c, 'etcdctl get /registry/secrets/ --prefix --keys-only', none).stdout).toBe('/registry/secrets/default/new\n\n/registry/secrets/default/old\n\n');
  });

  it('is deterministic and survives export/import', () => {
    const c = createCluster({ settings: { encryptionAtRest: true } });
    runKubectl(c, 'kubectl create secret generic s --from-literal=a=b', none);
    const s = c.store.get('secrets', 'default', 's') as KubeObject;
    const a = etcdText(etcdEntry('secrets', s, c.settings));
    expect(a.startsWith(ENCRYPTION_PREFIX)).toBe(true);
    expect(etcdText(etcdEntry('secrets', s, c.settings))).toBe(a);
    const d = createCluster();
    runKubectl(d, 'kubectl create secret generic s --from-literal=a=b', none);
    runKubectl(d, 'cluster encryption-at-rest on', none);
    const state = JSON.parse(JSON.stringify(d.exportState()));
    expect(state.settings.encryptionSwitches).toHaveLength(1);
  });
});
