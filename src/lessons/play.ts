import type { Cluster } from '../sim/cluster';
import { applyManifest, runKubectl } from '../sim/kubectl/index';
import type { KubectlResult } from '../sim/kubectl/types';
import type { LastResult, SolutionStep } from './types';

export interface PlayOutcome {
  /** The answer of the last apply/kubectl step, for goals that read what the API server said. */
  lastResult?: LastResult;
  /** Steps whose outcome differed from what the solution expects (a failure, or a missing one). */
  problems: string[];
}

function check(step: SolutionStep & { expectError?: string }, command: string, r: KubectlResult, problems: string[]): void {
  if (step.expectError !== undefined) {
    if (r.exitCode === 0 || !r.stderr.includes(step.expectError))
      problems.push(`${command}: expected an error containing ${JSON.stringify(step.expectError)}, got exit ${r.exitCode}: ${r.stderr || r.stdout}`);
  } else if (r.exitCode !== 0) {
    problems.push(`${command}: ${r.stderr}`);
  }
}

/** Files applied so far per cluster: like the editor's tabs, they outlive one step. */
const filesByCluster = new WeakMap<Cluster, Map<string, string>>();

/**
 * Plays a reference solution headlessly, the way the editor's Apply and the console would.
 * Files applied earlier on this cluster (in this step or an earlier one) are readable by
 * later `kubectl ... -f FILE` lines.
 */
export function playSolution(cluster: Cluster, steps: readonly SolutionStep[], previous?: LastResult): PlayOutcome {
  let files = filesByCluster.get(cluster);
  if (!files) filesByCluster.set(cluster, (files = new Map()));
  const out: PlayOutcome = { problems: [] };
  if (previous) out.lastResult = previous;
  for (const step of steps) {
    switch (step.kind) {
      case 'apply': {
        files.set(step.file, step.yaml);
        const command = `apply -f ${step.file}`;
        const r = applyManifest(cluster, step.yaml, step.file, { atomic: true });
        check(step, command, r, out.problems);
        out.lastResult = { command, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
        break;
      }
      case 'kubectl': {
        const r = runKubectl(cluster, step.line, (name) => files.get(name));
        check(step, step.line, r, out.problems);
        out.lastResult = { command: step.line, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
        break;
      }
      case 'tick':
        cluster.tickN(step.count);
        break;
      case 'settle':
        cluster.runUntilSettled();
        break;
    }
  }
  return out;
}
