import type { FilterFailure } from './types';

function histogram(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  // kube-scheduler sorts the formatted "<count> <reason>" strings.
  return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ');
}

/**
 * FitError.Error() followed by DefaultPreemption's PostFilter message, as kube-scheduler
 * writes them into the FailedScheduling event and the PodScheduled condition:
 * `0/3 nodes are available: 1 node(s) had untolerated taint {…}, 2 Insufficient cpu.
 * preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No
 * preemption victims found for incoming pod.`
 * No pod in the sim has a lower priority than another, so preemption never finds victims.
 */
export function fitErrorMessage(numNodes: number, failures: FilterFailure[], preemptionPolicy?: string, preFilterMsg?: string): string {
  if (numNodes === 0) return 'no nodes available to schedule pods';
  if (preFilterMsg) {
    // A PreFilter rejection names no per-node counts; preemption cannot help any node.
    const msg = `0/${numNodes} nodes are available: ${preFilterMsg}.`;
    if (preemptionPolicy === 'Never') return `${msg} preemption: not eligible due to preemptionPolicy=Never.`;
    return `${msg} preemption: 0/${numNodes} nodes are available: ${numNodes} Preemption is not helpful for scheduling.`;
  }
  const reasons = failures.flatMap((f) => f.reasons);
  let msg = `0/${numNodes} nodes are available: ${histogram(reasons)}.`;
  if (preemptionPolicy === 'Never') return `${msg} preemption: not eligible due to preemptionPolicy=Never.`;
  const preemption = failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  msg += ` preemption: 0/${numNodes} nodes are available: ${histogram(preemption)}.`;
  return msg;
}
