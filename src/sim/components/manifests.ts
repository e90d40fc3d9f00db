import type { Cluster } from '../cluster';
import type { HostState } from '../hosts/state';
import type { NodeObject } from '../scheduler/types';
import { runComponentCommand } from './command';
import { manifestPath, removedManifests } from './status';
import { STATIC_COMPONENTS } from './staticPods';

/**
 * The kubelet watches /etc/kubernetes/manifests: after a shell line on a machine, a static pod
 * manifest moved away (`mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/`) stops that
 * component and one moved back starts it — the same change `node stop-component` makes. The
 * API server and etcd stay: the sim's console needs them, so moving those is undone with a note.
 */
export function syncStaticManifests(cluster: Cluster, machine: string, host: HostState): string {
  const node = cluster.store.get<NodeObject>('nodes', undefined, machine);
  if (!node) return '';
  const removed = removedManifests(node);
  let notes = '';
  for (const component of STATIC_COMPONENTS) {
    const path = manifestPath(component);
    const present = path in host.files;
    const stopped = removed.includes(component);
    if (present !== stopped) continue;
    const res = runComponentCommand(cluster, [present ? 'start-component' : 'stop-component', machine, component]);
    if (res.exitCode !== 0 && !present) {
      // Refused (etcd, kube-apiserver): put the manifest back so the machine matches the cluster.
      const moved = Object.keys(host.files).find((f) => f.endsWith(`/${component}.yaml`) && f !== path);
      if (moved) {
        host.files[path] = host.files[moved] ?? '';
        delete host.files[moved];
      }
      notes += `(Kube Orchestra) ${res.stderr.replace(/^error: /, '').trim()}; ${path} is back in place\n`;
    }
  }
  return notes;
}
