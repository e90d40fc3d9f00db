import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import type { KubeletSignals } from '../kubelet/kubelet';
import { pid1ExitOnSignal } from '../kubelet/signal';
import type { ContainerFs } from '../volumes/index';
import { openContainerFs } from '../volumes/index';

/**
 * What `kubectl exec` adds to a container for files and signals: its file system with volumes
 * (src/sim/volumes) and `kill 1`, which makes the kubelet see the main process exit at its
 * next sync and restart the container by the pod's restartPolicy.
 */
export function containerSignals(cluster: Cluster, pod: Pod, container: Container): { fs?: ContainerFs; kill: (signal: string) => void } {
  const fs = openContainerFs({ files: cluster.volumeFiles, store: cluster.store, clock: cluster.clock, records: cluster.records, pod, container });
  const key = `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
  const kill = (signal: string) => {
    const code = pid1ExitOnSignal(container, pod.spec?.volumes, signal);
    if (code === undefined) return;
    const kubelet = cluster.manager.controllers().find((c) => c.name === 'kubelet') as (KubeletSignals & { name: string }) | undefined;
    if (kubelet?.signalMain?.(key, container.name, code)) cluster.manager.enqueue('kubelet', key);
  };
  return { ...(fs ? { fs } : {}), kill };
}
