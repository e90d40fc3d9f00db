import type { Container, Pod, PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../objects';

/** How a pod (or a pod template) uses a ConfigMap, Secret or claim. */
export type UseKind = 'env' | 'volume' | 'pull' | 'claim';

export interface PodUse {
  resource: 'configmaps' | 'secrets' | 'persistentvolumeclaims';
  name: string;
  how: UseKind;
}

function containersOf(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

/**
 * Everything a pod spec names in its own namespace: env (valueFrom and envFrom), volumes
 * (configMap, secret, projected sources, persistentVolumeClaim) and imagePullSecrets. The
 * same list the kubelet resolves before it starts a container, deduplicated.
 */
export function usesOfPodSpec(spec: PodSpec | undefined): PodUse[] {
  if (!spec) return [];
  const out = new Map<string, PodUse>();
  const add = (resource: PodUse['resource'], name: string | undefined, how: UseKind) => {
    if (!name) return;
    const k = `${resource}/${name}/${how}`;
    if (!out.has(k)) out.set(k, { resource, name, how });
  };
  for (const c of containersOf(spec)) {
    for (const e of c.env ?? []) {
      add('configmaps', e.valueFrom?.configMapKeyRef?.name, 'env');
      add('secrets', e.valueFrom?.secretKeyRef?.name, 'env');
    }
    for (const e of c.envFrom ?? []) {
      add('configmaps', e.configMapRef?.name, 'env');
      add('secrets', e.secretRef?.name, 'env');
    }
  }
  for (const v of spec.volumes ?? []) {
    add('configmaps', v.configMap?.name, 'volume');
    add('secrets', v.secret?.secretName, 'volume');
    add('persistentvolumeclaims', v.persistentVolumeClaim?.claimName, 'claim');
    for (const s of v.projected?.sources ?? []) {
      add('configmaps', s.configMap?.name, 'volume');
      add('secrets', s.secret?.name, 'volume');
    }
  }
  for (const p of spec.imagePullSecrets ?? []) add('secrets', p.name, 'pull');
  return [...out.values()];
}

/** A workload's pod template spec (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, RC). */
export function templateSpecOf(obj: KubeObject): PodSpec | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined;
  return spec?.template?.spec ?? spec?.jobTemplate?.spec?.template?.spec;
}

/** A pod that has finished (Succeeded/Failed) no longer holds its claims or reads its config. */
export function podFinished(pod: KubeObject): boolean {
  const phase = (pod as Pod).status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
