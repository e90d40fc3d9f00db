import type { Cluster } from '../cluster';
import { cleanupPlan } from '../cleanup/plan';
import { formatPlan } from '../cleanup/format';
import { usage } from './errors';
import { flag, parseArgs } from './flags';
import type { KubectlResult } from './types';

/**
 * `cleanup plan [-n NS | -A]`: Kube Orchestra's deletion-order report (not kubectl). Reads
 * the store as the API server would list it; changes nothing.
 */
export function runCleanup(cluster: Cluster, words: string[]): KubectlResult {
  const [sub, ...rest] = words;
  if (sub !== 'plan') throw usage('usage: cleanup plan [-n NAMESPACE | -A]');
  const args = parseArgs(rest);
  if (args.positional.length) throw usage(`unexpected argument "${args.positional[0]}"; usage: cleanup plan [-n NAMESPACE | -A]`);
  const all = args.flags.has('all-namespaces');
  const ns = all ? undefined : (flag(args, 'namespace') ?? 'default');
  if (ns !== undefined && !cluster.store.get('namespaces', undefined, ns)) return { stdout: '', stderr: `Error from server (NotFound): namespaces "${ns}" not found\n`, exitCode: 1 };
  const plan = cleanupPlan((resource) => cluster.store.list(resource), ns);
  return { stdout: formatPlan(plan), stderr: '', exitCode: 0 };
}
