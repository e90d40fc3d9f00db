import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { decodeBase64, encodeBase64, utf8Bytes } from '../base64';

const secret = (extra: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...extra }) as KubeObject;
const cm = (extra: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, ...extra }) as KubeObject;

describe('base64 as Go decodes it', () => {
  it('reports the byte Go reports', () => {
    expect(decodeBase64('billy')).toEqual({ ok: false, offset: 4 });
    expect(decodeBase64('admin')).toEqual({ ok: false, offset: 4 });
    expect(decodeBase64('REPLACE_WITH_BASE64_CERT')).toEqual({ ok: false, offset: 7 });
    expect(decodeBase64('abc=x')).toEqual({ ok: false, offset: 4 });
    expect(decodeBase64('ab=')).toEqual({ ok: false, offset: 3 });
    const ok = decodeBase64('bXktYXBw');
    expect(ok.ok && new TextDecoder().decode(ok.bytes)).toBe('my-app');
    expect(encodeBase64(utf8Bytes('39528$vdg7Jb'))).toBe('Mzk1MjgkdmRnN0pi');
  });
});

describe('Secret', () => {
  it('merges stringData into base64 data, defaults the type and stores no stringData', () => {
    const c = createCluster();
    const res = c.api.create(secret({ type: 'kubernetes.io/basic-auth', data: { username: 'eA==' }, stringData: { username: 'admin', password: 't0p-Secret' } }));
    expect(res.ok).toBe(true);
    const s = c.store.get('secrets', 'default', 's') as KubeObject & { data: Record<string, string> };
    expect(s.data).toEqual({ username: 'YWRtaW4=', password: 'dDBwLVNlY3JldA==' });
    expect('stringData' in s).toBe(false);
    c.api.create(secret({ metadata: { name: 'o' }, data: {} }));
    expect((c.store.get('secrets', 'default', 'o') as { type?: string }).type).toBe('Opaque');
  });

  it('refuses data that is not base64 with the decoder error', () => {
    const res = createCluster().api.create(secret({ data: { username: 'admin' } }));
    expect(!res.ok && res.status.message).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4');
    expect(!res.ok && res.status.code).toBe(400);
  });

  it('checks keys and the required keys of each type', () => {
    const api = createCluster().api;
    const bad = api.create(secret({ stringData: { 'my key': 'x' } }));
    expect(!bad.ok && bad.status.message).toBe(
      `Secret "s" is invalid: data[my key]: Invalid value: "my key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
    const tls = api.create(secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'x' } }));
    expect(!tls.ok && tls.status.message).toBe('Secret "s" is invalid: data[tls.key]: Required value');
    const dcj = api.create(secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': 'hello' } }));
    expect(!dcj.ok && dcj.status.message).toBe(`Secret "s" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character 'h' looking for beginning of value`);
    const missing = api.create(secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { other: '{}' } }));
    expect(!missing.ok && missing.status.message).toBe('Secret "s" is invalid: data[.dockerconfigjson]: Required value');
    const cut = api.create(secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{"auths":' } }));
    expect(!cut.ok && cut.status.message).toContain('unexpected end of JSON input');
    const basic = api.create(secret({ type: 'kubernetes.io/basic-auth', stringData: {} }));
    expect(!basic.ok && basic.status.message).toBe('Secret "s" is invalid: [data[username]: Required value, data[password]: Required value]');
    const sa = api.create(secret({ type: 'kubernetes.io/service-account-token' }));
    expect(!sa.ok && sa.status.message).toBe('Secret "s" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value');
  });

  it('keeps type and an immutable Secret fixed', () => {
    const api = createCluster().api;
    expect(api.create(secret({ immutable: true, stringData: { a: '1' } })).ok).toBe(true);
    const cur = () => api.get({ kind: 'Secret', group: '', version: 'v1', plural: 'secrets', namespaced: true } as never, 'default', 's');
    const old = cur();
    if (!old.ok) throw new Error('missing');
    const changed = api.update({ ...old.object, data: { a: 'Mg==' } } as KubeObject);
    expect(!changed.ok && changed.status.message).toBe('Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    const unset = api.update({ ...old.object, immutable: false } as KubeObject);
    expect(!unset.ok && unset.status.message).toBe('Secret "s" is invalid: immutable: Forbidden: field is immutable when `immutable` is set');
    const retype = api.update({ ...old.object, type: 'kubernetes.io/tls' } as KubeObject);
    expect(!retype.ok && retype.status.message).toContain('type: Invalid value: "kubernetes.io/tls": field is immutable');
  });
});

describe('ConfigMap', () => {
  it('refuses a key in both data and binaryData, bad keys and more than 1 MiB', () => {
    const api = createCluster().api;
    const dup = api.create(cm({ data: { a: 'x' }, binaryData: { a: 'eA==' } }));
    expect(!dup.ok && dup.status.message).toBe('ConfigMap "c" is invalid: data[a]: Invalid value: "a": duplicate of key present in binaryData');
    const dots = api.create(cm({ data: { '..data': 'x' } }));
    expect(!dots.ok && dots.status.message).toBe(`ConfigMap "c" is invalid: data[..data]: Invalid value: "..data": must not start with '..'`);
    const big = api.create(cm({ data: { a: 'x'.repeat(1024 * 1024 + 1) } }));
    expect(!big.ok && big.status.message).toBe('ConfigMap "c" is invalid: : Too long: may not be more than 1048576 bytes');
    const bin = api.create(cm({ binaryData: { a: 'not base64' } }));
    expect(!bin.ok && bin.status.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 3');
  });

  it('an immutable ConfigMap keeps its data', () => {
    const api = createCluster().api;
    api.create(cm({ immutable: true, data: { a: '1' } }));
    const t = { kind: 'ConfigMap', group: '', version: 'v1', plural: 'configmaps', namespaced: true } as never;
    const old = api.get(t, 'default', 'c');
    if (!old.ok) throw new Error('missing');
    const res = api.update({ ...old.object, data: { a: '2' } } as KubeObject);
    expect(!res.ok && res.status.message).toBe('ConfigMap "c" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    expect(api.update({ ...old.object, metadata: { ...old.object.metadata, labels: { x: 'y' } } } as KubeObject).ok).toBe(true);
  });
});
