import type { Container, Volume } from 'kubernetes-types/core/v1';
import type { ObjectGetter } from '../kubelet/configRefs';
import { volumeFiles } from '../kubelet/configRefs';
import type { NodeObject, PodObject } from '../scheduler/types';
import type { Mount } from './mounts';
import { mountTable } from './mounts';
import type { FsStore, VolumeFilesState } from './state';
import { storeOf } from './state';

/**
 * One container's view of files: its mounts resolved to backing stores, with Kubernetes'
 * rules — the root is the image plus a writable layer, volumes shadow what is under their
 * mount path, configMap/secret/projected/downwardAPI volumes are read-only and show what the
 * kubelet last wrote (refreshed by its periodic sync; a subPath mount never refreshes).
 */
export type FsError = 'EROFS' | 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'EBUSY';

export interface Entry {
  name: string;
  dir: boolean;
  size: number;
  /** Config volume keys are symlinks into `..data/` as the kubelet's atomic writer makes them. */
  link?: string;
}

export interface DfRow {
  device: string;
  fsType: string;
  size: number;
  used: number;
  path: string;
  readOnly: boolean;
}

export interface FsInput {
  state: VolumeFilesState;
  pod: PodObject;
  container: Container;
  /** The running container's ID without its `containerd://` scheme. */
  containerID: string;
  node?: NodeObject;
  store: ObjectGetter;
  now: number;
  /** The sim's wall clock now (for `ls -l` dates). */
  nowMillis: number;
  /** Ticks between kubelet syncs of ConfigMap/Secret volumes. */
  syncTicks: number;
  /** The last tick any of these objects (`configmaps/ns/name`) changed, when known. */
  changedAt?: (keys: string[]) => number | undefined;
  /** Files the container's own process has written by now (path → content, '' when unknown). */
  processFiles?: Map<string, string>;
}

/** Directories every Linux image has (and what `ls /` shows). */
const BASE_DIRS: Record<string, string[]> = {
  '': ['bin', 'dev', 'etc', 'home', 'lib', 'mnt', 'opt', 'proc', 'root', 'run', 'srv', 'sys', 'tmp', 'usr', 'var'],
  etc: ['group', 'hostname', 'hosts', 'passwd', 'resolv.conf'],
  usr: ['bin', 'lib', 'local', 'sbin', 'share'],
  'usr/share': [],
  var: ['cache', 'lib', 'log', 'run', 'tmp'],
  'var/lib': [],
  'var/log': [],
  tmp: [],
  home: [],
  root: [],
  mnt: [],
  opt: [],
  srv: [],
  run: [],
  'var/run': ['secrets'],
  'var/run/secrets': ['kubernetes.io'],
  'var/run/secrets/kubernetes.io': ['serviceaccount'],
  'var/run/secrets/kubernetes.io/serviceaccount': ['ca.crt', 'namespace', 'token'],
};
const BASE_FILES = new Set(['etc/group', 'etc/hostname', 'etc/hosts', 'etc/passwd', 'etc/resolv.conf', 'var/run/secrets/kubernetes.io/serviceaccount/ca.crt', 'var/run/secrets/kubernetes.io/serviceaccount/namespace', 'var/run/secrets/kubernetes.io/serviceaccount/token']);

/** `/a/./b/../c` → `a/c` (relative to the container's root). */
export function normalize(path: string, cwd = '/'): string {
  const abs = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of abs.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const parentOf = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));
const inside = (p: string, dir: string) => (dir === '' ? p !== '' : p.startsWith(`${dir}/`));
const under = (p: string, dir: string) => p === dir || inside(p, dir);
const sameFiles = (a: [string, string][], b: [string, string][]) => JSON.stringify(a) === JSON.stringify(b);

