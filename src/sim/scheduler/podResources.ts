import type { Container, Pod } from 'kubernetes-types/core/v1';
import { intValue, milliValue } from '../quantity';

/** kube-scheduler's defaults for pods that request nothing, used only when scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function request(c: Container, resource: 'cpu' | 'memory'): string | undefined {
  // A limit without a request means request = limit (apiserver defaulting does this too).
  return c.resources?.requests?.[resource] ?? c.resources?.limits?.[resource];
}

function sumAndMax(pod: Pod, read: (c: Container) => number): number {
  const spec = pod.spec;
  if (!spec) return 0;
  let sum = 0;
  for (const c of spec.containers ?? []) sum += read(c);
  // Init containers run one at a time before the app containers: the pod needs the largest of them.
  let initMax = 0;
  for (const c of spec.initContainers ?? []) initMax = Math.max(initMax, read(c));
  return Math.max(sum, initMax);
}

/** The pod's effective requests: max(sum of containers, largest init container) + overhead. */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  const overhead = pod.spec?.overhead ?? {};
  return {
    cpu: sumAndMax(pod, (c) => milliValue(request(c, 'cpu'))) + milliValue(overhead.cpu),
    memory: sumAndMax(pod, (c) => intValue(request(c, 'memory'))) + intValue(overhead.memory),
  };
}

/** Requests with 100m / 200Mi standing in for a container that asks for nothing (scoring only). */
export function podNonZeroRequests(pod: Pod): { cpu: number; memory: number } {
  return {
    cpu: sumAndMax(pod, (c) => {
      const r = request(c, 'cpu');
      return r === undefined ? DEFAULT_MILLI_CPU_REQUEST : milliValue(r);
    }),
    memory: sumAndMax(pod, (c) => {
      const r = request(c, 'memory');
      return r === undefined ? DEFAULT_MEMORY_REQUEST : intValue(r);
    }),
  };
}
