import type { KubeObject } from '../../objects';
import type { FieldError, Status } from '../status';
import type { SimClock } from '../../clock';
import type { Random } from '../../random';
import type { Store } from '../../store/store';
import type { ClusterSettings } from '../../settings';

export interface StrategyContext {
  clock: SimClock;
  random: Random;
  store: Store;
  /**
   * kube-apiserver's --default-not-ready-toleration-seconds and
   * --default-unreachable-toleration-seconds (one value for both; 300 when unset).
   */
  defaultTolerationSeconds?: number;
  /** The cluster's current settings (encryption at rest, load-balancer provider ...). */
  settings: Readonly<ClusterSettings>;
}

/**
 * Per-kind behaviour of the API server, after kube-apiserver's rest strategies:
 * defaulting (what `kubectl get -o yaml` shows that the manifest did not say),
 * validation on create and on update, and what an update of the main resource vs
 * the status subresource may touch.
 */
export interface KindStrategy {
  /** Create only, before defaulting: reset what a client may not set (a new pod's status). */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** Fill defaults in place (the object is already a private copy). */
  defaults?(obj: KubeObject, ctx: StrategyContext): void;
  validate?(obj: KubeObject, ctx: StrategyContext): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[];
  /** Validating admission after validation (`old` on update): a Status (403 Forbidden ...) refuses the write. */
  admit?(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): Status | undefined;
  /** True when writes to the main resource keep the old status (kinds with a status subresource). */
  hasStatusSubresource?: boolean;
}
