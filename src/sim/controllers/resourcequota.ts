import type { Controller, ReconcileContext } from './types';
import type { WatchEvent, Store } from '../store/store';
import type { KubeObject } from '../objects';
import { splitKey } from '../objects';
import { jsonEqual } from '../objects';
import type { ResourceQuotaObject } from '../api/admission/quota';
import { podCountsForQuota, quotaStatus, quotasIn, resourceForQuotaName } from '../api/admission/quota';

const NAME = 'resourcequota-controller';

function reconcile(ctx: ReconcileContext): void {
  const { namespace = 'default', name } = splitKey(ctx.key);
  const q = ctx.store.get<ResourceQuotaObject>('resourcequotas', namespace, name);
  if (!q || q.metadata.deletionTimestamp) return;
  const next = quotaStatus(ctx.store, q);
  if (jsonEqual(next, q.status ?? {})) return;
  const used = Object.entries(next.used)
    .map(([k, v]) => `${k}: ${v}/${next.hard[k] ?? ''}`)
    .join(', ');
  ctx.client.updateStatus(
    { ...q, status: next },
    {
      reason: `The resourcequota controller counted what namespace ${namespace} uses against ResourceQuota ${name}: ${used || 'nothing'}`,
      code: 'record.resourcequota.used',
      params: { quota: ctx.key, used: used || '-' },
    },
  );
}

/** Does this change alter what some quota counts? Pods only when they start or stop holding quota. */
function relevant(ev: WatchEvent): boolean {
  if (ev.resource === 'events' || ev.resource === 'events.events.k8s.io') return false;
  if (ev.type !== 'MODIFIED' || !ev.oldObject) return true;
  if (ev.resource === 'pods') return podCountsForQuota(ev.object as Parameters<typeof podCountsForQuota>[0]) !== podCountsForQuota(ev.oldObject as Parameters<typeof podCountsForQuota>[0]);
  return ev.resource === 'services' || ev.resource === 'persistentvolumeclaims';
}

const keyOf = (q: KubeObject) => `${q.metadata.namespace}/${q.metadata.name}`;

function mapChange(ev: WatchEvent, store: Store): string[] {
  // O(1) for a cluster without quotas (the bench): no list, no matching.
  if (!store.count('resourcequotas') || ev.resource === 'resourcequotas') return [];
  const ns = ev.object.metadata.namespace;
  if (!ns || !relevant(ev)) return [];
  return quotasIn(store, ns)
    .filter((q) => Object.keys(q.spec?.hard ?? {}).some((k) => resourceForQuotaName(k) === ev.resource))
    .map(keyOf);
}

/**
 * kube-controller-manager's resourcequota controller: keeps every ResourceQuota's
 * status.hard (a copy of spec.hard) and status.used (what the namespace's objects charge,
 * finished pods not counted) current, one tick after the change that moved them.
 */
export function createResourceQuotaController(): Controller {
  return {
    name: NAME,
    watches: [
      { resource: 'resourcequotas', map: (ev) => (ev.type === 'DELETED' ? [] : [keyOf(ev.object)]) },
      { resource: '*', map: mapChange },
    ],
    reconcile,
  };
}
