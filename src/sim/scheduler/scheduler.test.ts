import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { createScheduler, schedulingResultFor } from './scheduler';
import { fitErrorMessage } from './message';
import { tolerates } from './plugins/taintToleration';
import { matchesTerm } from './plugins/nodeAffinity';
import { podRequests } from './podResources';
import type { NodeInfo, PodObject } from './types';

function pod(name: string, spec: Partial<Pod['spec']> & object = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...spec } };
}

/** A cluster running only the scheduler, so one step is exactly one scheduling reconcile. */
function schedulerOnly(opts: { nodes?: number } = {}) {
  const scheduler = createScheduler();
  const c = new Cluster({ seed: 3, nodes: opts.nodes ?? 2 }, [scheduler]).bootstrap();
  c.drainDelta();
  return { c, scheduler };
}

const CP_TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

describe('scheduler reconcile', () => {
  it('binds to the emptiest worker and says why', () => {
    const { c } = schedulerOnly();
    c.api.create(pod('web'));
    const d = c.tickN(1);
    expect(d.records).toEqual([
      expect.objectContaining({
        controller: 'default-scheduler',
        key: 'default/web',
        action: 'bind',
        target: { kind: 'Pod', namespace: 'default', name: 'web' },
        code: 'record.scheduler.bound',
        params: expect.objectContaining({ pod: 'default/web', node: 'worker-1', feasible: 2, nodes: 3 }),
      }),
    ]);
    expect((c.store.get('pods', 'default', 'web') as PodObject).spec?.nodeName).toBe('worker-1');
    const ev = c.store.list('events').find((e) => e.reason === 'Scheduled') as KubeObject & { message: string; source: { component: string } };
    expect(ev.message).toBe('Successfully assigned default/web to worker-1');
    expect(ev.source.component).toBe('default-scheduler');
    const table = schedulingResultFor(c, 'default/web');
    expect(table?.chosen).toBe('worker-1');
    expect(table?.nodes.map((n) => [n.node, n.passed, n.reasons])).toEqual([
      ['control-plane', false, ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']],
      ['worker-1', true, []],
      ['worker-2', true, []],
    ]);
    expect(table?.nodes[1]?.scores).toHaveProperty('NodeResourcesFit');
  });

  it('spreads pods across workers by LeastAllocated', () => {
    const { c } = schedulerOnly();
    for (const n of ['a', 'b', 'c', 'd']) c.api.create(pod(n, { containers: [{ name: 'x', image: 'nginx', resources: { requests: { cpu: '500m' } } }] }));
    c.tickN(1);
    const nodes = ['a', 'b', 'c', 'd'].map((n) => (c.store.get('pods', 'default', n) as PodObject).spec?.nodeName);
    expect(nodes.filter((n) => n === 'worker-1')).toHaveLength(2);
    expect(nodes.filter((n) => n === 'worker-2')).toHaveLength(2);
  });

  it('writes FailedScheduling and PodScheduled=False when nothing fits', () => {
    const { c } = schedulerOnly();
    c.api.create(pod('big', { containers: [{ name: 'x', image: 'nginx', resources: { requests: { cpu: '100', memory: '64Gi' } } }] }));
    const d = c.tickN(1);
    const msg = `0/3 nodes are available: ${CP_TAINT}, 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`;
    expect(d.records).toEqual([expect.objectContaining({ action: 'status', code: 'record.scheduler.unschedulable', params: { pod: 'default/big', message: msg } })]);
    const p = c.store.get('pods', 'default', 'big') as PodObject;
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.conditions).toEqual([{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg, lastTransitionTime: '2026-01-01T09:00:01Z' }]);
    const ev = c.store.list('events').find((e) => e.reason === 'FailedScheduling') as KubeObject & { type: string; message: string };
    expect(ev.type).toBe('Warning');
    expect(ev.message).toBe(msg);
    // Its own status write does not make it retry; nothing is left to do until the cluster changes.
    c.tickN(1);
    expect(c.settled()).toBe(true);
  });

  it('retries an unschedulable pod when a node gains the label it selects', () => {
    const { c } = schedulerOnly();
    c.api.create(pod('picky', { nodeSelector: { disktype: 'ssd' } }));
    c.tickN(1);
    expect(schedulingResultFor(c, 'default/picky')?.message).toBe(
      `0/3 nodes are available: ${CP_TAINT}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
    );
    const node = c.store.get('nodes', undefined, 'worker-2') as KubeObject;
    c.api.update({ ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, disktype: 'ssd' } } });
    c.tickN(1);
    expect((c.store.get('pods', 'default', 'picky') as PodObject).spec?.nodeName).toBe('worker-2');
  });

  it('lets a pod that tolerates the control-plane taint and selects it land there', () => {
    const { c } = schedulerOnly();
    c.api.create(
      pod('admin', {
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
      }),
    );
    c.tickN(1);
    expect((c.store.get('pods', 'default', 'admin') as PodObject).spec?.nodeName).toBe('control-plane');
  });

  it('honours required node affinity and skips cordoned nodes', () => {
    const { c } = schedulerOnly();
    const w1 = c.store.get('nodes', undefined, 'worker-1') as KubeObject;
    c.api.update({ ...w1, spec: { ...(w1.spec as object), unschedulable: true } });
    c.api.create(
      pod('aff', {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['worker-1', 'worker-2'] }] }],
            },
          },
        },
      }),
    );
    c.tickN(1);
    expect((c.store.get('pods', 'default', 'aff') as PodObject).spec?.nodeName).toBe('worker-2');
    expect(schedulingResultFor(c, 'default/aff')?.nodes[1]?.reasons).toEqual(['node(s) were unschedulable']);
  });

  it('ignores pods for another scheduler and pods already on a node', () => {
    const { c } = schedulerOnly();
    c.api.create(pod('other', { schedulerName: 'my-scheduler' }));
    c.api.create(pod('pinned', { nodeName: 'worker-2' }));
    expect(c.tickN(1).records).toEqual([]);
  });

  it('counts pods already bound when checking fit', () => {
    const { c } = schedulerOnly({ nodes: 1 });
    const req = { containers: [{ name: 'x', image: 'nginx', resources: { requests: { cpu: '3' } } }] };
    c.api.create(pod('first', req));
    c.api.create(pod('second', req));
    c.tickN(1);
    expect((c.store.get('pods', 'default', 'first') as PodObject).spec?.nodeName).toBe('worker-1');
    expect(schedulingResultFor(c, 'default/second')?.message).toMatch(/^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint/);
    // Deleting the first frees the room: the second is retried and bound.
    c.userClient().delete(c.store.get('pods', 'default', 'first') as KubeObject, { reason: 'test' }, { gracePeriodSeconds: 0 });
    c.tickN(1);
    expect((c.store.get('pods', 'default', 'second') as PodObject).spec?.nodeName).toBe('worker-1');
  });

  it('keeps its tables across exportState/fromState', () => {
    const { c } = schedulerOnly();
    c.api.create(pod('web'));
    c.tickN(1);
    const restored = Cluster.fromState(JSON.parse(JSON.stringify(c.exportState())), [createScheduler()]);
    expect(schedulingResultFor(restored, 'default/web')).toEqual(schedulingResultFor(c, 'default/web'));
  });
});

describe('plugins', () => {
  it('matches tolerations as v1.Toleration.ToleratesTaint does', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoSchedule' };
    expect(tolerates({ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }, taint)).toBe(true);
    expect(tolerates({ key: 'k', value: 'v' }, taint)).toBe(true);
    expect(tolerates({ key: 'k', operator: 'Equal', value: 'w' }, taint)).toBe(false);
    expect(tolerates({ key: 'k', operator: 'Exists' }, taint)).toBe(true);
    expect(tolerates({ operator: 'Exists' }, taint)).toBe(true);
    expect(tolerates({ key: 'k', operator: 'Exists', effect: 'NoExecute' }, taint)).toBe(false);
    expect(tolerates({ value: 'v' }, taint)).toBe(false);
  });

  it('evaluates node selector operators', () => {
    const node = { name: 'n1', labels: { zone: 'a', cores: '8' } } as unknown as NodeInfo;
    const t = (operator: string, key: string, values?: string[]) => matchesTerm({ matchExpressions: [{ key, operator, values }] }, node);
    expect(t('In', 'zone', ['a', 'b'])).toBe(true);
    expect(t('NotIn', 'zone', ['a'])).toBe(false);
    expect(t('NotIn', 'missing', ['a'])).toBe(true);
    expect(t('Exists', 'zone')).toBe(true);
    expect(t('DoesNotExist', 'zone')).toBe(false);
    expect(t('Gt', 'cores', ['4'])).toBe(true);
    expect(t('Lt', 'cores', ['4'])).toBe(false);
    expect(t('Gt', 'zone', ['4'])).toBe(false);
    expect(matchesTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }, node)).toBe(true);
    expect(matchesTerm({}, node)).toBe(false);
  });

  it('sums container requests and takes the largest init container', () => {
    const p = {
      spec: {
        initContainers: [{ name: 'i', resources: { requests: { cpu: '2', memory: '1Gi' } } }],
        containers: [
          { name: 'a', resources: { requests: { cpu: '500m', memory: '128Mi' } } },
          { name: 'b', resources: { limits: { cpu: '0.25', memory: '2Gi' } } },
        ],
      },
    } as Pod;
    expect(podRequests(p)).toEqual({ cpu: 2000, memory: 128 * 2 ** 20 + 2 * 2 ** 30 });
  });

  it('formats the FitError message with sorted counts', () => {
    expect(fitErrorMessage(3, [{ reasons: ['Insufficient cpu'], unresolvable: false }, { reasons: ['Insufficient cpu', 'Insufficient memory'], unresolvable: false }, { reasons: ['node(s) were unschedulable'], unresolvable: true }])).toBe(
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) were unschedulable, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(fitErrorMessage(0, [])).toBe('no nodes available to schedule pods');
  });
});
