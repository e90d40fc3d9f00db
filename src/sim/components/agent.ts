import type { Controller, ReconcileContext, ReconcileResult } from '../controllers/types';
import type { WatchEvent } from '../store/store';
import type { NodeObject, PodObject } from '../scheduler/types';
import type { LeaseObject } from '../api/kinds/lease';
import { kubeletStopped } from '../kubelet/node';
import { NODE_LEASE_NAMESPACE, NODE_LEASE_RENEW_SECONDS, nodeLease, renewOffset } from './leases';
import { REMOVED_MANIFESTS_ANNOTATION, removedManifests, CONTROL_PLANE_NODE } from './status';
import { STATIC_COMPONENTS } from './staticPods';
import { mirrorPod, mirrorPodName } from './mirror';
import { cniInstall } from './daemonsets';
import { networkReady, withNetwork } from './network';

/**
 * The part of every node's kubelet that is about the node rather than its pods: the heartbeat
 * Lease in kube-node-lease (renewed every 10 s, staggered by node), the static pods of
 * /etc/kubernetes/manifests and their mirror pods (control-plane node), and whether the
 * container runtime's network is ready (a CNI config exists) — the node's Ready condition.
 */
export const NODE_AGENT = 'kubelet-node';
const LEASE = 'lease:';
const STATIC = 'static:';
const NET = 'net:';

export function leaseRenewTicks(tickMillis: number): number {
  return Math.max(1, Math.round((NODE_LEASE_RENEW_SECONDS * 1000) / tickMillis));
}

/** The tick a node's first renewal is due after `tick` (its offset in the period). */
export function firstRenewal(node: string, tick: number, period: number): number {
  const offset = renewOffset(node, period);
  const base = tick - (tick % period) + offset;
  return base > tick ? base : base + period;
}

function renew(ctx: ReconcileContext, nodeName: string): ReconcileResult | void {
  const node = ctx.store.get<NodeObject>('nodes', undefined, nodeName);
  // A stopped kubelet renews nothing: the lease ages until the node lifecycle controller notices.
  if (!node || kubeletStopped(node)) return;
  const period = leaseRenewTicks(ctx.clock.tickMillis);
  const now = ctx.clock.nowMicroTime();
  const client = ctx.client.as(`kubelet/${nodeName}`);
  const lease = ctx.store.get<LeaseObject>('leases.coordination.k8s.io', NODE_LEASE_NAMESPACE, nodeName);
  const params = { node: nodeName };
  const renewed = lease?.spec?.renewTime ? Math.floor((Date.parse(lease.spec.renewTime) - ctx.clock.epoch) / ctx.clock.tickMillis) : undefined;
  // Renewed less than a period ago (a node's ADDED event replayed after bootstrap, a kubelet
  // back within the period): wait for this node's own beat, so timers do not double up.
  const onBeat = ctx.clock.tick % period === renewOffset(nodeName, period);
  if (!onBeat && renewed !== undefined && ctx.clock.tick - renewed < period) return { requeueAfterTicks: firstRenewal(nodeName, ctx.clock.tick, period) - ctx.clock.tick, periodic: true };
  if (!lease) client.create(nodeLease(node, now), { reason: `The kubelet on ${nodeName} creates its heartbeat Lease in kube-node-lease`, code: 'record.kubelet.leaseCreated', params });
  else client.update({ ...lease, spec: { ...lease.spec, renewTime: now } }, { reason: `The kubelet on ${nodeName} renews its Lease: the node is alive`, code: 'record.kubelet.leaseRenewed', params });
  return { requeueAfterTicks: period, periodic: true };
}

/** Mirror pods follow the manifests: removed manifest → static pod stopped; restored or mirror deleted → posted again. */
function syncStatic(ctx: ReconcileContext, nodeName: string): ReconcileResult | void {
  const node = ctx.store.get<NodeObject>('nodes', undefined, nodeName);
  if (!node || nodeName !== CONTROL_PLANE_NODE || kubeletStopped(node)) return;
  const removed = removedManifests(node);
  const client = ctx.client.as(`kubelet/${nodeName}`);
  for (const component of STATIC_COMPONENTS) {
    const name = mirrorPodName(component, nodeName);
    const pod = ctx.store.get<PodObject>('pods', 'kube-system', name);
    const params = { component, node: nodeName };
    if (removed.includes(component)) {
      if (pod && !pod.metadata.deletionTimestamp)
        client.delete(pod, { reason: `${component}.yaml left /etc/kubernetes/manifests on ${nodeName}: the kubelet stops the static pod and removes its mirror pod`, code: 'record.kubelet.staticPodStopped', params });
      continue;
    }
    if (pod) continue;
    client.create(mirrorPod(component, node, ctx.clock.nowRFC3339()), {
      reason: `/etc/kubernetes/manifests/${component}.yaml is on ${nodeName}: the kubelet runs the static pod and posts its mirror pod`,
      code: 'record.kubelet.staticPodStarted',
      params,
    });
  }
}

