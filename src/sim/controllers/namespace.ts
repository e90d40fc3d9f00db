import type { Namespace } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext, ReconcileResult } from './types';
import type { KubeObject } from '../objects';

type NamespaceObject = Namespace & KubeObject;

/** Ticks between checks while content is still going away (objects with finalizers, pods stopping). */
const RECHECK_TICKS = 2;

function reconcile(ctx: ReconcileContext): ReconcileResult | void {
  const ns = ctx.store.get<NamespaceObject>('namespaces', undefined, ctx.key);
  if (!ns?.metadata.deletionTimestamp) return;
  const name = ns.metadata.name;
  let remaining = 0;
  for (const resource of ctx.store.resources().sort()) {
    if (resource === 'namespaces') continue;
    for (const obj of ctx.store.list(resource, { namespace: name })) {
      remaining++;
      if (obj.metadata.deletionTimestamp) continue;
      // Pods on a node get a deletionTimestamp and their kubelet stops them gracefully.
      ctx.client.delete(obj, {
        reason: `Namespace ${name} is being deleted, so everything in it is deleted: ${obj.kind} ${obj.metadata.name}`,
        code: 'record.namespace.deleteContent',
        params: { namespace: name, kind: obj.kind, name: obj.metadata.name },
      });
    }
  }
  if (remaining > 0) return { requeueAfterTicks: RECHECK_TICKS };
  const finalizers = ns.spec?.finalizers ?? [];
  if (!finalizers.includes('kubernetes')) return;
  ctx.client.update(
    { ...ns, spec: { ...ns.spec, finalizers: finalizers.filter((f) => f !== 'kubernetes') } },
    {
      reason: `Namespace ${name} is empty, so the namespace controller removes its kubernetes finalizer and the namespace goes away`,
      code: 'record.namespace.finalized',
      params: { namespace: name },
    },
  );
}

/**
 * kube-controller-manager's namespace controller: when a namespace is deleted (phase
 * Terminating), delete everything in it, wait until it is all gone, then drop the
 * `kubernetes` finalizer so the API server can remove the namespace itself.
 */
export function createNamespaceController(): Controller {
  return {
    name: 'namespace-controller',
    watches: [
      { resource: 'namespaces', map: (ev) => (ev.type !== 'DELETED' && ev.object.metadata.deletionTimestamp ? [ev.object.metadata.name] : []) },
      // The last pod leaving lets the namespace finish without waiting for the recheck.
      { resource: 'pods', map: (ev, store) => podGone(ev.type, ev.object.metadata.namespace, store) },
    ],
    reconcile,
  };
}

function podGone(type: string, namespace: string | undefined, store: ReconcileContext['store']): string[] {
  if (type !== 'DELETED' || !namespace) return [];
  return store.get('namespaces', undefined, namespace)?.metadata.deletionTimestamp ? [namespace] : [];
}
