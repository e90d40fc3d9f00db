/**
 * Where the files a container writes live, saved with the cluster state. Files sit in
 * backing stores named by what they live as long as:
 *   - `layer/<containerID hex>`: the container's writable layer (a restart is a new container ID);
 *   - `emptyDir/<podUID>/<volume>`: the pod's emptyDir, gone with the pod;
 *   - `host/<node>`: the node's disk (hostPath volumes, hostPath and local PVs), paths absolute;
 *   - `nfs/<server>`: an NFS server's exports, shared by every node;
 *   - `pv/<pvUID>`: a block disk or managed file share that follows its PersistentVolume.
 * Paths inside a store carry no leading slash. Everything is plain JSON so exportState stays
 * byte-identical for the same actions.
 */
export interface FsStore {
  /** Regular files: path → content. */
  files: Record<string, string>;
  /** Directories made with `mkdir` (a store's root always exists). */
  dirs: string[];
}

/** A ConfigMap/Secret volume as the kubelet last wrote it (what `cat` shows until the next sync). */
export interface ConfigSnapshot {
  tick: number;
  files: [path: string, content: string][];
}

export interface VolumeFilesState {
  stores: Record<string, FsStore>;
  /**
   * Atomic-writer snapshots of configMap/secret/projected/downwardAPI volumes: `pod/<podUID>/<volume>`
   * (updated by the kubelet's periodic sync) and `ctr/<containerID hex>/<mount index>` for subPath
   * mounts (a bind mount of one file, never updated while the container lives).
   */
  config: Record<string, ConfigSnapshot>;
  /** Directories a dynamically provisioned PV (reclaimPolicy Delete) owns on a node or NFS server: removed with the PV. */
  owned: Record<string, { store: string; prefix: string }[]>;
}

export const emptyVolumeFiles = (): VolumeFilesState => ({ stores: {}, config: {}, owned: {} });

export function isEmptyVolumeFiles(s: VolumeFilesState): boolean {
  return !Object.keys(s.stores).length && !Object.keys(s.config).length && !Object.keys(s.owned).length;
}

/** What the garbage collector needs to know is still alive. */
export interface Alive {
  containerIDs: Set<string>;
  podUIDs: Set<string>;
  pvUIDs: Set<string>;
}

/**
 * Drops what no longer exists: layers of containers that were replaced, emptyDirs of deleted
 * pods, disks of deleted PVs, and directories of deleted PVs whose reclaimPolicy was Delete.
 */
export function collect(s: VolumeFilesState, alive: Alive): void {
  const live = (kind: string, id: string) =>
    kind === 'layer' || kind === 'ctr' ? alive.containerIDs.has(id) : kind === 'emptyDir' || kind === 'pod' ? alive.podUIDs.has(id) : kind === 'pv' ? alive.pvUIDs.has(id) : true;
  for (const key of Object.keys(s.stores)) {
    const [kind, id] = key.split('/') as [string, string];
    if (!live(kind, id)) delete s.stores[key];
  }
  for (const key of Object.keys(s.config)) {
    const [kind, id] = key.split('/') as [string, string];
    if (!live(kind, id)) delete s.config[key];
  }
  for (const [uid, dirs] of Object.entries(s.owned)) {
    if (alive.pvUIDs.has(uid)) continue;
    for (const d of dirs) removeTree(s, d.store, d.prefix);
    delete s.owned[uid];
  }
}

function removeTree(s: VolumeFilesState, store: string, prefix: string): void {
  const st = s.stores[store];
  if (!st) return;
  const under = (p: string) => p === prefix || p.startsWith(`${prefix}/`);
  for (const p of Object.keys(st.files)) if (under(p)) delete st.files[p];
  st.dirs = st.dirs.filter((d) => !under(d));
}

export function storeOf(s: VolumeFilesState, key: string): FsStore {
  let st = s.stores[key];
  if (!st) {
    st = { files: {}, dirs: [] };
    s.stores[key] = st;
  }
  return st;
}