function refsOf(v: Volume, ns: string): string[] {
  const out: string[] = [];
  if (v.configMap?.name) out.push(`configmaps/${ns}/${v.configMap.name}`);
  if (v.secret?.secretName) out.push(`secrets/${ns}/${v.secret.secretName}`);
  for (const s of v.projected?.sources ?? []) {
    if (s.configMap?.name) out.push(`configmaps/${ns}/${s.configMap.name}`);
    if (s.secret?.name) out.push(`secrets/${ns}/${s.secret.name}`);
  }
  return out;
}

export class ContainerFs {
  readonly mounts: Mount[];

  constructor(private readonly input: FsInput) {
    this.mounts = mountTable(input.pod, input.container, input.containerID, input.node, input.store);
    for (const m of this.mounts) {
      if (!m.ownedBy || !m.store) continue;
      const list = (input.state.owned[m.ownedBy] ??= []);
      if (!list.some((d) => d.store === m.store && d.prefix === m.prefix)) list.push({ store: m.store, prefix: m.prefix });
    }
    // The kubelet wrote every config volume when the container started: take all snapshots now,
    // so a later change shows only after a sync (and never through a subPath).
    for (const m of this.mounts) if (m.config) this.configFiles(m);
  }

  /** The mount a path falls in and the path relative to the mount point. */
  resolve(path: string): { mount: Mount; rel: string } {
    const p = normalize(path, this.input.container.workingDir ?? '/');
    for (const m of this.mounts) {
      const mp = normalize(m.path);
      if (under(p, mp)) return { mount: m, rel: mp === '' ? p : p.slice(mp.length).replace(/^\//, '') };
    }
    return { mount: this.mounts[this.mounts.length - 1] as Mount, rel: p };
  }

  private storeFor(m: Mount): FsStore | undefined {
    return m.store ? this.input.state.stores[m.store] : undefined;
  }

  private inStore = (m: Mount, rel: string) => [m.prefix, rel].filter(Boolean).join('/');

  /** A config volume's files as the kubelet last wrote them (rel path → content). */
  private configFiles(m: Mount): Map<string, string> {
    const cfg = m.config;
    if (!cfg) return new Map();
    const { state, pod, now, syncTicks, changedAt } = this.input;
    const current: [string, string][] = volumeFiles(pod, cfg.volume, this.input.store, this.input.node).files.map((f) => [f.rel, f.content]);
    const key = cfg.subPath ? `ctr/${this.input.containerID}/${cfg.index}` : `pod/${pod.metadata.uid ?? pod.metadata.name}/${cfg.volume.name}`;
    const snap = state.config[key];
    if (!snap) state.config[key] = { tick: now, files: current };
    else if (!cfg.subPath && !sameFiles(snap.files, current)) {
      const changed = changedAt?.(refsOf(cfg.volume, pod.metadata.namespace ?? 'default')) ?? snap.tick;
      if (now >= Math.max(changed, snap.tick) + syncTicks) state.config[key] = { tick: now, files: current };
    }
    const files = (state.config[key] as { files: [string, string][] }).files;
    if (!cfg.subPath) return new Map(files);
    const sub = cfg.subPath;
    const out = new Map<string, string>();
    for (const [rel, content] of files) {
      if (rel === sub) out.set('', content);
      else if (rel.startsWith(`${sub}/`)) out.set(rel.slice(sub.length + 1), content);
    }
    return out;
  }

  /** 'file', 'dir' or undefined for a path that does not exist. */
  stat(path: string): 'file' | 'dir' | undefined {
    const p = normalize(path, this.input.container.workingDir ?? '/');
    // An ancestor of a mount point is a directory whatever holds it.
    if (this.mounts.some((m) => inside(normalize(m.path), p))) return 'dir';
    return this.mountKind(p);
  }

  private mountKind(path: string): 'file' | 'dir' | undefined {
    const { mount, rel } = this.resolve(path);
    if (mount.kind === 'config') {
      const files = this.configFiles(mount);
      if (files.has(rel)) return 'file';
      if (rel === '' || [...files.keys()].some((k) => inside(k, rel))) return 'dir';
      return undefined;
    }
    if (mount.kind === 'layer') {
      if (BASE_DIRS[rel] !== undefined) return 'dir';
      if (BASE_FILES.has(rel)) return 'file';
      if (this.input.processFiles?.has(`/${rel}`)) return 'file';
    }
    const st = this.storeFor(mount);
    const sp = this.inStore(mount, rel);
    if (rel === '') return 'dir';
    if (st?.files[sp] !== undefined) return 'file';
    if (st?.dirs.includes(sp) || Object.keys(st?.files ?? {}).some((k) => inside(k, sp))) return 'dir';
    return undefined;
  }

  /** A file's content; undefined when absent (kubelet-managed /etc files are the caller's). */
  read(path: string): string | undefined {
    const { mount, rel } = this.resolve(path);
    if (mount.kind === 'config') return this.configFiles(mount).get(rel);
    const v = this.storeFor(mount)?.files[this.inStore(mount, rel)];
    if (v !== undefined) return v;
    return mount.kind === 'layer' ? this.input.processFiles?.get(`/${rel}`) : undefined;
  }

  /** Entries of a directory, sorted; undefined when it is not a directory. */
  list(path: string): Entry[] | undefined {
    const p = normalize(path, this.input.container.workingDir ?? '/');
    if (this.stat(p) !== 'dir') return undefined;
    const { mount, rel } = this.resolve(p);
    const out = new Map<string, Entry>();
    const add = (e: Entry) => out.set(e.name, e);
    const child = (k: string, dir: string) => (inside(k, dir) ? k.slice(dir ? dir.length + 1 : 0).split('/') : undefined);
    if (mount.kind === 'config') {
      for (const [k, content] of this.configFiles(mount)) {
        const parts = child(k, rel);
        if (!parts) continue;
        const name = parts[0] as string;
        add(parts.length > 1 ? { name, dir: true, size: 4096 } : { name, dir: false, size: content.length, ...(rel === '' ? { link: `..data/${name}` } : {}) });
      }
    } else {
      if (mount.kind === 'layer') {
        for (const n of BASE_DIRS[rel] ?? []) add({ name: n, dir: !BASE_FILES.has(rel ? `${rel}/${n}` : n), size: 4096 });
        for (const [f, content] of this.input.processFiles ?? []) {
          const parts = child(f.replace(/^\//, ''), rel);
          if (parts) add({ name: parts[0] as string, dir: parts.length > 1, size: content.length });
        }
      }
      const st = this.storeFor(mount);
      const base = this.inStore(mount, rel);
      for (const [f, content] of Object.entries(st?.files ?? {})) {
        const parts = child(f, base);
        if (parts) add({ name: parts[0] as string, dir: parts.length > 1, size: parts.length > 1 ? 4096 : content.length });
      }
      for (const d of st?.dirs ?? []) {
        const parts = child(d, base);
        if (parts) add({ name: parts[0] as string, dir: true, size: 4096 });
      }
    }
    // Mount points show as directories of their parent.
    for (const m of this.mounts) {
      const parts = child(normalize(m.path), p);
      if (parts) add({ name: parts[0] as string, dir: parts.length > 1 || m.config?.subPath === undefined, size: 4096 });
    }
    return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private writable(path: string): { st: FsStore; sp: string; rel: string; mount: Mount } | FsError {
    const { mount, rel } = this.resolve(path);
    if (mount.readOnly || !mount.store) return 'EROFS';
    return { st: storeOf(this.input.state, mount.store), sp: this.inStore(mount, rel), rel, mount };
  }

  /** `>` / `>>`: the parent must be a directory. */
  write(path: string, content: string, append: boolean): FsError | undefined {
    const p = normalize(path, this.input.container.workingDir ?? '/');
    const kind = this.stat(p);
    if (kind === 'dir') return 'EISDIR';
    if (this.stat(parentOf(p)) !== 'dir') return this.stat(parentOf(p)) === 'file' ? 'ENOTDIR' : 'ENOENT';
    const w = this.writable(p);
    if (typeof w === 'string') return w;
    const before = w.st.files[w.sp] ?? (append ? (this.read(p) ?? '') : '');
    w.st.files[w.sp] = append ? before + content : content;
    return undefined;
  }

  touch(path: string): FsError | undefined {
    return this.stat(path) === 'file' ? (this.writable(path) === 'EROFS' ? 'EROFS' : undefined) : this.write(path, '', true);
  }

  mkdir(path: string, parents: boolean): FsError | undefined {
    const p = normalize(path, this.input.container.workingDir ?? '/');
    const kind = this.stat(p);
    if (kind) return parents && kind === 'dir' ? undefined : 'EEXIST';
    const parent = parentOf(p);
    if (this.stat(parent) !== 'dir') {
      if (!parents || this.stat(parent) === 'file') return this.stat(parent) === 'file' ? 'ENOTDIR' : 'ENOENT';
      const e = this.mkdir(`/${parent}`, true);
      if (e) return e;
    }
    const w = this.writable(p);
    if (typeof w === 'string') return w;
    if (!w.st.dirs.includes(w.sp)) w.st.dirs.push(w.sp);
    return undefined;
  }

  remove(path: string, recursive: boolean): FsError | undefined {
    const p = normalize(path, this.input.container.workingDir ?? '/');
    const kind = this.stat(p);
    if (!kind) return 'ENOENT';
    if (kind === 'dir' && !recursive) return 'EISDIR';
    const w = this.writable(p);
    if (typeof w === 'string') return w;
    const gone = (k: string) => (w.sp === '' ? true : under(k, w.sp));
    for (const k of Object.keys(w.st.files)) if (gone(k)) delete w.st.files[k];
    w.st.dirs = w.st.dirs.filter((d) => !gone(d));
    // A mount point itself cannot be removed: its content goes, the directory stays busy.
    return w.rel === '' && w.mount.kind !== 'layer' ? 'EBUSY' : undefined;
  }

  get nowMillis(): number {
    return this.input.nowMillis;
  }

  /** What `df` and `mount` list: the root, /dev, the kubelet's /etc files, then each volume. */
  dfRows(): DfRow[] {
    const root = this.mounts[this.mounts.length - 1] as Mount;
    // The node's disk already holds images and logs: a third of it in use, plus what the pods wrote.
    const nodeUsed = Math.round(root.sizeBytes * 0.35);
    const row = (m: Mount): DfRow => ({
      device: m.device,
      fsType: m.fsType,
      size: m.sizeBytes,
      used: (m.device === '/dev/sda1' || m.device === 'overlay' ? nodeUsed : 0) + this.used(m),
      path: m.path,
      readOnly: m.readOnly,
    });
    const tmp = (path: string, size: number, device = 'tmpfs'): DfRow => ({ device, fsType: 'tmpfs', size, used: 0, path, readOnly: false });
    const order = (this.input.container.volumeMounts ?? []).map((vm) => normalize(vm.mountPath));
    const volumes = this.mounts.filter((m) => m.kind !== 'layer').sort((a, b) => order.indexOf(normalize(a.path)) - order.indexOf(normalize(b.path)));
    const disk = { ...row(root), fsType: 'ext4', device: '/dev/sda1' };
    return [row(root), tmp('/dev', 64 * 1024 * 1024), tmp('/dev/shm', 64 * 1024 * 1024, 'shm'), { ...disk, path: '/etc/hosts' }, { ...disk, path: '/etc/hostname' }, { ...disk, path: '/etc/resolv.conf' }, ...volumes.map(row)];
  }

  /** Bytes stored under a mount (for df's Used column). */
  used(m: Mount): number {
    if (m.config) return [...this.configFiles(m).values()].reduce((n, c) => n + Math.max(4096, c.length), 0);
    const st = this.storeFor(m);
    if (!st) return 0;
    return Object.entries(st.files).reduce((n, [k, c]) => (under(k, m.prefix) || m.prefix === '' ? n + Math.ceil(c.length / 4096) * 4096 : n), 0);
  }
}
