import { describe, expect, it } from 'vitest';
import { secretEtcd, secretRows } from './secretData';
import { clusterWith } from '../storage/testing';
import { runKubectl } from '../../../sim/kubectl';
import { noFiles } from '../../../sim/kubectl/testing';

const SECRET = `apiVersion: v1
kind: Secret
metadata: { name: db }
data: { password: czNjcjN0 }
`;

describe('Secret details', () => {
  it('shows each key base64 and decoded, and what etcd holds before and after encryption at rest', () => {
    const c = clusterWith(SECRET);
    const obj = c.store.get('secrets', 'default', 'db');
    if (!obj) throw new Error('no secret');
    expect(secretRows(obj)).toEqual([{ key: 'password', base64: 'czNjcjN0', text: 's3cr3t', bytes: 6 }]);
    const plain = secretEtcd(obj, c.settings);
    expect(plain).toMatchObject({ key: '/registry/secrets/default/db', encrypted: false, stale: false });
    expect(plain.text).toContain('s3cr3t');

    expect(runKubectl(c, 'cluster encryption-at-rest on', noFiles).exitCode).toBe(0);
    const now = c.store.get('secrets', 'default', 'db');
    if (!now) throw new Error('no secret');
    const after = secretEtcd(now, c.settings);
    // Written before the switch: still plaintext until rewritten.
    expect(after.encrypted).toBe(false);
    expect(after.stale).toBe(true);

    // A Secret written afterwards is stored in the aescbc envelope.
    runKubectl(c, 'create secret generic api --from-literal=token=abc123', noFiles);
    const fresh = c.store.get('secrets', 'default', 'api');
    if (!fresh) throw new Error('no secret');
    const enc = secretEtcd(fresh, c.settings);
    expect(enc.encrypted).toBe(true);
    expect(enc.text.startsWith('k8s:enc:aescbc:v1:key1:')).toBe(true);
    expect(enc.text).not.toContain('abc123');
  });
});
