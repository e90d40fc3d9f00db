import type { KubeObject, ObjectRef } from '../objects';
import type { WatchEvent } from '../store/store';
import type { Store } from '../store/store';
import type { SimClock } from '../clock';
import type { Random } from '../random';
import type { Client } from '../api/client';
import type { EventRecorder } from '../events';
import type { Timings } from '../timings';
import type { ClusterSettings } from '../settings';
import type { HostLookup } from '../hosts/registry';

/** What a reconcile record says was done. */
export type ReconcileAction = 'create' | 'update' | 'status' | 'bind' | 'delete' | 'event';

/**
 * Every write a controller, the scheduler or a kubelet makes leaves one of these: the
 * answer to "why does this object exist / why is it here / why did it change".
 */
export interface ReconcileRecord {
  tick: number;
  controller: string;
  /** The work-queue key being reconciled when the write happened. */
  key: string;
  action: ReconcileAction;
  target: ObjectRef;
  /** English sentence, for the CLI and as the fallback. */
  reason: string;
  /** i18n key + params, so the UI can say it in the learner's language. */
  code?: string;
  params?: Record<string, string | number>;
}

/** Why a write is being made; attached to the reconcile record. */
export interface Why {
  reason: string;
  code?: string;
  params?: Record<string, string | number>;
}

export interface ReconcileContext {
  /** Read access to current state (reads are free and not recorded). */
  store: Store;
  /** Writes go through the API server, recorded under this controller's name. */
  client: Client;
  events: EventRecorder;
  clock: SimClock;
  random: Random;
  timings: Timings;
  /** The cluster's current settings (CNI plugin, load-balancer provider ...), read-only. */
  settings: Readonly<ClusterSettings>;
  /** The machines' host model (swap, cgroup drivers ...): the kubelet asks whether its machine can run pods. */
  hosts?: HostLookup;
  key: string;
}

export interface ReconcileResult {
  /** Ticks until this key is reconciled again even if nothing changes (timers, back-off). */
  requeueAfterTicks?: number;
  /**
   * The requeue is a schedule (a CronJob's next run), not unfinished work: it still fires,
   * but it does not keep the cluster from counting as settled, or `runUntilSettled` would
   * never return while a CronJob exists.
   */
  periodic?: boolean;
}

export interface Watch {
  /** `plural` or `plural.group`; `*` for every resource (the garbage collector). */
  resource: string;
  /** Keys to enqueue for a change; default: the object's own key. Return [] to ignore. */
  map?: (event: WatchEvent, store: Store) => string[];
}

/** The controller-runtime shape: a name, what it watches, and reconcile(key). */
export interface Controller {
  name: string;
  watches: Watch[];
  reconcile(ctx: ReconcileContext): ReconcileResult | void;
  /**
   * Memory a controller keeps besides the store (the scheduler's filter/score tables, a
   * kubelet's per-pod progress). Saved with the cluster so a restore continues identically.
   */
  saveState?(): unknown;
  loadState?(state: unknown): void;
}

export type { KubeObject };
