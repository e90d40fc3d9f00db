import type { Client } from '../api/client';
import type { Store } from '../store/store';
import type { CniPlugin } from '../settings';
import { cniInstall } from './daemonsets';
import { cniSupport } from './bootstrap';

/**
 * What an admin does to change the pod network: `kubectl delete -f` the old plugin's manifest
 * and `kubectl apply -f` the new one. The old DaemonSet goes (the garbage collector takes its
 * pods; Flannel's whole kube-flannel namespace goes), the new objects are created, and the
 * DaemonSet controller starts the new agent on every node. Returns kubectl-style lines.
 */
export function switchCni(client: Client, store: Store, from: CniPlugin, to: CniPlugin): string[] {
  const out: string[] = [];
  const old = cniInstall(from);
  if (old) {
    const why = (what: string) => ({ reason: `The admin removes the ${from} CNI plugin: ${what}`, code: 'record.components.cniRemoved', params: { cni: from, name: what } });
    if (old.ownNamespace) {
      const ns = store.get('namespaces', undefined, old.namespace);
      if (ns && client.delete(ns, why(`namespace ${old.namespace}`)).ok) out.push(`namespace "${old.namespace}" deleted`);
    } else {
      const ds = store.get('daemonsets.apps', old.namespace, old.name);
      if (ds && client.delete(ds, why(`daemonset ${old.name}`)).ok) out.push(`daemonset.apps "${old.name}" deleted from ${old.namespace} namespace`);
      const sa = store.get('serviceaccounts', old.namespace, old.serviceAccount);
      if (sa && client.delete(sa, why(`serviceaccount ${old.serviceAccount}`)).ok) out.push(`serviceaccount "${old.serviceAccount}" deleted from ${old.namespace} namespace`);
    }
  }
  const next = cniInstall(to);
  if (next) {
    for (const obj of [...cniSupport(next), next.daemonSet]) {
      const ns = obj.metadata.namespace;
      if (store.get(obj.kind === 'Namespace' ? 'namespaces' : obj.kind === 'ServiceAccount' ? 'serviceaccounts' : obj.kind === 'ConfigMap' ? 'configmaps' : 'daemonsets.apps', ns, obj.metadata.name)) continue;
      const res = client.create(obj, { reason: `The admin installs the ${to} CNI plugin: ${obj.kind} ${obj.metadata.name}`, code: 'record.components.cniInstalled', params: { cni: to, name: obj.metadata.name } });
      const kind = obj.kind === 'DaemonSet' ? 'daemonset.apps' : obj.kind.toLowerCase();
      if (res.ok) out.push(`${kind}/${obj.metadata.name} created`);
    }
  }
  return out;
}
