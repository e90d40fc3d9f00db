import type { ReconcileContext, Why } from '../types';
import type { DeploymentObject, ReplicaSetObject } from './util';
import { DESIRED_REPLICAS, MAX_REPLICAS, maxSurge, replicas } from './util';

/** Why a ReplicaSet is resized; English text here, every language in the UI's record strings. */
export const SCALE_REASONS = {
  recreateDown: 'Recreate: Deployment {{deployment}} scales ReplicaSet {{replicaSet}} from {{from}} to 0, so every old pod stops before any new one starts',
  recreateUp: 'Recreate: the old pods are gone, so Deployment {{deployment}} scales its new ReplicaSet {{replicaSet}} from {{from}} to {{to}}',
  newTooLarge: 'Deployment {{deployment}} wants only {{to}} replicas, so it scales ReplicaSet {{replicaSet}} down from {{from}}',
  rollingUp: 'Rolling update: Deployment {{deployment}} grows its new ReplicaSet {{replicaSet}} from {{from}} to {{to}}, keeping all pods within replicas + maxSurge ({{limit}})',
  unhealthyDown: 'Rolling update: Deployment {{deployment}} scales old ReplicaSet {{replicaSet}} from {{from}} to {{to}}, removing pods that are not available first',
  rollingDown: 'Rolling update: Deployment {{deployment}} scales old ReplicaSet {{replicaSet}} from {{from}} to {{to}}, keeping at least replicas - maxUnavailable ({{limit}}) pods available',
  replicas: 'Deployment {{deployment}} now wants {{to}} replicas, so it scales ReplicaSet {{replicaSet}} from {{from}} to {{to}}',
  saturated: 'The new ReplicaSet of Deployment {{deployment}} runs every replica, so old ReplicaSet {{replicaSet}} goes from {{from}} to 0',
  proportional: 'Deployment {{deployment}} was resized in the middle of a rollout, so ReplicaSet {{replicaSet}} takes its share: {{from}} to {{to}}',
} as const;

export type ScaleStep = keyof typeof SCALE_REASONS;

/** One sync's view: the Deployment and its ReplicaSets, kept current as this sync writes them. */
export class Sync {
  constructor(
    readonly ctx: ReconcileContext,
    public d: DeploymentObject,
    public rsList: ReplicaSetObject[],
  ) {}

  get name(): string {
    return this.d.metadata.name;
  }

  replace(rs: ReplicaSetObject): void {
    const i = this.rsList.findIndex((x) => x.metadata.uid === rs.metadata.uid);
    if (i >= 0) this.rsList[i] = rs;
    else this.rsList.push(rs);
  }

  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.events.record(this.d, type, reason, message, { component: 'deployment-controller' });
  }

  /**
   * scaleReplicaSetAndRecordEvent: sets spec.replicas and the desired/max-replicas
   * annotations, and says so with a ScalingReplicaSet event. Returns the ReplicaSet as written.
   */
  scale(rs: ReplicaSetObject, to: number, why: Why): ReplicaSetObject {
    const from = rs.spec?.replicas ?? 0;
    const desired = String(replicas(this.d));
    const max = String(replicas(this.d) + maxSurge(this.d));
    const ann = rs.metadata.annotations ?? {};
    if (from === to && ann[DESIRED_REPLICAS] === desired && ann[MAX_REPLICAS] === max) return rs;
    const next: ReplicaSetObject = {
      ...rs,
      metadata: { ...rs.metadata, annotations: { ...ann, [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max } },
      spec: { ...(rs.spec as NonNullable<ReplicaSetObject['spec']>), replicas: to },
    };
    const res = this.ctx.client.update(next, why);
    if (!res.ok) return rs;
    const written = res.object as ReplicaSetObject;
    this.replace(written);
    if (from !== to)
      this.event('Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`);
    return written;
  }

  /** The reconcile record of a scaling step: one code per reason, so each reads well in every language. */
  scaleWhy(rs: ReplicaSetObject, to: number, step: ScaleStep, limit?: number): Why {
    const params: Record<string, string | number> = { deployment: this.name, replicaSet: rs.metadata.name, from: rs.spec?.replicas ?? 0, to };
    if (limit !== undefined) params.limit = limit;
    const reason = SCALE_REASONS[step].replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(params[k] ?? ''));
    return { reason, code: `record.deployment.scale.${step}`, params };
  }
}
