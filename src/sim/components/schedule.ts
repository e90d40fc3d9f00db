import type { ControllerManager } from '../controllers/manager';
import type { Store } from '../store/store';
import type { SimClock } from '../clock';
import type { ClusterSettings } from '../settings';
import type { NodeObject, PodObject } from '../scheduler/types';
import { keyOf } from '../objects';
import { NODE_AGENT, NODE_AGENT_KEYS, firstRenewal, leaseRenewTicks } from './agent';

/**
 * After bootstrap: every kubelet's next lease renewal on the agent's periodic timer (a schedule,
 * so a quiet cluster still counts as settled), and — in a cluster without a CNI — the CoreDNS
 * pods handed to the scheduler, which cannot place them on NotReady nodes.
 */
export function scheduleLeases(manager: ControllerManager, store: Store, clock: SimClock, settings: Readonly<ClusterSettings>): void {
  const period = leaseRenewTicks(clock.tickMillis);
  for (const node of store.list<NodeObject>('nodes')) manager.schedule(NODE_AGENT, NODE_AGENT_KEYS.LEASE + node.metadata.name, firstRenewal(node.metadata.name, clock.tick, period), true);
  if (settings.cni !== 'none') return;
  // The scheduler's informer lists the unplaced CoreDNS pods on start: they are its first work.
  for (const pod of store.list<PodObject>('pods', { namespace: 'kube-system' })) if (!pod.spec?.nodeName) manager.enqueue('default-scheduler', keyOf(pod));
}
