/**
 * Words that start a Kube Orchestra command rather than a kubectl one: the simulator's own
 * controls (tick, settle, node, cluster), machines not yet in the cluster (machine, ssh), tools the learner would run on their own machine
 * (curl, wget, etcdctl, base64) and the cleanup planner.
 */
const SIM_COMMANDS = new Set(['tick', 'settle', 'node', 'cluster', 'curl', 'wget', 'etcdctl', 'base64', 'cleanup', 'machine', 'ssh']);

/**
 * How a console line reads once entered: `kubectl get pods` for kubectl commands (whether or
 * not the learner typed the word), and ours as typed, so the transcript never shows
 * `kubectl settle` or `kubectl kubectl get pods`.
 */
export function commandEcho(line: string): string {
  const args = line.trim().replace(/^kubectl(\s+|$)/, '');
  const [first, second] = args.split(/\s+/);
  const ours = (first !== undefined && SIM_COMMANDS.has(first)) || (first === 'port-forward' && (second === 'list' || second === 'stop'));
  return ours ? args : `kubectl ${args}`.trimEnd();
}
