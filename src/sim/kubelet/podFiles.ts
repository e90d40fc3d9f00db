import type { Container, Volume } from 'kubernetes-types/core/v1';

/**
 * Which paths a container finds already there when it starts. The sim cannot see file
 * contents, so it knows only three things: the files the kubelet itself writes into every
 * container, the trees of volumes whose content comes from outside (host paths, ConfigMaps,
 * Secrets, claims: present, content unknown), and emptyDir mounts (empty directories). Every
 * other path is absent until the container's own commands write it.
 */
export interface StartFiles {
  /** Paths that exist with everything below them (content unknown to the sim). */
  trees: string[];
  /** Directories that exist but start empty (emptyDir mount points). */
  emptyDirs: string[];
}

/** What the kubelet and the image give every container whatever its volumes. */
const SYSTEM_TREES = ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf', '/etc/passwd', '/etc/group', '/etc/os-release', '/proc', '/sys', '/dev', '/var/run/secrets/kubernetes.io/serviceaccount'];

const trimSlash = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);

export function startFiles(container: Container, volumes: Volume[] | undefined): StartFiles {
  const trees = [...SYSTEM_TREES];
  const emptyDirs: string[] = [];
  for (const m of container.volumeMounts ?? []) {
    const v = volumes?.find((x) => x.name === m.name);
    const path = trimSlash(m.mountPath);
    // A subPath of an emptyDir is an empty directory too; of anything else, content from outside.
    if (v?.emptyDir) emptyDirs.push(path);
    else trees.push(path);
  }
  return { trees, emptyDirs };
}

/** Whether `path` exists at start by what `startFiles` knows. */
export function presentAtStart(files: StartFiles, path: string): boolean {
  const p = trimSlash(path);
  if (files.emptyDirs.includes(p)) return true;
  return files.trees.some((t) => p === t || p.startsWith(`${t}/`));
}