/** The node's Ready/NetworkUnavailable follow the CNI: none installed, or its agent not yet running here. */
function syncNetwork(ctx: ReconcileContext, nodeName: string): ReconcileResult | void {
  const node = ctx.store.get<NodeObject>('nodes', undefined, nodeName);
  if (!node || kubeletStopped(node)) return;
  const cni = ctx.settings.cni;
  const install = cniInstall(cni);
  const ready = networkReady(node);
  let want: boolean;
  if (!install) want = false;
  else if (ready) want = true;
  else {
    // Not ready yet: the CNI agent's pod on this node must run (its init container writes the CNI config).
    const agent = ctx.store
      .list<PodObject>('pods', { namespace: install.namespace })
      .find((p) => p.spec?.nodeName === nodeName && p.status?.phase === 'Running' && p.metadata.ownerReferences?.some((o) => o.kind === 'DaemonSet' && o.name === install.name));
    want = !!agent;
  }
  const hasNetworkCondition = node.status?.conditions?.some((c) => c.type === 'NetworkUnavailable');
  if (want === ready && hasNetworkCondition) {
    // Switching between two plugins keeps the node Ready; the reason names the new agent.
    const reason = node.status?.conditions?.find((c) => c.type === 'NetworkUnavailable')?.reason ?? '';
    if (!want || reason.toLowerCase().startsWith(cni)) return;
  }
  const now = ctx.clock.nowRFC3339();
  const next = withNetwork(node, want ? cni : undefined, now);
  const params = { node: nodeName, cni };
  const res = ctx.client.as(`kubelet/${nodeName}`).updateStatus(
    { ...node, status: next.status },
    want
      ? { reason: `The ${cni} agent runs on ${nodeName} and wrote its CNI config: the pod network is ready and the node is Ready`, code: 'record.kubelet.networkReady', params }
      : { reason: `No CNI plugin is installed on ${nodeName}: the container runtime's network is not ready, so the node is NotReady`, code: 'record.kubelet.networkNotReady', params },
  );
  const current = res.ok ? (res.object as NodeObject) : node;
  if (JSON.stringify(current.spec?.taints ?? []) !== JSON.stringify(next.spec?.taints ?? []))
    ctx.client.as('node-lifecycle-controller').update(
      { ...current, spec: next.spec },
      want
        ? { reason: `${nodeName} is Ready: the node lifecycle controller removes its not-ready taint`, code: 'record.nodelifecycle.untaintNotReady', params }
        : { reason: `${nodeName} is NotReady: the node lifecycle controller taints it node.kubernetes.io/not-ready:NoSchedule`, code: 'record.nodelifecycle.taintNotReady', params },
    );
  const wasReady = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  const isReady = (res.ok ? (res.object as NodeObject) : node).status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  if (res.ok && wasReady !== isReady) ctx.events.record(node, 'Normal', isReady ? 'NodeReady' : 'NodeNotReady', `Node ${nodeName} status is now: ${isReady ? 'NodeReady' : 'NodeNotReady'}`, { component: 'kubelet', host: nodeName });
}

function mapNode(ev: WatchEvent): string[] {
  const node = ev.object as NodeObject;
  const name = node.metadata.name;
  if (ev.type === 'DELETED') return [];
  if (ev.type === 'ADDED') return [LEASE + name, NET + name];
  const old = ev.oldObject as NodeObject | undefined;
  const out: string[] = [];
  // An informer resync (the CNI setting changed) or a kubelet coming back.
  if (old === ev.object) out.push(NET + name);
  if (kubeletStopped(old) && !kubeletStopped(node)) out.push(LEASE + name, NET + name, STATIC + name);
  if (old?.metadata.annotations?.[REMOVED_MANIFESTS_ANNOTATION] !== node.metadata.annotations?.[REMOVED_MANIFESTS_ANNOTATION]) out.push(STATIC + name);
  return out;
}

function mapPod(ev: WatchEvent): string[] {
  const pod = ev.object as PodObject;
  const node = pod.spec?.nodeName;
  if (!node) return [];
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return ev.type === 'DELETED' ? [STATIC + node] : [];
  // A CNI agent pod starting on a node that waits for its network.
  if (ev.type !== 'DELETED' && pod.status?.phase === 'Running' && (ev.oldObject?.status as PodObject['status'])?.phase !== 'Running' && pod.metadata.ownerReferences?.some((o) => o.kind === 'DaemonSet')) return [NET + node];
  return [];
}

export function createNodeAgent(): Controller {
  return {
    name: NODE_AGENT,
    watches: [
      { resource: 'nodes', map: mapNode },
      { resource: 'pods', map: mapPod },
    ],
    reconcile(ctx) {
      const k = ctx.key;
      if (k.startsWith(LEASE)) return renew(ctx, k.slice(LEASE.length));
      if (k.startsWith(STATIC)) return syncStatic(ctx, k.slice(STATIC.length));
      if (k.startsWith(NET)) return syncNetwork(ctx, k.slice(NET.length));
    },
  };
}

export const NODE_AGENT_KEYS = { LEASE, STATIC, NET };
