import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { Client } from '../../api/client';
import { findByKind } from '../../api/resources';
import { KubectlError, formatStatus } from '../errors';
import type { ClusterSettingCommand } from './types';
import { onOff, parseOnOff } from './onoff';
import { INGRESS_NGINX_CLASS, INGRESS_NGINX_CONTROLLER, ingressNginxClass } from '../../controllers/ingress/ingressclass';

function adminClient(cluster: Cluster): Client {
  return new Client(cluster.api, (r) => cluster.records.push(r), { controller: 'cluster-admin', key: '', tick: cluster.tick });
}

/**
 * `cluster ingress-controller on|off`: installs ingress-nginx (its `nginx` IngressClass is
 * created through the API, the default class, controller k8s.io/ingress-nginx) or removes it.
 */
export const ingressControllerCommand: ClusterSettingCommand = {
  usage: 'on|off',
  summary: 'Install or remove the ingress controller (ingress-nginx and its nginx IngressClass)',
  run(cluster, words) {
    const on = parseOnOff('ingress-controller', words);
    if (cluster.settings.ingressController === on) return { stdout: `cluster: ingress-controller is already ${onOff(on)} (unchanged)\n`, stderr: '', exitCode: 0 };
    const t = findByKind('networking.k8s.io/v1', 'IngressClass');
    const existing = t ? cluster.api.get(t, undefined, INGRESS_NGINX_CLASS) : undefined;
    const client = adminClient(cluster);
    let note = '';
    if (on && !existing?.ok) {
      const res = client.create(ingressNginxClass(), {
        reason: `Installing ingress-nginx creates IngressClass ${INGRESS_NGINX_CLASS} (controller ${INGRESS_NGINX_CONTROLLER}), marked as the default class`,
        code: 'record.cluster.ingressClassCreate',
        params: { name: INGRESS_NGINX_CLASS, controller: INGRESS_NGINX_CONTROLLER },
      });
      if (!res.ok) throw new KubectlError(formatStatus(res.status));
      note = `; ingressclass.networking.k8s.io/${INGRESS_NGINX_CLASS} created`;
    }
    if (!on && existing?.ok && (existing.object.spec as { controller?: string } | undefined)?.controller === INGRESS_NGINX_CONTROLLER) {
      const res = client.delete(existing.object as KubeObject, {
        reason: `Removing ingress-nginx deletes its IngressClass ${INGRESS_NGINX_CLASS}`,
        code: 'record.cluster.ingressClassDelete',
        params: { name: INGRESS_NGINX_CLASS },
      });
      if (!res.ok) throw new KubectlError(formatStatus(res.status));
      note = `; ingressclass.networking.k8s.io/${INGRESS_NGINX_CLASS} deleted`;
    }
    cluster.configure(
      { ingressController: on },
      {
        reason: on
          ? 'The learner installed an ingress controller (ingress-nginx): Ingresses of its class get an address and route'
          : 'The learner removed the ingress controller: Ingresses stay stored but route nowhere',
        code: on ? 'record.cluster.ingressControllerOn' : 'record.cluster.ingressControllerOff',
        params: {},
      },
      ['ingresses.networking.k8s.io'],
    );
    return { stdout: `cluster: ingress-controller ${onOff(on)}${note}\n`, stderr: '', exitCode: 0 };
  },
};
