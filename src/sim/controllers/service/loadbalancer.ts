import type { LoadBalancerIngress, Service } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext } from '../types';
import type { KubeObject } from '../../objects';
import { splitKey } from '../../objects';
import type { Store } from '../../store/store';
import { intToIp, ipToInt } from '../../network/serviceIPs';

type ServiceObject = Service & KubeObject;

/** The address pool a load-balancer provider hands out (MetalLB on kind's docker network). */
export const LB_POOL_FIRST = '172.18.255.200';
export const LB_POOL_LAST = '172.18.255.250';
const NAME = 'service-controller';
const SOURCE = { component: 'service-controller' };

function ingressOf(svc: ServiceObject): LoadBalancerIngress[] {
  return svc.status?.loadBalancer?.ingress ?? [];
}

/** The lowest pool address no other Service holds (MetalLB's allocator picks in order). */
function freeAddress(store: Store, self: string): string | undefined {
  const used = new Set<string>();
  for (const s of store.list<ServiceObject>('services')) {
    if (`${s.metadata.namespace}/${s.metadata.name}` === self) continue;
    for (const i of ingressOf(s)) if (i.ip) used.add(i.ip);
  }
  for (let n = ipToInt(LB_POOL_FIRST); n <= ipToInt(LB_POOL_LAST); n++) if (!used.has(intToIp(n))) return intToIp(n);
  return undefined;
}

function reconcile(ctx: ReconcileContext): void {
  const { namespace = 'default', name } = splitKey(ctx.key);
  const svc = ctx.store.get<ServiceObject>('services', namespace, name);
  if (!svc) return;
  const wantsLB = svc.spec?.type === 'LoadBalancer' && !svc.metadata.deletionTimestamp;
  const current = ingressOf(svc);
  if (wantsLB && ctx.settings.loadBalancer) {
    if (current.length) return;
    ctx.events.record(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', SOURCE);
    const ip = freeAddress(ctx.store, ctx.key);
    if (!ip) {
      ctx.events.record(svc, 'Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: failed to ensure load balancer: no available IPs in pool ${LB_POOL_FIRST}-${LB_POOL_LAST}`, SOURCE);
      return;
    }
    const res = ctx.client.updateStatus(
      { ...svc, status: { ...svc.status, loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } },
      { reason: `The load-balancer provider gave LoadBalancer Service ${ctx.key} the external address ${ip}`, code: 'record.service.lbAssigned', params: { service: ctx.key, ip } },
    );
    if (res.ok) ctx.events.record(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', SOURCE);
    return;
  }
  if (!current.length) return;
  // No provider any more, or no longer type LoadBalancer: the address goes back to the pool.
  if (svc.spec?.type !== 'LoadBalancer') ctx.events.record(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', SOURCE);
  const res = ctx.client.updateStatus(
    { ...svc, status: { ...svc.status, loadBalancer: {} } },
    ctx.settings.loadBalancer || svc.spec?.type !== 'LoadBalancer'
      ? { reason: `Service ${ctx.key} is no longer of type LoadBalancer, so its external address is released`, code: 'record.service.lbReleased', params: { service: ctx.key } }
      : { reason: `No load-balancer provider runs any more: Service ${ctx.key} loses its external address and waits (<pending>)`, code: 'record.service.lbProviderGone', params: { service: ctx.key } },
  );
  if (res.ok && svc.spec?.type !== 'LoadBalancer') ctx.events.record(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', SOURCE);
}

/**
 * The cloud-controller-manager's service controller, as a cloud or MetalLB would answer it:
 * with a provider (`cluster load-balancer on`), a LoadBalancer Service gets an external IP in
 * status.loadBalancer.ingress; without one it stays `<pending>`. A settings change resyncs
 * Services, which is how this controller sees every one of them again.
 */
export function createServiceController(): Controller {
  return {
    name: NAME,
    watches: [
      {
        resource: 'services',
        map: (ev) => {
          const s = ev.object as ServiceObject;
          const old = ev.oldObject as ServiceObject | undefined;
          return ev.type !== 'DELETED' && (s.spec?.type === 'LoadBalancer' || ingressOf(s).length || old?.spec?.type === 'LoadBalancer') ? [`${s.metadata.namespace}/${s.metadata.name}`] : [];
        },
      },
    ],
    reconcile: (ctx) => reconcile(ctx),
  };
}
