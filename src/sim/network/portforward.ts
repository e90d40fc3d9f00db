import type { Pod, Service } from 'kubernetes-types/core/v1';
import { matchesSelector } from '../store/labels';
import type { LabelSelectorLike } from '../store/labels';
import { resolveTargetPort } from './serve';

/**
 * `kubectl port-forward`, kept open by Kube Orchestra until `port-forward stop PORT`: like the
 * real command it resolves a Service or workload to ONE pod when it starts, and a Service port
 * to that pod's target port; the forward then belongs to that pod, and dies with it.
 */
export interface PortForward {
  /** Port on the learner's machine (127.0.0.1 and [::1]). */
  localPort: number;
  /** The pod the forward was bound to at start, and its uid (a new pod of the same name is another pod). */
  pod: { namespace: string; name: string; uid?: string };
  /** Port inside the pod. */
  podPort: number;
  /** What was asked: `svc/web`, `pod/web-0`, `deployment/web`. */
  target: string;
  /** The port the learner named for the target (a Service port, or the pod port). */
  remotePort: string;
  startedTick: number;
}

/** kubectl's pod ordering for "attach to one pod" (ActivePods): running and ready first, then older, then name. */
export function pickAttachablePod(pods: readonly Pod[]): Pod | undefined {
  const rank = (p: Pod) => {
    const phase = p.status?.phase;
    const ready = (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
    return (p.metadata?.deletionTimestamp ? 4 : 0) + (phase === 'Running' ? 0 : phase === 'Pending' ? 2 : 3) + (ready ? 0 : 1);
  };
  return [...pods].sort((a, b) => rank(a) - rank(b) || (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '') || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))[0];
}

export function podsSelectedBy(pods: readonly Pod[], namespace: string, selector: LabelSelectorLike): Pod[] {
  return pods.filter((p) => p.metadata?.namespace === namespace && matchesSelector(selector, p.metadata?.labels));
}

/** A Service port (number or name) → the container port on `pod`; an error text like kubectl's otherwise. */
export function servicePortToPodPort(svc: Service, pod: Pod, remote: string): number | { error: string } {
  const port = (svc.spec?.ports ?? []).find((p) => String(p.port) === remote || p.name === remote);
  if (!port) return { error: `error: Service ${svc.metadata?.name} does not have a service port ${remote}` };
  const target = resolveTargetPort(pod, port.targetPort, port.port);
  if (target === undefined) return { error: `error: Pod '${pod.metadata?.name}' does not have a named port '${String(port.targetPort)}'` };
  return target;
}

/** A pod port given as a number or a container port name. */
export function podPort(pod: Pod, remote: string): number | { error: string } {
  if (/^\d+$/.test(remote)) return Number(remote);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === remote) return p.containerPort;
  return { error: `error: Pod '${pod.metadata?.name}' does not have a named port '${remote}'` };
}

/** Whether the forward's pod is still the one it was bound to, and running. */
export function forwardAlive(f: PortForward, pods: readonly Pod[]): Pod | undefined {
  const pod = pods.find((p) => p.metadata?.namespace === f.pod.namespace && p.metadata?.name === f.pod.name);
  if (!pod || (f.pod.uid && pod.metadata?.uid !== f.pod.uid) || pod.status?.phase !== 'Running') return undefined;
  return pod;
}

/** kubectl's "random" local port for `:80`: the OS's ephemeral range, derived from what was asked so it is stable. */
export function ephemeralPort(seed: string, busy: ReadonlySet<number>): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let port = 32768 + (h % 28232);
  while (busy.has(port)) port = port >= 60999 ? 32768 : port + 1;
  return port;
}
