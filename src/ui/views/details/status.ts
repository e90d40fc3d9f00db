import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../sim/objects';
import { podDisplayStatus, type PhaseCategory } from '../model/podStatus';

export interface ObjectStatus {
  text: string;
  category: PhaseCategory;
}

/** The one-word status the details header shows, in the words `kubectl get` uses. */
export function objectStatus(obj: KubeObject): ObjectStatus | null {
  if (obj.kind === 'Pod') {
    const s = podDisplayStatus(obj);
    return { text: s.text, category: s.category };
  }
  if (obj.kind === 'Node') {
    const node = obj as unknown as Node;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    const text = ready === 'True' ? 'Ready' : ready === 'False' ? 'NotReady' : 'Unknown';
    return { text: node.spec?.unschedulable ? `${text},SchedulingDisabled` : text, category: ready === 'True' ? 'running' : ready === 'False' ? 'failed' : 'unknown' };
  }
  if (obj.metadata.deletionTimestamp) return { text: 'Terminating', category: 'terminating' };
  const phase = (obj.status as { phase?: unknown } | undefined)?.phase;
  if (typeof phase === 'string') {
    const category: PhaseCategory = phase === 'Active' || phase === 'Bound' || phase === 'Running' ? 'running' : phase === 'Failed' || phase === 'Lost' ? 'failed' : 'pending';
    return { text: phase, category };
  }
  return null;
}
