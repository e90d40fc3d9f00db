import type { Job } from 'kubernetes-types/batch/v1';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import { ownerRefTo } from '../../objects';
import { COMPLETION_INDEX } from '../../api/kinds/job';

export type JobObject = Job & KubeObject;
export type PodObject = Pod & KubeObject;

export function isFinished(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Counted as active: neither finished nor on its way out. */
export function isActive(pod: PodObject): boolean {
  return !isFinished(pod) && !pod.metadata.deletionTimestamp;
}

export function isReady(pod: PodObject): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function restarts(pod: PodObject): number {
  return (pod.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

export function completionIndex(pod: PodObject): number | undefined {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX] ?? pod.metadata.labels?.[COMPLETION_INDEX];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** When a finished pod's last container stopped (for the pod-failure back-off). */
export function finishedAt(pod: PodObject): number | undefined {
  let latest: number | undefined;
  for (const s of pod.status?.containerStatuses ?? []) {
    const t = s.state?.terminated?.finishedAt;
    if (t) latest = Math.max(latest ?? 0, Date.parse(t));
  }
  return latest;
}

/**
 * The pod the Job controller posts: the template, owned by the Job, named `<job>-<suffix>`
 * (Indexed: `<job>-<index>-<suffix>`, with the index as annotation, label, hostname and the
 * JOB_COMPLETION_INDEX variable, as the real controller sets them).
 */
export function podFromTemplate(job: JobObject, index: number | undefined): PodObject {
  const template = job.spec?.template;
  const labels: Record<string, string> = { ...(template?.metadata?.labels ?? {}) };
  const annotations: Record<string, string> = { ...(template?.metadata?.annotations ?? {}) };
  const spec = structuredClone(template?.spec ?? { containers: [] }) as NonNullable<Pod['spec']>;
  let generateName = `${job.metadata.name}-`;
  if (index !== undefined) {
    generateName = `${job.metadata.name}-${index}-`;
    labels[COMPLETION_INDEX] = String(index);
    annotations[COMPLETION_INDEX] = String(index);
    (spec as { hostname?: string }).hostname ??= `${job.metadata.name}-${index}`;
    const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.labels['${COMPLETION_INDEX}']` } } };
    const withIndex = (c: Container): Container => ({ ...c, env: [...(c.env ?? []), env] });
    (spec as { containers: Container[] }).containers = spec.containers.map(withIndex);
    if (spec.initContainers) (spec as { initContainers: Container[] }).initContainers = spec.initContainers.map(withIndex);
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName,
      namespace: job.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: [ownerRefTo(job)],
    },
    spec,
  };
}
