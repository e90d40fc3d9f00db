import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { SimClock } from '../clock';
import type { ReconcileRecord } from '../controllers/types';
import type { ObjectGetter } from '../kubelet/configRefs';
import { fileExists, runProcess } from '../kubelet/process';
import { lookupImage } from '../kubelet/registry';
import type { NodeObject, PodObject } from '../scheduler/types';
import type { Store } from '../store/store';
import { ContainerFs } from './containerFs';
import type { VolumeFilesState } from './state';
import { collect, emptyVolumeFiles, isEmptyVolumeFiles } from './state';

export { ContainerFs } from './containerFs';
export type { VolumeFilesState } from './state';

/** How long the kubelet takes to project a changed ConfigMap/Secret into a mounted volume (its sync period). */
export const CONFIG_SYNC_SECONDS = 60;

/**
 * The files of every container and volume in the cluster (state.ts), saved with the cluster.
 * Only `kubectl exec` reads and writes them, so nothing here runs per tick.
 */
export class VolumeFiles {
  state: VolumeFilesState = emptyVolumeFiles();

  dump(): VolumeFilesState | undefined {
    return isEmptyVolumeFiles(this.state) ? undefined : this.state;
  }

  restore(s: VolumeFilesState | undefined): void {
    this.state = s ? (JSON.parse(JSON.stringify(s)) as VolumeFilesState) : emptyVolumeFiles();
  }

  /** Forgets layers of replaced containers, emptyDirs of deleted pods, and disks of deleted PVs. */
  collect(store: Pick<Store, 'list'>): void {
    const containerIDs = new Set<string>();
    const podUIDs = new Set<string>();
    for (const p of store.list<PodObject>('pods')) {
      podUIDs.add(p.metadata.uid ?? p.metadata.name);
      for (const s of [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])]) if (s.containerID) containerIDs.add(idOf(s.containerID));
    }
    const pvUIDs = new Set(store.list('persistentvolumes').map((v) => v.metadata.uid ?? v.metadata.name));
    collect(this.state, { containerIDs, podUIDs, pvUIDs });
  }
}

/** `containerd://abc…` → `abc…`. */
export const idOf = (containerID: string) => containerID.slice(containerID.indexOf('://') + 3);

export interface OpenFs {
  files: VolumeFiles;
  store: ObjectGetter & Pick<Store, 'list'>;
  clock: SimClock;
  /** The cluster's reconcile records, newest last, to know when a ConfigMap/Secret changed. */
  records: readonly ReconcileRecord[];
  pod: Pod;
  container: Container;
}

/** When any of these objects (`configmaps/ns/name`) was last written, from the records. */
function lastChange(records: readonly ReconcileRecord[], keys: string[]): number | undefined {
  const wanted = new Set(keys);
  const kinds: Record<string, string> = { ConfigMap: 'configmaps', Secret: 'secrets' };
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i] as ReconcileRecord;
    const res = kinds[r.target.kind];
    if (res && wanted.has(`${res}/${r.target.namespace ?? 'default'}/${r.target.name}`)) return r.tick;
  }
  return undefined;
}

/** Files the container's own command has written by now (`touch /tmp/healthy`), content unknown to the sim. */
function processFiles(pod: PodObject, container: Container, clock: SimClock): Map<string, string> {
  const out = new Map<string, string>();
  const l = lookupImage(container.image ?? '');
  const started = pod.status?.containerStatuses?.find((s) => s.name === container.name)?.state?.running?.startedAt;
  if (!l.found || !started) return out;
  const at = (clock.nowMillis() - Date.parse(started)) / 1000;
  const run = runProcess(container, l.entry, { startedAtMillis: Date.parse(started), podName: pod.metadata.name, until: at, volumes: pod.spec?.volumes });
  for (const f of run.files) if (!out.has(f.path) && fileExists(run, f.path, at)) out.set(f.path, '');
  return out;
}

/** The running container's file system for `kubectl exec`, or undefined when it has no container ID yet. */
export function openContainerFs(o: OpenFs): ContainerFs | undefined {
  const pod = o.pod as PodObject;
  const all = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const id = all.find((s) => s.name === o.container.name)?.containerID;
  if (!id) return undefined;
  o.files.collect(o.store);
  const node = pod.spec?.nodeName ? (o.store.get('nodes', undefined, pod.spec.nodeName) as NodeObject | undefined) : undefined;
  return new ContainerFs({
    state: o.files.state,
    pod,
    container: o.container,
    containerID: idOf(id),
    ...(node ? { node } : {}),
    store: o.store,
    now: o.clock.tick,
    nowMillis: o.clock.nowMillis(),
    syncTicks: o.clock.ticksFor(CONFIG_SYNC_SECONDS),
    changedAt: (keys) => lastChange(o.records, keys),
    processFiles: processFiles(pod, o.container, o.clock),
  });
}
