import type { NodeCondition, Taint } from 'kubernetes-types/core/v1';
import type { NodeObject } from '../scheduler/types';
import type { CniPlugin } from '../settings';

/** What the kubelet reports while no CNI config is in /etc/cni/net.d (containerd's NetworkReady=false). */
export const CNI_NOT_READY_MESSAGE =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';

/** NetworkUnavailable as each CNI agent sets it once it runs on the node. */
const UP: Record<Exclude<CniPlugin, 'none'>, [string, string]> = {
  flannel: ['FlannelIsUp', 'Flannel is running on this node'],
  calico: ['CalicoIsUp', 'Calico is running on this node'],
  weave: ['WeaveIsUp', 'Weave pod has set this'],
};

export function networkReady(node: NodeObject): boolean {
  return node.status?.conditions?.find((c) => c.type === 'NetworkUnavailable')?.status === 'False';
}

function upsert(conditions: NodeCondition[], next: NodeCondition, now: string): NodeCondition[] {
  const old = conditions.find((c) => c.type === next.type);
  const merged: NodeCondition = { ...old, ...next, lastHeartbeatTime: now, lastTransitionTime: old && old.status === next.status ? (old.lastTransitionTime ?? now) : now };
  if (old) return conditions.map((c) => (c.type === next.type ? merged : c));
  // The CNI's NetworkUnavailable comes first in `kubectl describe node`, as on a real node.
  return next.type === 'NetworkUnavailable' ? [merged, ...conditions] : [...conditions, merged];
}

/**
 * The node's status and taints with (`cni`) or without (`undefined`) a working pod network:
 * NetworkUnavailable from the CNI agent, Ready from the kubelet (containerd's NetworkReady),
 * and the not-ready NoSchedule taint the node lifecycle controller keeps on a NotReady node.
 */
export function withNetwork(node: NodeObject, cni: CniPlugin | undefined, now: string): NodeObject {
  // NotReady for another reason (the kubelet itself failing: cgroup driver, swap) stays so; only the CNI's part changes.
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const otherwiseNotReady = !!ready && ready.status !== 'True' && ready.message !== CNI_NOT_READY_MESSAGE;
  const conditions = node.status?.conditions ?? [];
  const up = cni && cni !== 'none' ? UP[cni] : undefined;
  let next = upsert(
    conditions,
    up
      ? { type: 'NetworkUnavailable', status: 'False', reason: up[0], message: up[1] }
      : { type: 'NetworkUnavailable', status: 'True', reason: 'NoRouteCreated', message: 'Node created without a route' },
    now,
  );
  if (!otherwiseNotReady)
    next = upsert(
      next,
      up ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' } : { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: CNI_NOT_READY_MESSAGE },
      now,
    );
  const taints: Taint[] = (node.spec?.taints ?? []).filter((t) => otherwiseNotReady || !(t.key === NOT_READY_TAINT && t.effect === 'NoSchedule'));
  if (!up && !taints.some((t) => t.key === NOT_READY_TAINT && t.effect === 'NoSchedule')) taints.push({ key: NOT_READY_TAINT, effect: 'NoSchedule', timeAdded: now });
  const spec = { ...node.spec };
  if (taints.length) spec.taints = taints;
  else delete spec.taints;
  return { ...node, spec, status: { ...node.status, conditions: next } };
}
