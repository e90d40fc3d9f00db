import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import type { Node } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext } from '../types';
import type { KubeObject } from '../../objects';
import { keyOf, splitKey } from '../../objects';
import { ingressControllerAddress, servedByIngressNginx } from '../../network/ingress';

type IngressObject = Ingress & KubeObject;

const NAME = 'ingress-nginx';
const SOURCE = { component: 'nginx-ingress-controller' };
const INGRESSES = 'ingresses.networking.k8s.io';
const CLASSES = 'ingressclasses.networking.k8s.io';

function currentAddress(ing: IngressObject): string | undefined {
  const first = ing.status?.loadBalancer?.ingress?.[0];
  return first?.ip ?? first?.hostname;
}

function reconcile(ctx: ReconcileContext): void {
  const { namespace = 'default', name } = splitKey(ctx.key);
  const ing = ctx.store.get<IngressObject>(INGRESSES, namespace, name);
  if (!ing || ing.metadata.deletionTimestamp) return;
  const classes = ctx.store.list(CLASSES) as unknown as IngressClass[];
  const served = ctx.settings.ingressController && servedByIngressNginx(ing, classes);
  const want = served ? ingressControllerAddress(ctx.store.list('nodes') as unknown as Node[]) : undefined;
  const have = currentAddress(ing);
  if (want === have) return;
  if (want) {
    ctx.events.record(ing, 'Normal', 'Sync', 'Scheduled for sync', SOURCE);
    ctx.client.updateStatus(
      { ...ing, status: { ...ing.status, loadBalancer: { ingress: [{ ip: want }] } } },
      {
        reason: `ingress-nginx serves Ingress ${ctx.key} (class ${ing.spec?.ingressClassName ?? 'default'}) and publishes its address ${want}`,
        code: 'record.ingress.address',
        params: { ingress: ctx.key, ip: want },
      },
    );
    return;
  }
  ctx.client.updateStatus(
    { ...ing, status: { ...ing.status, loadBalancer: {} } },
    ctx.settings.ingressController
      ? { reason: `Ingress ${ctx.key} is not of a class ingress-nginx serves, so it has no address`, code: 'record.ingress.notServed', params: { ingress: ctx.key } }
      : { reason: `No ingress controller runs any more, so Ingress ${ctx.key} loses its address and routes nowhere`, code: 'record.ingress.controllerGone', params: { ingress: ctx.key } },
  );
}

/**
 * ingress-nginx, when installed (`cluster ingress-controller on`): for every Ingress of a class
 * whose controller is k8s.io/ingress-nginx it publishes the controller's address in
 * status.loadBalancer.ingress; otherwise (not installed, another class) the address is empty.
 * A settings change resyncs Ingresses; an IngressClass change wakes every Ingress (there are few).
 */
export function createIngressController(): Controller {
  return {
    name: NAME,
    watches: [
      { resource: INGRESSES, map: (ev) => (ev.type === 'DELETED' ? [] : [keyOf(ev.object)]) },
      { resource: CLASSES, map: (_ev, store) => store.list(INGRESSES).map(keyOf) },
    ],
    reconcile,
  };
}
