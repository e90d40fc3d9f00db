import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import { runCurl } from '../exec/curl';
import { runWget } from '../exec/wget';
import { forwardAlive } from '../network/portforward';
import { kubeProxyRules, iptablesSave } from '../network/kubeproxy';
import { networkObjectsFromStore } from '../network/objects';
import { parseUrl, trafficEnvOf } from '../network/traffic';
import type { TrafficSource } from '../network/traffic';
import { usage } from './errors';
import type { KubectlResult } from './types';

/**
 * Kube Orchestra's `curl`/`wget` from the learner's own machine: `localhost:PORT` goes through
 * an open port-forward, a node's InternalIP:nodePort through that node's kube-proxy, a
 * LoadBalancer's IP through the provider to a node.
 */
export function runLocalHttp(cluster: Cluster, argv: string[]): KubectlResult {
  const [tool, ...args] = argv;
  const url = args.find((a, i) => !a.startsWith('-') && !['-H', '--header', '-m', '--max-time', '--connect-timeout', '-o', '--output', '-w', '--write-out', '-X', '--request', '-O', '-T'].includes(args[i - 1] ?? ''));
  const parsed = url ? parseUrl(url) : undefined;
  let source: TrafficSource = { kind: 'outside' };
  let stderrPrefix = '';
  if (parsed && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.host)) {
    const f = cluster.portForwards.find((x) => x.localPort === parsed.port);
    if (f) {
      const pod = forwardAlive(f, cluster.store.list('pods') as unknown as Pod[]);
      if (!pod) {
        cluster.portForwards = cluster.portForwards.filter((x) => x !== f);
        stderrPrefix = 'error: lost connection to pod\n';
      } else {
        source = { kind: 'port-forward', pod, localPort: f.localPort, podPort: f.podPort };
        stderrPrefix = `Handling connection for ${f.localPort}\n`;
      }
    }
  }
  const env = trafficEnvOf(cluster);
  const res = tool === 'wget' ? runWget(env, source, args) : runCurl(env, source, args, true);
  const out: KubectlResult = { stdout: res.stdout, stderr: stderrPrefix + res.stderr, exitCode: res.exitCode === 0 ? 0 : 1 };
  if (res.traffic) out.traffic = res.traffic;
  return out;
}

/** Kube Orchestra's `node iptables NODE`: what kube-proxy programmed there, as `iptables-save` prints it. */
export function runNodeIptables(cluster: Cluster, argv: string[]): KubectlResult {
  const [name, ...rest] = argv;
  if (!name) throw usage('usage: node iptables NODE [-t nat|filter]');
  if (!cluster.store.get('nodes', undefined, name)) return { stdout: '', stderr: `Error from server (NotFound): nodes "${name}" not found\n`, exitCode: 1 };
  const t = rest.indexOf('-t');
  const table = t >= 0 ? rest[t + 1] : undefined;
  if (table !== undefined && table !== 'nat' && table !== 'filter') throw usage(`kube-proxy programs only the nat and filter tables; -t ${table} is empty`);
  const rules = kubeProxyRules(networkObjectsFromStore(cluster.store), name);
  return { stdout: iptablesSave(rules, table ? [table] : ['filter', 'nat']), stderr: '', exitCode: 0 };
}
