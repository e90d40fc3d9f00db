import type { KubeObject } from '../../../sim/objects';
import { podColumns } from '../../../sim/kubectl/printers/pod';
import type { PodObject } from '../../../sim/kubectl/printers/pod';

/**
 * The visual family of a pod's status: one colour and one icon each, so that the status
 * text (which can be any kubelet reason) always lands in a small, learnable set.
 */
export type PhaseCategory =
  | 'pending'
  | 'creating'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'terminating'
  | 'crashloop'
  | 'unknown';

export interface PodDisplayStatus {
  /** What `kubectl get pods` prints in the STATUS column. */
  text: string;
  category: PhaseCategory;
  ready: number;
  total: number;
  restarts: number;
}

const CREATING_REASONS = new Set(['ContainerCreating', 'PodInitializing']);
const CRASH_REASONS = new Set(['CrashLoopBackOff']);
const FAILED_REASONS = new Set([
  'Error',
  'OOMKilled',
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'ContainerCannotRun',
  'Evicted',
  'Failed',
]);

/**
 * The STATUS column of `kubectl get pods`, from the same printer the console uses, so the
 * graph and `kubectl get pods` never disagree; the view only adds a colour/icon family.
 */
export function podDisplayStatus(obj: KubeObject): PodDisplayStatus {
  const pod = obj as PodObject;
  // The clock only shapes the "(5s ago)" restart suffix, which the view does not show.
  const cols = podColumns(pod, 0);
  const [ready, total] = cols.ready.split('/').map(Number) as [number, number];
  return { text: cols.status, category: categoryOf(cols.status, pod.status?.phase), ready, total, restarts: parseInt(cols.restarts, 10) };
}

export function categoryOf(text: string, phase?: string): PhaseCategory {
  if (text === 'Terminating') return 'terminating';
  if (CRASH_REASONS.has(text)) return 'crashloop';
  if (CREATING_REASONS.has(text) || text.startsWith('Init:')) {
    return text.includes('BackOff') ? 'crashloop' : text.includes('Err') || text.includes('Error') ? 'failed' : 'creating';
  }
  if (FAILED_REASONS.has(text) || text.startsWith('ExitCode:') || text.startsWith('Signal:')) return 'failed';
  if (text === 'Running') return 'running';
  if (text === 'Completed' || text === 'Succeeded') return 'succeeded';
  if (text === 'Pending') return 'pending';
  if (text === 'Unknown') return 'unknown';
  if (phase === 'Running') return 'running';
  if (phase === 'Succeeded') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  return 'pending';
}

/** Pods that finished no longer hold their node's resources (the scheduler ignores them too). */
export function isTerminal(obj: KubeObject): boolean {
  const phase = (obj as PodObject).status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
