import type { ReconcileContext, Why } from '../types';
import type { DeploymentObject, ReplicaSetObject } from './util';
import { DESIRED_REPLICAS, MAX_REPLICAS, maxSurge, replicas } from './util';

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

  scaleWhy(rs: ReplicaSetObject, to: number, because: string): Why {
    const from = rs.spec?.replicas ?? 0;
    return {
      reason: `Deployment ${this.name} scales ReplicaSet ${rs.metadata.name} from ${from} to ${to}: ${because}`,
      code: 'record.deployment.scaleReplicaSet',
      params: { deployment: this.name, replicaSet: rs.metadata.name, from, to, because },
    };
  }
}
