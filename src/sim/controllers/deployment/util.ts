import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';

export type DeploymentObject = Deployment & KubeObject;
export type ReplicaSetObject = ReplicaSet & KubeObject;
export type MutableStatus = { -readonly [K in keyof DeploymentStatus]: DeploymentStatus[K] };

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Annotations a Deployment does not hand down to its ReplicaSets (skipCopyAnnotation). */
const NOT_COPIED = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS]);

export function copiedAnnotations(d: DeploymentObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!NOT_COPIED.has(k)) out[k] = v;
  return out;
}

export function replicas(o: { spec?: { replicas?: number } }): number {
  return o.spec?.replicas ?? 1;
}

export function revisionOf(o: KubeObject | undefined): number {
  const v = o?.metadata.annotations?.[REVISION];
  const n = v === undefined ? 0 : parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}

export function maxRevision(list: ReplicaSetObject[]): number {
  return list.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** An int or a percentage of `total`, rounded up or down (intstr.GetScaledValueFromIntOrPercent). */
export function scaled(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = parseInt(v, 10);
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, and both zero would
 * deadlock a rollout, so maxUnavailable becomes 1.
 */
export function fenceposts(d: DeploymentObject): { maxSurge: number; maxUnavailable: number } {
  if (d.spec?.strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: 0 };
  const ru = d.spec?.strategy?.rollingUpdate;
  const want = replicas(d);
  const maxSurge = scaled(ru?.maxSurge ?? '25%', want, true);
  let maxUnavailable = scaled(ru?.maxUnavailable ?? '25%', want, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** MaxUnavailable as the status code uses it: never more than the replicas wanted. */
export function maxUnavailable(d: DeploymentObject): number {
  if (d.spec?.strategy?.type !== 'RollingUpdate' || replicas(d) === 0) return 0;
  return Math.min(fenceposts(d).maxUnavailable, replicas(d));
}

export function maxSurge(d: DeploymentObject): number {
  if (d.spec?.strategy?.type !== 'RollingUpdate') return 0;
  return fenceposts(d).maxSurge;
}

/** JSON with sorted keys, so field order never counts as a difference. */
export function stable(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}

function withoutHash(t: PodTemplateSpec | undefined): unknown {
  const c = structuredClone(t ?? {}) as { metadata?: { labels?: Record<string, string> } };
  if (c.metadata?.labels) {
    delete c.metadata.labels[POD_TEMPLATE_HASH];
    if (!Object.keys(c.metadata.labels).length) delete c.metadata.labels;
  }
  if (c.metadata && !Object.keys(c.metadata).length) delete c.metadata;
  return c;
}

/** EqualIgnoreHash: the same pod template apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return stable(withoutHash(a)) === stable(withoutHash(b));
}

export function templateWithoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  return withoutHash(t) as PodTemplateSpec;
}

export function sumSpec(list: ReplicaSetObject[]): number {
  return list.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
}

export function sumStatus(list: ReplicaSetObject[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return list.reduce((n, rs) => n + (rs.status?.[field] ?? 0), 0);
}

/** Oldest first; ties by name so the order never depends on list order. */
export function byCreation(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const ac = a.metadata.creationTimestamp ?? '';
  const bc = b.metadata.creationTimestamp ?? '';
  if (ac !== bc) return ac < bc ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : 1;
}

export function condition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: the same status and reason changes nothing; the same status with
 * another reason keeps lastTransitionTime.
 */
export function setCondition(status: MutableStatus, next: DeploymentCondition): void {
  const list = [...(status.conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const cur = i >= 0 ? list[i] : undefined;
  if (cur && cur.status === next.status && cur.reason === next.reason) return;
  const c = { ...next };
  if (cur && cur.status === next.status) (c as { lastTransitionTime?: string }).lastTransitionTime = cur.lastTransitionTime;
  if (i >= 0) list[i] = c;
  else list.push(c);
  status.conditions = list;
}

export function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}
