import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import { age } from '../duration';

export type PodObject = Pod & KubeObject;

function lastRestart(s: ContainerStatus): string | undefined {
  return s.lastState?.terminated?.finishedAt;
}

function hasCondition(conds: readonly PodCondition[] | undefined, type: string): boolean {
  return !!conds?.some((c) => c.type === type && c.status === 'True');
}

/**
 * The READY, STATUS and RESTARTS columns, computed the way kubectl's printPod does: the
 * phase, overridden by init container progress, then by the last container's waiting or
 * terminated reason, then by Terminating when a deletionTimestamp is set.
 */
export function podColumns(pod: PodObject, nowMillis: number): { ready: string; status: string; restarts: string } {
  const st = pod.status ?? {};
  const total = pod.spec?.containers?.length ?? 0;
  let ready = 0;
  let restarts = 0;
  let lastRestartDate: string | undefined;
  let reason: string = st.reason || st.phase || 'Pending';
  const noteRestart = (s: ContainerStatus) => {
    restarts += s.restartCount ?? 0;
    const t = lastRestart(s);
    if (t && (!lastRestartDate || t > lastRestartDate)) lastRestartDate = t;
  };

  let initializing = false;
  const inits = st.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i] as ContainerStatus;
    noteRestart(c);
    // kubectl skips a native sidecar (restartPolicy Always) once it has started.
    const restartable = pod.spec?.initContainers?.find((x) => x.name === c.name)?.restartPolicy === 'Always';
    if (restartable && (c.started || c.state?.running || c.state?.terminated)) continue;
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (term) reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    else if (wait?.reason && wait.reason !== 'PodInitializing') reason = `Init:${wait.reason}`;
    else reason = `Init:${i}/${pod.spec?.initContainers?.length ?? 0}`;
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(st.conditions, 'Initialized')) {
    restarts = 0;
    lastRestartDate = undefined;
    let hasRunning = false;
    const cs = st.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i] as ContainerStatus;
      noteRestart(c);
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(st.conditions, 'Ready') ? 'Running' : 'NotReady';
  }

  const terminal = st.phase === 'Succeeded' || st.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';

  const restartText = lastRestartDate ? `${restarts} (${age(lastRestartDate, nowMillis)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}
