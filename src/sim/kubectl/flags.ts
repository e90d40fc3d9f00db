import { usage } from './errors';

/** Parsed command line: positional words and flags (last value wins, `-f` may repeat). */
export interface Args {
  positional: string[];
  flags: Map<string, string[]>;
}

/** Flags that take a value, by every spelling, mapped to one canonical name. */
const VALUED: Record<string, string> = {
  '-n': 'namespace',
  '--namespace': 'namespace',
  '-l': 'selector',
  '--selector': 'selector',
  '-o': 'output',
  '--output': 'output',
  '-f': 'filename',
  '--filename': 'filename',
  '--grace-period': 'grace-period',
  '--field-selector': 'field-selector',
  '-c': 'container',
  '--container': 'container',
  '--sort-by': 'sort-by',
  '--timeout': 'timeout',
  '--cascade': 'cascade',
  '--from': 'from',
  '--image': 'image',
  '--for': 'for',
  '--api-group': 'api-group',
  '--context': 'context',
  '--kubeconfig': 'kubeconfig',
  '--type': 'type',
  '--replicas': 'replicas',
  '--current-replicas': 'current-replicas',
  '--to-revision': 'to-revision',
  '--revision': 'revision',
  '--tail': 'tail',
  '-L': 'label-columns',
  '--label-columns': 'label-columns',
  '--from-literal': 'from-literal',
  '--from-file': 'from-file',
  '--from-env-file': 'from-env-file',
  '--docker-server': 'docker-server',
  '--docker-username': 'docker-username',
  '--docker-password': 'docker-password',
  '--docker-email': 'docker-email',
  '--cert': 'cert',
  '--key': 'key',
  '--as': 'as',
  '--as-group': 'as-group',
  '--subresource': 'subresource',
  '--verb': 'verb',
  '--resource': 'resource',
  '--resource-name': 'resource-name',
  '--non-resource-url': 'non-resource-url',
  '--aggregation-rule': 'aggregation-rule',
  '--role': 'role',
  '--clusterrole': 'clusterrole',
  '--user': 'user',
  '--group': 'group',
  '--serviceaccount': 'serviceaccount',
  '--hard': 'hard',
  '--scopes': 'scopes',
  // create deployment/cronjob/token, patch, set env/resources, events, wait, explain (helper Q)
  '--schedule': 'schedule',
  '--port': 'port',
  '--duration': 'duration',
  '--restart': 'restart',
  '--patch': 'patch',
  '--patch-file': 'patch-file',
  '--limits': 'limits',
  '--requests': 'requests',
  '-e': 'env',
  '--env': 'env',
  '--types': 'types',
  '--api-version': 'api-version',
  '--cluster': 'cluster',
};

const BOOLEAN: Record<string, string> = {
  '-A': 'all-namespaces',
  '--all-namespaces': 'all-namespaces',
  '--show-labels': 'show-labels',
  '--no-headers': 'no-headers',
  '-w': 'watch',
  '--watch': 'watch',
  '--force': 'force',
  '--all': 'all',
  '--overwrite': 'overwrite',
  '--dry-run': 'dry-run',
  '-h': 'help',
  '--help': 'help',
  '--wait': 'wait',
  '--namespaced': 'namespaced',
  '--short': 'short',
  '-R': 'recursive',
  '--recursive': 'recursive',
  '--show-events': 'show-events',
  '--ignore-not-found': 'ignore-not-found',
  '--now': 'now',
  '--server-side': 'server-side',
  '-p': 'previous',
  '--previous': 'previous',
  '--ignore-daemonsets': 'ignore-daemonsets',
  '--delete-emptydir-data': 'delete-emptydir-data',
  '--list': 'list',
  '-q': 'quiet',
  '--quiet': 'quiet',
  '--current': 'current',
  '--containers': 'containers',
};

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const set = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    if (VALUED[name]) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw usage(`flag needs an argument: ${name.startsWith('--') ? `'${name.slice(2)}' in ${name}` : `'${name.slice(1)}' in ${name}`}`);
      set(VALUED[name] as string, v);
    } else if (BOOLEAN[name]) {
      set(BOOLEAN[name] as string, inline ?? 'true');
    } else if (/^-[nlof]./.test(a) && !a.startsWith('--')) {
      // Short flags with the value attached: `-oyaml`, `-nkube-system`.
      set(VALUED[a.slice(0, 2)] as string, a.slice(2).replace(/^=/, ''));
    } else {
      throw usage(`unknown ${name.startsWith('--') ? 'flag' : 'shorthand flag'}: ${name.startsWith('--') ? name : `'${name.slice(1, 2)}' in ${name}`}`);
    }
  }
  return { positional, flags };
}

export function flag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return v ? v[v.length - 1] : undefined;
}

export function bool(args: Args, name: string): boolean {
  const v = flag(args, name);
  return v !== undefined && v !== 'false';
}
