import type { Cluster } from '../cluster';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { KubectlError, usage } from './errors';
import { table } from './tabwriter';
import type { KubectlResult } from './types';

/** The one context kubeadm writes into admin.conf. */
export const CONTEXT = 'kubernetes-admin@kubernetes';
const CLUSTER = 'kubernetes';
const USER = 'kubernetes-admin';

/** Commands whose objects live in a namespace: they take the context's namespace when -n/-A is absent. */
const NAMESPACED_COMMANDS = new Set(['get', 'describe', 'apply', 'create', 'delete', 'label', 'annotate', 'rollout', 'scale', 'set', 'logs', 'exec', 'port-forward', 'expose', 'run', 'patch', 'replace', 'events', 'wait', 'top', 'diff', 'auth', 'edit', 'autoscale']);

/** argv with `-n NS` added after the command when the context sets a namespace and the line names none. */
export function withContextNamespace(cluster: Cluster, argv: string[]): string[] {
  const ns = cluster.kubeconfig.namespace;
  const [cmd, ...rest] = argv;
  if (!ns || !cmd || !NAMESPACED_COMMANDS.has(cmd)) return argv;
  if (cmd === 'port-forward' && (rest[0] === 'list' || rest[0] === 'stop')) return argv;
  const end = rest.indexOf('--');
  const flags = end >= 0 ? rest.slice(0, end) : rest;
  if (flags.some((a) => a === '-n' || a === '-A' || /^--namespace(=|$)/.test(a) || /^--all-namespaces(=|$)/.test(a) || /^-n./.test(a))) return argv;
  return [cmd, '-n', ns, ...rest];
}

/** `kubectl config current-context | get-contexts | set-context --current --namespace=NS | view --minify`. */
export function runConfig(cluster: Cluster, args: Args): KubectlResult {
  const [sub, ...words] = args.positional;
  const ok = (stdout: string): KubectlResult => ({ stdout, stderr: '', exitCode: 0 });
  const ns = cluster.kubeconfig.namespace ?? '';
  switch (sub) {
    case 'current-context':
      return ok(`${CONTEXT}\n`);
    case 'get-contexts': {
      if (words.length && !words.includes(CONTEXT)) throw usage(`context ${words.find((w) => w !== CONTEXT)} not found`);
      const row = ['*', CONTEXT, CLUSTER, USER, ns];
      if (flag(args, 'output') === 'name') return ok(`${CONTEXT}\n`);
      return ok(table(bool(args, 'no-headers') ? [row] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], row]));
    }
    case 'use-context':
      if (words[0] !== CONTEXT) throw usage(`no context exists with the name: "${words[0] ?? ''}"`);
      return ok(`Switched to context "${CONTEXT}".\n`);
    case 'set-context': {
      const name = bool(args, 'current') ? CONTEXT : words[0];
      if (!name) throw usage('you must specify a non-empty context name or --current');
      if (name !== CONTEXT) throw new KubectlError(`error: Kube Orchestra's kubeconfig has one context, ${CONTEXT}; use --current or that name`);
      const next = flag(args, 'namespace');
      if (next !== undefined) {
        cluster.kubeconfig = next && next !== 'default' ? { namespace: next } : {};
        // Not an API write: the kubeconfig is a file on the learner's machine; recorded for the timeline.
        cluster.records.push({ tick: cluster.clock.tick, controller: 'kubectl', key: '', action: 'update', target: { kind: 'Kubeconfig', name: CONTEXT }, reason: `kubectl config set-context made ${next || 'default'} the default namespace of ${CONTEXT}`, code: 'record.kubectl.setContext', params: { namespace: next || 'default', context: CONTEXT } });
      }
      return ok(`Context "${CONTEXT}" modified.\n`);
    }
    case 'view':
      return ok(
        `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://172.18.0.2:6443\n  name: ${CLUSTER}\ncontexts:\n- context:\n    cluster: ${CLUSTER}\n${ns ? `    namespace: ${ns}\n` : ''}    user: ${USER}\n  name: ${CONTEXT}\ncurrent-context: ${CONTEXT}\nkind: Config\npreferences: {}\nusers:\n- name: ${USER}\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n`,
      );
    default:
      throw usage(sub ? `unknown command "${sub}" for "kubectl config"` : 'kubectl config needs a subcommand: current-context, get-contexts, set-context, use-context, view');
  }
}
