import type { Container, PersistentVolume, PersistentVolumeClaim, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../objects';
import type { ObjectGetter } from '../kubelet/configRefs';
import type { NodeObject, PodObject } from '../scheduler/types';
import { parseQuantity } from '../quantity';

/**
 * A container's mount table: its root (the image plus a writable layer) and one entry per
 * volumeMount, each saying which backing store (state.ts) holds the files and how `df` shows it.
 */
export type MountKind = 'layer' | 'emptyDir' | 'hostPath' | 'pvc' | 'config';

export interface Mount {
  /** Where it is mounted in the container ('/' for the root). */
  path: string;
  kind: MountKind;
  volume?: string;
  /** Backing store key (state.ts); undefined for read-only config volumes. */
  store?: string;
  /** Directory (or, for a subPath file, path) inside the store that is this mount's root. */
  prefix: string;
  readOnly: boolean;
  /** `df`'s Filesystem column, type and size. */
  device: string;
  fsType: string;
  sizeBytes: number;
  /** configMap/secret/projected/downwardAPI: the volume and, with subPath, the one key mounted. */
  config?: { volume: Volume; subPath?: string; index: number };
  /** A PV with reclaimPolicy Delete that owns this directory on a node or NFS server. */
  ownedBy?: string;
}

type PV = PersistentVolume & KubeObject;
type PVC = PersistentVolumeClaim & KubeObject;

const strip = (p: string) => p.replace(/^\/+/, '').replace(/\/+$/, '');
const join = (a: string, b: string) => [strip(a), strip(b)].filter(Boolean).join('/');
const bytes = (q: string | undefined, fallback: number) => (q === undefined ? fallback : (parseQuantity(q) ?? fallback));

/** The node's root disk, which holds container layers, emptyDirs and hostPath directories. */
export function nodeDisk(node: NodeObject | undefined): number {
  return bytes(node?.status?.capacity?.['ephemeral-storage'], 61202244 * 1024);
}

const nodeMemory = (node: NodeObject | undefined) => bytes(node?.status?.capacity?.memory, 8 * 1024 ** 3);

/** Where a bound PersistentVolume keeps its files, by volume source. */
function pvBacking(pv: PV, nodeName: string): { store: string; prefix: string; device: string; fsType: string } {
  const s = pv.spec ?? {};
  if (s.hostPath) return { store: `host/${nodeName}`, prefix: strip(s.hostPath.path), device: '/dev/sda1', fsType: 'ext4' };
  if (s.local) return { store: `host/${nodeName}`, prefix: strip(s.local.path), device: '/dev/sda1', fsType: 'ext4' };
  if (s.nfs) return { store: `nfs/${s.nfs.server}`, prefix: strip(s.nfs.path), device: `${s.nfs.server}:${s.nfs.path}`, fsType: 'nfs4' };
  const attrs = s.csi?.volumeAttributes ?? {};
  if (s.csi?.driver === 'nfs.csi.k8s.io' && attrs.server) {
    const path = join(attrs.share ?? '', attrs.subdir ?? '');
    return { store: `nfs/${attrs.server}`, prefix: path, device: `${attrs.server}:/${path}`, fsType: 'nfs4' };
  }
  // A block disk (or managed share) that follows the claim: attached to whichever node runs the pod.
  return { store: `pv/${pv.metadata.uid ?? pv.metadata.name}`, prefix: '', device: '/dev/sdb', fsType: s.csi?.fsType ?? 'ext4' };
}

function volumeMount(pod: PodObject, v: Volume, node: NodeObject | undefined, store: ObjectGetter): Omit<Mount, 'path' | 'readOnly' | 'prefix'> & { prefix: string; forcedReadOnly?: boolean } {
  const uid = pod.metadata.uid ?? pod.metadata.name;
  const nodeName = pod.spec?.nodeName ?? '';
  const disk = nodeDisk(node);
  if (v.emptyDir) {
    const memory = v.emptyDir.medium === 'Memory';
    return {
      kind: 'emptyDir',
      volume: v.name,
      store: `emptyDir/${uid}/${v.name}`,
      prefix: '',
      device: memory ? 'tmpfs' : '/dev/sda1',
      fsType: memory ? 'tmpfs' : 'ext4',
      sizeBytes: memory ? bytes(v.emptyDir.sizeLimit, nodeMemory(node)) : disk,
    };
  }
  if (v.hostPath) return { kind: 'hostPath', volume: v.name, store: `host/${nodeName}`, prefix: strip(v.hostPath.path), device: '/dev/sda1', fsType: 'ext4', sizeBytes: disk };
  if (v.persistentVolumeClaim) {
    const ns = pod.metadata.namespace ?? 'default';
    const pvc = store.get('persistentvolumeclaims', ns, v.persistentVolumeClaim.claimName) as PVC | undefined;
    const pv = pvc?.spec?.volumeName ? (store.get('persistentvolumes', undefined, pvc.spec.volumeName) as PV | undefined) : undefined;
    if (!pv) return { kind: 'pvc', volume: v.name, store: `emptyDir/${uid}/${v.name}`, prefix: '', device: '/dev/sda1', fsType: 'ext4', sizeBytes: disk };
    const b = pvBacking(pv, nodeName);
    const delete_ = pv.spec?.persistentVolumeReclaimPolicy === 'Delete' && !b.store.startsWith('pv/');
    return {
      kind: 'pvc',
      volume: v.name,
      ...b,
      sizeBytes: bytes(pv.spec?.capacity?.storage, disk),
      ...(delete_ ? { ownedBy: pv.metadata.uid ?? pv.metadata.name } : {}),
      forcedReadOnly: v.persistentVolumeClaim.readOnly === true,
    };
  }
  if (v.configMap || v.secret || v.projected || v.downwardAPI) return { kind: 'config', volume: v.name, prefix: '', device: 'tmpfs', fsType: 'tmpfs', sizeBytes: nodeMemory(node) };
  // Volume types the sim does not model further (ephemeral, csi inline, iscsi ...): a directory on the node.
  return { kind: 'emptyDir', volume: v.name, store: `emptyDir/${uid}/${v.name}`, prefix: '', device: '/dev/sda1', fsType: 'ext4', sizeBytes: disk };
}

/** The container's mounts, longest mount path first (the one that wins a path lookup). */
export function mountTable(pod: PodObject, container: Container, containerID: string, node: NodeObject | undefined, store: ObjectGetter): Mount[] {
  const out: Mount[] = [{ path: '/', kind: 'layer', store: `layer/${containerID}`, prefix: '', readOnly: false, device: 'overlay', fsType: 'overlay', sizeBytes: nodeDisk(node) }];
  const mounts = container.volumeMounts ?? [];
  mounts.forEach((m, index) => {
    const v = (pod.spec?.volumes ?? []).find((x) => x.name === m.name);
    if (!v) return;
    const base = volumeMount(pod, v, node, store);
    const { forcedReadOnly, ...rest } = base;
    const mount: Mount = { ...rest, path: m.mountPath.length > 1 ? m.mountPath.replace(/\/+$/, '') : m.mountPath, prefix: join(base.prefix, m.subPath ?? ''), readOnly: m.readOnly === true || forcedReadOnly === true || base.kind === 'config' };
    if (base.kind === 'config') mount.config = { volume: v, ...(m.subPath ? { subPath: m.subPath } : {}), index };
    out.push(mount);
  });
  return out.sort((a, b) => b.path.length - a.path.length);
}
