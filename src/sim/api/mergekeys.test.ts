import { describe, expect, it } from 'vitest';
import { mergeKeyOf, sharedMergeKey } from './mergekeys';
import { strategicMergePatch } from './rest-patch';

const podSpec = {
  containers: [
    {
      name: 'nginx',
      image: 'nginx:1.14.2',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
    },
  ],
};

describe('merge keys', () => {
  it('pair an item by the first key it carries', () => {
    expect(mergeKeyOf({ name: 'nginx', image: 'nginx' })).toBe('name');
    expect(mergeKeyOf({ containerPort: 80, protocol: 'TCP' })).toBe('containerPort');
    expect(mergeKeyOf({ ip: '127.0.0.1', hostnames: ['foo.local'] })).toBe('ip');
    expect(mergeKeyOf('--verbose')).toBeUndefined();
    expect(mergeKeyOf({ key: 'dedicated', operator: 'Exists' })).toBeUndefined();
  });

  it('merge lists only when every item of both carries the same key', () => {
    expect(sharedMergeKey([{ containerPort: 443, name: 'https' }], [{ containerPort: 80 }])).toBe('containerPort');
    expect(sharedMergeKey([{ key: 'a' }], [{ key: 'b' }])).toBeUndefined();
    expect(sharedMergeKey([], [{ name: 'a' }])).toBeUndefined();
  });

  it('let a strategic merge patch add a container port beside the existing one, as kube-apiserver does', () => {
    const patched = strategicMergePatch(podSpec, { containers: [{ name: 'nginx', ports: [{ containerPort: 443, protocol: 'TCP' }] }] });
    expect(patched).toEqual({
      containers: [{ ...podSpec.containers[0], ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443, protocol: 'TCP' }] }],
    });
  });

  it('let a strategic merge patch name an existing port, paired by containerPort', () => {
    const patched = strategicMergePatch(podSpec, { containers: [{ name: 'nginx', ports: [{ containerPort: 80, name: 'http' }] }] });
    expect(patched).toMatchObject({ containers: [{ ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }] }] });
  });
});
