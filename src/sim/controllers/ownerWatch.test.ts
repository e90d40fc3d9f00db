import { describe, expect, it } from 'vitest';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { WatchEvent } from '../store/store';
import { controllerOwnerKeys } from './ownerWatch';

const podOwnedBy = (...ownerReferences: OwnerReference[]): WatchEvent => ({
  type: 'MODIFIED',
  resource: 'pods',
  resourceVersion: 7,
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pi-x7k2p', namespace: 'batch', ownerReferences } },
});

describe('controllerOwnerKeys', () => {
  it('wakes the controlling owner of the wanted kind, in the child namespace', () => {
    const ev = podOwnedBy({ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'u1', controller: true });
    expect(controllerOwnerKeys('Job')(ev)).toEqual(['batch/pi']);
    expect(controllerOwnerKeys('StatefulSet', 'apps')(ev)).toEqual([]);
  });

  it('ignores owners that do not control the child, and kinds from another group', () => {
    expect(controllerOwnerKeys('Job')(podOwnedBy({ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'u1' }))).toEqual([]);
    const foreign = podOwnedBy({ apiVersion: 'example.com/v1', kind: 'DaemonSet', name: 'agent', uid: 'u2', controller: true });
    expect(controllerOwnerKeys('DaemonSet', 'apps')(foreign)).toEqual([]);
    expect(controllerOwnerKeys('DaemonSet', 'example.com')(foreign)).toEqual(['batch/agent']);
  });
});
