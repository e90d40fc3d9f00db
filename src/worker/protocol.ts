import type { Delta, ClusterOptions, ClusterState } from '../sim/cluster';
import type { KubectlResult } from '../sim/kubectl/types';
import type { KubeObject } from '../sim/objects';
import type { ReconcileRecord } from '../sim/controllers/types';
import type { SchedulingResult } from '../sim/scheduler/types';
import type { ClusterSettings } from '../sim/settings';

/**
 * The only code the worker and the UI share. Every message carries `seq`; a reply
 * echoes the request's seq in `re` so the UI can await it.
 */
export type UiToSim =
  | { seq: number; type: 'init'; options: ClusterOptions; state?: ClusterState }
  | { seq: number; type: 'reset'; options: ClusterOptions; manifests?: { file: string; yaml: string }[] }
  | { seq: number; type: 'kubectl'; line: string; files?: Record<string, string> }
  | { seq: number; type: 'apply'; file: string; yaml: string }
  | { seq: number; type: 'tick'; count: number }
  | { seq: number; type: 'settle' }
  | { seq: number; type: 'export' }
  | { seq: number; type: 'import'; state: ClusterState }
  | { seq: number; type: 'schedulingResult'; podKey: string };

/** A full copy of the cluster, sent once after init/reset/import; deltas follow. */
export interface Snapshot {
  tick: number;
  objects: Record<string, KubeObject[]>;
  records: ReconcileRecord[];
  settings: ClusterSettings;
}

export type SimToUi =
  | { seq: number; re?: number; type: 'snapshot'; snapshot: Snapshot }
  /** `settled` is set on replies to tick/settle: true when no controller has work left. */
  | { seq: number; re?: number; type: 'delta'; delta: Delta; settled?: boolean }
  | { seq: number; re: number; type: 'kubectlResult'; result: KubectlResult }
  | { seq: number; re: number; type: 'exported'; state: ClusterState }
  | { seq: number; re: number; type: 'schedulingResult'; result: SchedulingResult | null }
  | { seq: number; re?: number; type: 'error'; message: string };
