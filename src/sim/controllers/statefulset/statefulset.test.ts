import { describe, expect, it } from 'vitest';
import { Cluster, createCluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { createStatefulSetController } from './statefulset';
import { findByKind } from '../../api/resources';
import type { ResourceType } from '../../api/resources';
import type { PodObject, StatefulSetObject } from './pods';

function sts(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      serviceName: 'nginx',
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...spec,
    },
  };
}

const pod = (c: Cluster, name: string) => c.store.get<PodObject>('pods', 'default', name);
const ready = (p: PodObject | undefined) => !!p?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True');
const set = (c: Cluster, name = 'web') => c.store.get<StatefulSetObject>('statefulsets.apps', 'default', name) as StatefulSetObject;

describe('statefulset controller reconcile', () => {
  it('creates only web-0 first, with its stable identity, and says why', () => {
    const c = new Cluster({ seed: 1 }, [createStatefulSetController()]).bootstrap();
    c.drainDelta();
    expect(c.api.create(sts('web')).ok).toBe(true);
    const d = c.tickN(1);
    expect(d.records.map((r) => [r.action, r.target.kind, r.target.name, r.code])).toEqual([
      ['create', 'Pod', 'web-0', 'record.statefulset.createPod'],
      ['status', 'StatefulSet', 'web', 'record.statefulset.status'],
    ]);
    const p = pod(c, 'web-0') as PodObject;
    expect(p.metadata.labels).toMatchObject({ app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
    expect(p.metadata.labels?.['controller-revision-hash']).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(p.spec?.hostname).toBe('web-0');
    expect(p.spec?.subdomain).toBe('nginx');
    expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
    const ev = c.store.list('events').find((e) => e.reason === 'SuccessfulCreate') as KubeObject & { message: string };
    expect(ev.message).toBe('create Pod web-0 in StatefulSet web successful');
    expect(set(c).status).toMatchObject({ replicas: 1, availableReplicas: 0, currentRevision: p.metadata.labels?.['controller-revision-hash'] });
  });

  it('Parallel creates every ordinal in one reconcile', () => {
    const c = new Cluster({ seed: 1 }, [createStatefulSetController()]).bootstrap();
    c.drainDelta();
    c.api.create(sts('web', { podManagementPolicy: 'Parallel' }));
    const d = c.tickN(1);
    expect(d.records.filter((r) => r.action === 'create').map((r) => r.target.name)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('defaults and validation follow apps/v1', () => {
    const c = createCluster({ seed: 1 });
    c.api.create(sts('web'));
    expect(set(c).spec).toMatchObject({ podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10 });
    const bad = c.api.create(sts('bad', { serviceName: 'Bad_Name', selector: { matchLabels: { app: 'other' } } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.status.message).toContain('spec.serviceName: Invalid value: "Bad_Name"');
      expect(bad.status.message).toContain('spec.template.metadata.labels: Invalid value: map[string]string{"app":"bad"}: `selector` does not match template `labels`');
    }
    // serviceName is optional in current Kubernetes.
    const noSvc = sts('nosvc');
    delete (noSvc.spec as { serviceName?: string }).serviceName;
    expect(c.api.create(noSvc).ok).toBe(true);
  });
});

describe('statefulset end to end', () => {
  it('OrderedReady: web-1 is not created before web-0 is Running and Ready, tick by tick', () => {
    const c = createCluster({ seed: 2 });
    c.api.create(sts('web'));
    const readyAt: Record<string, number> = {};
    const createdAt: Record<string, number> = {};
    for (let t = 0; t < 60; t++) {
      c.step();
      for (const n of ['web-0', 'web-1', 'web-2']) {
        const p = pod(c, n);
        if (p && createdAt[n] === undefined) createdAt[n] = c.tick;
        if (ready(p) && readyAt[n] === undefined) readyAt[n] = c.tick;
      }
    }
    expect(Object.keys(createdAt)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(createdAt['web-1']).toBeGreaterThan(readyAt['web-0'] as number);
    expect(createdAt['web-2']).toBeGreaterThan(readyAt['web-1'] as number);
    expect(set(c).status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3 });
  });

  it('scales down from the highest ordinal, one at a time', () => {
    const c = createCluster({ seed: 2 });
    c.api.create(sts('web'));
    c.runUntilSettled();
    const s = set(c);
    c.api.update({ ...s, spec: { ...(s.spec as object), replicas: 1 } });
    const gone: string[] = [];
    for (let t = 0; t < 40 && gone.length < 2; t++) {
      c.step();
      for (const n of ['web-2', 'web-1']) if (!pod(c, n) && !gone.includes(n)) gone.push(n);
      // Never both terminating at once.
      expect(['web-1', 'web-2'].filter((n) => pod(c, n)?.metadata.deletionTimestamp).length).toBeLessThan(2);
    }
    expect(gone).toEqual(['web-2', 'web-1']);
    c.runUntilSettled();
    expect(set(c).status?.replicas).toBe(1);
    const deletes = c.store.list('events').filter((e) => e.reason === 'SuccessfulDelete').map((e) => (e as KubeObject & { message: string }).message);
    expect(deletes).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful']);
  });

  it('rolls an update in reverse ordinal order and stops at the partition', () => {
    const c = createCluster({ seed: 3 });
    c.api.create(sts('web', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    c.runUntilSettled();
    const oldRev = set(c).status?.currentRevision;
    const s = set(c);
    const spec = structuredClone(s.spec) as NonNullable<StatefulSetObject['spec']>;
    (spec.template.spec?.containers[0] as { image?: string }).image = 'nginx:1.28';
    c.api.update({ ...s, spec });
    const order: string[] = [];
    c.store.subscribe((e) => {
      if (e.resource === 'pods' && e.type === 'ADDED') order.push(e.object.metadata.name);
    });
    c.runUntilSettled();
    expect(order).toEqual(['web-2', 'web-1']);
    const image = (n: string) => pod(c, n)?.spec?.containers[0]?.image;
    expect([image('web-0'), image('web-1'), image('web-2')]).toEqual(['nginx:1.27', 'nginx:1.28', 'nginx:1.28']);
    const st = set(c).status;
    expect(st?.currentRevision).toBe(oldRev);
    expect(st?.updateRevision).not.toBe(oldRev);
    expect(st).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 1, updatedReplicas: 2 });
    // Deleting web-0 below the partition brings it back at the old revision.
    c.api.delete(findByKind('v1', 'Pod') as ResourceType, 'default', 'web-0');
    c.runUntilSettled();
    expect(image('web-0')).toBe('nginx:1.27');
  });

  it('volumeClaimTemplates create claims that stay Pending, and the pod waits for them', () => {
    const c = createCluster({ seed: 4 });
    c.api.create(
      sts('web', {
        replicas: 2,
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] } },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      }),
    );
    c.runUntilSettled();
    const claim = c.store.get('persistentvolumeclaims', 'default', 'www-web-0');
    expect(claim?.status).toEqual({ phase: 'Pending' });
    expect(claim?.metadata.labels).toEqual({ app: 'web' });
    const p = pod(c, 'web-0') as PodObject;
    expect(p.spec?.volumes?.[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(p.status?.conditions?.find((x) => x.type === 'PodScheduled')?.message).toBe(
      '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    // OrderedReady: web-1 waits for web-0, which waits for storage.
    expect(pod(c, 'web-1')).toBeUndefined();
  });
});
