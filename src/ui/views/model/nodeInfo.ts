import type { Node, Pod, Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../sim/objects';
import { parseQuantity } from './quantity';
import { isTerminal } from './podStatus';

export interface NodeSummary {
  name: string;
  controlPlane: boolean;
  /** Taints with effect NoSchedule, by key (the badge shows "NoSchedule"). */
  noSchedule: string[];
  podCIDR: string;
  ready: 'True' | 'False' | 'Unknown';
  unschedulable: boolean;
  cpu: { requested: number; allocatable: number };
  memory: { requested: number; allocatable: number };
}

function sumRequests(containers: readonly Container[] | undefined, resource: 'cpu' | 'memory'): number {
  let total = 0;
  for (const c of containers ?? []) total += parseQuantity(c.resources?.requests?.[resource] as string | undefined);
  return total;
}

/** A pod's effective request, as the scheduler counts it: max(sum(containers), max(init)). */
export function podRequests(obj: KubeObject): { cpu: number; memory: number } {
  const spec = (obj as unknown as Pod).spec;
  const init = spec?.initContainers ?? [];
  const maxInit = (r: 'cpu' | 'memory') => init.reduce((m, c) => Math.max(m, parseQuantity(c.resources?.requests?.[r] as string | undefined)), 0);
  return {
    cpu: Math.max(sumRequests(spec?.containers, 'cpu'), maxInit('cpu')),
    memory: Math.max(sumRequests(spec?.containers, 'memory'), maxInit('memory')),
  };
}

export function summarizeNode(obj: KubeObject, podsOnNode: readonly KubeObject[]): NodeSummary {
  const node = obj as unknown as Node;
  const labels = node.metadata?.labels ?? {};
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  let cpu = 0;
  let memory = 0;
  for (const p of podsOnNode) {
    if (isTerminal(p)) continue;
    const r = podRequests(p);
    cpu += r.cpu;
    memory += r.memory;
  }
  return {
    name: obj.metadata.name,
    controlPlane: 'node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels,
    noSchedule: (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule').map((t) => t.key),
    podCIDR: node.spec?.podCIDR ?? '',
    ready: ready === 'True' || ready === 'False' ? ready : 'Unknown',
    unschedulable: node.spec?.unschedulable === true,
    cpu: { requested: cpu, allocatable: parseQuantity(node.status?.allocatable?.cpu as string | undefined) },
    memory: { requested: memory, allocatable: parseQuantity(node.status?.allocatable?.memory as string | undefined) },
  };
}

export function podNodeName(obj: KubeObject): string {
  return (obj as unknown as Pod).spec?.nodeName ?? '';
}
