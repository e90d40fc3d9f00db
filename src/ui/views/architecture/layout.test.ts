import { describe, expect, it } from 'vitest';
import { MAX_SHOWN_NODES, boxFor, layoutArchitecture } from './layout';

describe('layoutArchitecture', () => {
  it('draws the control plane with its components and each worker with kubelet, containerd and kube-proxy', () => {
    const l = layoutArchitecture(['worker-1', 'worker-2'], 1000);
    expect(l.machines.map((m) => m.node)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(l.components.filter((c) => !c.node).map((c) => c.component).sort()).toEqual(['coredns', 'etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl']);
    expect(l.components.filter((c) => c.node === 'worker-2').map((c) => c.component)).toEqual(['kubelet', 'containerd', 'kube-proxy']);
  });

  it('summarises many workers, but always draws the ones a message is about', () => {
    const workers = Array.from({ length: 500 }, (_, i) => `worker-${i + 1}`);
    const l = layoutArchitecture(workers, 1200, ['worker-377']);
    expect(l.shownNodes).toHaveLength(MAX_SHOWN_NODES);
    expect(l.shownNodes).toContain('worker-377');
    expect(l.machines.find((m) => m.role === 'more')?.count).toBe(500 - MAX_SHOWN_NODES);
    expect(boxFor(l, 'kubelet', 'worker-9')).toBe(l.machines.find((m) => m.role === 'more'));
    expect(boxFor(l, 'kubelet', 'worker-377')).toMatchObject({ component: 'kubelet', node: 'worker-377' });
  });
});
