import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ExecFiles } from '../exec/types';
import type { NodeObject, PodObject } from '../scheduler/types';
import type { ObjectGetter } from './configRefs';
import { containerEnv, mountedFiles } from './configRefs';

/**
 * What `kubectl exec` needs from ConfigMaps and Secrets: the container as the kubelet started it
 * (env/envFrom resolved into plain values, so the exec `env` command prints them) and a file
 * provider for the files of configMap/secret/projected/downwardAPI volumes (`cat`, `ls`).
 */
export function containerWithResolvedEnv(pod: Pod, container: Container, store: ObjectGetter, node?: NodeObject): Container {
  if (!container.envFrom?.length && !(container.env ?? []).some((e) => e.valueFrom)) return container;
  const env = containerEnv(pod as PodObject, container, store, node);
  const { envFrom: _envFrom, ...rest } = container;
  return { ...rest, env };
}

export function configVolumeFiles(pod: Pod, container: Container, store: ObjectGetter, node?: NodeObject): ExecFiles {
  const files = mountedFiles(pod as PodObject, container, store, node);
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  return {
    read: (path) => byPath.get(path),
    list: (path) => {
      const dir = path.replace(/\/+$/, '');
      const names = new Set<string>();
      for (const f of files) if (f.path.startsWith(`${dir}/`)) names.add(f.path.slice(dir.length + 1).split('/')[0] as string);
      return names.size ? [...names].sort() : undefined;
    },
  };
}

/** The exec request's pod, container and files with ConfigMap/Secret content filled in. */
export function execWithConfig(pod: Pod, container: Container, store: ObjectGetter): { pod: Pod; container: Container; files: ExecFiles[] } {
  const resolved = containerWithResolvedEnv(pod, container, store);
  const spec = pod.spec;
  const swap = (list: readonly Container[] | undefined) => list?.map((c) => (c.name === container.name ? resolved : c));
  const next: Pod = resolved === container || !spec ? pod : { ...pod, spec: { ...spec, containers: swap(spec.containers) ?? [], ...(spec.initContainers ? { initContainers: swap(spec.initContainers) } : {}) } };
  return { pod: next, container: resolved, files: [configVolumeFiles(pod, container, store)] };
}
