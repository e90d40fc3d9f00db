import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, PodTemplateSpec, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import { clone, ownerRefTo } from '../../objects';

export type StatefulSetObject = StatefulSet & KubeObject;
export type PodObject = Pod & KubeObject;
export type ClaimObject = PersistentVolumeClaim & KubeObject;

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

/** `web-3` → 3 for StatefulSet `web`; -1 when the name is not one of its ordinals. */
export function ordinalOf(setName: string, podName: string): number {
  if (!podName.startsWith(setName + '-')) return -1;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
}

export function claimName(template: string, setName: string, ordinal: number): string {
  return `${template}-${setName}-${ordinal}`;
}

export function isTerminating(pod: PodObject): boolean {
  return !!pod.metadata.deletionTimestamp;
}

export function isFailedOrSucceeded(pod: PodObject): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}

export function isRunningAndReady(pod: PodObject): boolean {
  return pod.status?.phase === 'Running' && !!pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Ready for at least minReadySeconds (by the Ready condition's transition time); `nowMillis` from the sim clock. */
export function isAvailable(pod: PodObject, minReadySeconds: number, nowMillis: number): boolean {
  if (!isRunningAndReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
  return !!since && Date.parse(since) + minReadySeconds * 1000 <= nowMillis;
}

/** Healthy for the ordered policies: Running, Ready and not going away. */
export function isHealthy(pod: PodObject): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

/** newStatefulSetPod + updateIdentity + updateStorage: the pod for one ordinal at one revision. */
export function newStatefulSetPod(set: StatefulSetObject, template: PodTemplateSpec, revision: string, ordinal: number): PodObject {
  const name = `${set.metadata.name}-${ordinal}`;
  const spec = clone(template.spec ?? { containers: [] });
  const claims = set.spec?.volumeClaimTemplates ?? [];
  if (claims.length) {
    const claimVolumes: Volume[] = claims.map((t) => ({
      name: t.metadata?.name ?? '',
      persistentVolumeClaim: { claimName: claimName(t.metadata?.name ?? '', set.metadata.name, ordinal) },
    }));
    const claimed = new Set(claimVolumes.map((v) => v.name));
    (spec as { volumes?: Volume[] }).volumes = [...claimVolumes, ...(spec.volumes ?? []).filter((v) => !claimed.has(v.name))];
  }
  (spec as { hostname?: string }).hostname = name;
  if (set.spec?.serviceName) (spec as { subdomain?: string }).subdomain = set.spec.serviceName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace ?? 'default',
      labels: { ...template.metadata?.labels, [REVISION_LABEL]: revision, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [ownerRefTo(set)],
    },
    spec,
  };
}

/** The claim for one volumeClaimTemplate and ordinal, labelled with the set's selector labels. */
export function newClaim(set: StatefulSetObject, template: PersistentVolumeClaim, ordinal: number): ClaimObject {
  const labels = { ...(set.spec?.selector?.matchLabels as Record<string, string> | undefined), ...template.metadata?.labels };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: claimName(template.metadata?.name ?? '', set.metadata.name, ordinal),
      namespace: set.metadata.namespace ?? 'default',
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
    },
    spec: clone(template.spec ?? {}),
  };
}
