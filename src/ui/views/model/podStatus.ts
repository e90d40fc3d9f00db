import type { Pod, ContainerStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../sim/objects';

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

function terminatedText(s: ContainerStatus): string | undefined {
  const t = s.state?.terminated;
  if (!t) return undefined;
  if (t.reason) return t.reason;
  return t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
}

/**
 * The STATUS column of `kubectl get pods`, following kubectl's printer: the pod's reason or
 * phase, overridden by init-container progress, then by the last waiting/terminated
 * container reason, and finally "Terminating" once a deletionTimestamp is set.
 */
export function podDisplayStatus(obj: KubeObject): PodDisplayStatus {
  const pod = obj as unknown as Pod;
  const status = pod.status ?? {};
  const containers = status.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? containers.length;
  let restarts = 0;
  let ready = 0;
  let reason: string = status.reason || status.phase || 'Pending';

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  const initTotal = pod.spec?.initContainers?.length ?? inits.length;
  for (let i = 0; i < inits.length; i++) {
    const s = inits[i] as ContainerStatus;
    restarts += s.restartCount ?? 0;
    const term = s.state?.terminated;
    if (term && term.exitCode === 0) continue;
    initializing = true;
    if (term) reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    else if (s.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') reason = `Init:${s.state.waiting.reason}`;
    else reason = `Init:${i}/${initTotal}`;
    break;
  }

  if (!initializing) {
    let hasRunning = false;
    for (let i = containers.length - 1; i >= 0; i--) {
      const s = containers[i] as ContainerStatus;
      restarts += s.restartCount ?? 0;
      const waiting = s.state?.waiting?.reason;
      const term = terminatedText(s);
      if (waiting) reason = waiting;
      else if (term) reason = term;
      else if (s.ready && s.state?.running) {
        hasRunning = true;
        ready++;
      } else if (s.state?.running) hasRunning = true;
    }
    // kubectl: a pod whose containers completed but one still runs is shown as Running.
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  } else {
    for (const s of containers) restarts += s.restartCount ?? 0;
  }

  if (pod.metadata?.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';

  return { text: reason, category: categoryOf(reason, status.phase), ready, total, restarts };
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
  const phase = (obj as unknown as Pod).status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
