import type { Cluster } from '../cluster';
import type { NodeObject } from '../scheduler/types';
import { usage, formatStatus } from '../kubectl/errors';
import type { KubectlResult } from '../kubectl/types';
import { REMOVED_MANIFESTS_ANNOTATION, componentStatus, isStaticComponent, manifestPath, removedManifests } from './status';
import { STATIC_COMPONENTS } from './staticPods';

const USAGE = `usage: node stop-component|start-component NODE COMPONENT (COMPONENT: ${STATIC_COMPONENTS.join(', ')})`;
/** Stopping these would take the API server itself away; the sim keeps them running. */
const STOPPABLE = ['kube-scheduler', 'kube-controller-manager'];

/**
 * `node stop-component control-plane kube-scheduler`: what `mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/`
 * does on a kubeadm control plane. The kubelet notices, stops the static pod and removes its
 * mirror pod; the component's controllers do nothing until `start-component` moves it back.
 */
export function runComponentCommand(cluster: Cluster, words: string[]): KubectlResult {
  const [verb, nodeName, component, ...rest] = words;
  if (!nodeName || !component || rest.length) throw usage(USAGE);
  if (!isStaticComponent(component)) throw usage(`"${component}" is not a static pod of this cluster; ${USAGE.slice(7)}`);
  const node = cluster.store.get<NodeObject>('nodes', undefined, nodeName);
  if (!node) return { stdout: '', stderr: `Error from server (NotFound): nodes "${nodeName}" not found\n`, exitCode: 1 };
  const removed = removedManifests(node);
  const stop = verb === 'stop-component';
  if (stop && !STOPPABLE.includes(component))
    return { stdout: '', stderr: `error: Kube Orchestra keeps ${component} running (the console talks to the API server through it); stop ${STOPPABLE.join(' or ')}\n`, exitCode: 1 };
  if (!removed.length && nodeName !== 'control-plane') return { stdout: '', stderr: `error: ${nodeName} runs no static control-plane pods\n`, exitCode: 1 };
  const path = manifestPath(component);
  if (stop === removed.includes(component))
    return { stdout: `${component} is already ${stop ? 'stopped' : 'running'} (${path} ${stop ? 'is in /tmp' : 'is in place'})\n`, stderr: '', exitCode: 0 };
  const next = stop ? [...removed, component] : removed.filter((c) => c !== component);
  const annotations = { ...node.metadata.annotations };
  if (next.length) annotations[REMOVED_MANIFESTS_ANNOTATION] = next.join(',');
  else delete annotations[REMOVED_MANIFESTS_ANNOTATION];
  const res = cluster
    .userClient()
    .as('cluster-admin')
    .update(
      { ...node, metadata: { ...node.metadata, annotations } },
      stop
        ? { reason: `The admin moved ${path} to /tmp on ${nodeName}: the kubelet will stop ${component}`, code: 'record.components.manifestRemoved', params: { node: nodeName, component } }
        : { reason: `The admin moved ${component}.yaml back into /etc/kubernetes/manifests on ${nodeName}: the kubelet starts ${component} again`, code: 'record.components.manifestRestored', params: { node: nodeName, component } },
    );
  if (!res.ok) return { stdout: '', stderr: formatStatus(res.status), exitCode: 1 };
  const state = componentStatus(cluster.store, component);
  return { stdout: stop ? `moved ${path} to /tmp/${component}.yaml: ${component} ${state}\n` : `moved /tmp/${component}.yaml back to ${path}: ${component} ${state}\n`, stderr: '', exitCode: 0 };
}
