import type { Controller, ReconcileContext } from './types';
import { serviceAccountObject } from '../api/authz/bootstrap';
import { DEFAULT_SERVICE_ACCOUNT } from '../api/kinds/serviceaccount';

function reconcile(ctx: ReconcileContext): void {
  const ns = ctx.store.get('namespaces', undefined, ctx.key);
  if (!ns || ns.metadata.deletionTimestamp) return;
  if (ctx.store.get('serviceaccounts', ctx.key, DEFAULT_SERVICE_ACCOUNT)) return;
  ctx.client.create(serviceAccountObject(ctx.key, DEFAULT_SERVICE_ACCOUNT), {
    reason: `Every namespace gets a default ServiceAccount, so the serviceaccount controller creates ${ctx.key}/default`,
    code: 'record.serviceaccount.default',
    params: { namespace: ctx.key, name: DEFAULT_SERVICE_ACCOUNT },
  });
}

/**
 * kube-controller-manager's serviceaccount controller: every active namespace has a `default`
 * ServiceAccount; a new namespace gets one, and a deleted one comes back.
 */
export function createServiceAccountController(): Controller {
  return {
    name: 'serviceaccount-controller',
    watches: [
      // A namespace that already has its default (the bootstrap ones) needs no visit.
      { resource: 'namespaces', map: (ev, store) => (ev.type === 'ADDED' && !store.get('serviceaccounts', ev.object.metadata.name, DEFAULT_SERVICE_ACCOUNT) ? [ev.object.metadata.name] : []) },
      {
        resource: 'serviceaccounts',
        map: (ev) => (ev.type === 'DELETED' && ev.object.metadata.name === DEFAULT_SERVICE_ACCOUNT && ev.object.metadata.namespace ? [ev.object.metadata.namespace] : []),
      },
    ],
    reconcile,
  };
}
