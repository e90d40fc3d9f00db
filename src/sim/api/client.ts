import type { KubeObject, ObjectRef } from '../objects';
import { refOf } from '../objects';
import type { ApiServer, DeleteOptions, Result } from './server';
import type { ReconcileAction, ReconcileRecord, Why } from '../controllers/types';
import { findByKind } from './resources';
import type { ResourceType } from './resources';

/**
 * What controllers, the scheduler and kubelets write through: the API server, with every
 * successful write recorded as a reconcile record naming who did it and why.
 */
export class Client {
  constructor(
    private readonly api: ApiServer,
    private readonly record: (r: ReconcileRecord) => void,
    private readonly who: { controller: string; key: string; tick: number },
    /** Controllers' writes skip the schema walk; the learner's never do. */
    private readonly trusted = false,
  ) {}

  /** The same client writing under another name: each kubelet signs its writes `kubelet/<node>`. */
  as(controller: string): Client {
    return new Client(this.api, this.record, { ...this.who, controller }, this.trusted);
  }

  private note(action: ReconcileAction, target: ObjectRef, why: Why): void {
    this.record({ tick: this.who.tick, controller: this.who.controller, key: this.who.key, action, target, ...why });
  }

  private done(action: ReconcileAction, res: Result, why: Why): Result {
    if (res.ok) this.note(action, refOf(res.object), why);
    return res;
  }

  create(obj: KubeObject, why: Why): Result {
    return this.done('create', this.api.create(obj, { trusted: this.trusted }), why);
  }

  update(obj: KubeObject, why: Why): Result {
    return this.done('update', this.api.update(obj, { trusted: this.trusted }), why);
  }

  updateStatus(obj: KubeObject, why: Why): Result {
    return this.done('status', this.api.update(obj, { subresource: 'status', trusted: this.trusted }), why);
  }

  bind(pod: KubeObject, nodeName: string, why: Why): Result {
    return this.done('bind', this.api.bind(pod.metadata.namespace ?? 'default', pod.metadata.name, nodeName), why);
  }

  delete(obj: KubeObject, why: Why, opts?: DeleteOptions): Result {
    const t = findByKind(obj.apiVersion, obj.kind) as ResourceType;
    return this.done('delete', this.api.delete(t, obj.metadata.namespace, obj.metadata.name, opts), why);
  }
}
