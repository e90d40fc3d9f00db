import { SIM_COMMANDS } from './complete';

const OURS: ReadonlySet<string> = new Set(SIM_COMMANDS);

/**
 * How a console line reads once entered: `kubectl get pods` for kubectl commands (whether or
 * not the learner typed the word), and ours as typed, so the transcript never shows
 * `kubectl settle` or `kubectl kubectl get pods`.
 */
export function commandEcho(line: string): string {
  const args = line.trim().replace(/^kubectl(\s+|$)/, '');
  const [first, second] = args.split(/\s+/);
  const ours = (first !== undefined && OURS.has(first)) || (first === 'port-forward' && (second === 'list' || second === 'stop'));
  return ours ? args : `kubectl ${args}`.trimEnd();
}
