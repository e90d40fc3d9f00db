import type { ResourceType } from '../api/resources';
import { RESOURCE_TYPES, resolveResourceName } from '../api/resources';

/**
 * Tab completion for the console, as kubectl's shell completion (`kubectl completion bash`)
 * offers it: command words, the current command's flags, resource types (a short name such
 * as `po` expands to `pods`), object names of the chosen type in the chosen namespace, and
 * `TYPE/NAME`. Pure: the caller says which objects exist (the UI reads its mirror).
 */
export interface CompletionSource {
  /** Names of the objects of `type` in `namespace` (all of them for cluster-scoped types). */
  names(type: ResourceType, namespace: string): string[];
}

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  /** The word as typed so far. */
  word: string;
  /** Every candidate, sorted. */
  candidates: string[];
  /**
   * The line after pressing Tab once: the single candidate plus a space, or the candidates'
   * longest common prefix; the line itself when Tab adds nothing (list on the second Tab).
   */
  line: string;
}

/** kubectl's commands the sim serves, then Kube Orchestra's own (listed under "not kubectl" in HELP). */
export const KUBECTL_COMMANDS = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'auth', 'cluster-info', 'config', 'cordon', 'create', 'delete', 'describe', 'diff',
  'drain', 'edit', 'events', 'exec', 'explain', 'expose', 'get', 'label', 'logs', 'patch', 'port-forward', 'replace', 'rollout', 'run',
  'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
];
export const SIM_COMMANDS = ['base64', 'cleanup', 'clear', 'cluster', 'curl', 'etcdctl', 'machine', 'node', 'settle', 'ssh', 'tick', 'wget'];

const SUBCOMMANDS: Record<string, string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  create: ['clusterrole', 'clusterrolebinding', 'configmap', 'job', 'namespace', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount'],
  set: ['image'],
  auth: ['can-i', 'whoami'],
  node: ['add', 'iptables', 'remove', 'start', 'start-component', 'stop', 'stop-component'],
  cluster: ['cni', 'encryption-at-rest', 'ingress-controller', 'load-balancer', 'show', 'weave-encryption'],
  machine: ['create', 'list'],
  cleanup: ['plan'],
};

const COMMON = ['--namespace', '-n', '--help'];
const FLAGS: Record<string, string[]> = {
  get: ['--all-namespaces', '-A', '--selector', '-l', '--output', '-o', '--show-labels', '--watch', '-w', '--no-headers', '--label-columns', '-L', '--field-selector', '--sort-by'],
  describe: ['--selector', '-l', '--show-events'],
  apply: ['--filename', '-f', '--recursive', '-R', '--dry-run', '--server-side'],
  create: ['--filename', '-f', '--dry-run', '--from-literal', '--from-file', '--image', '--type'],
  delete: ['--filename', '-f', '--selector', '-l', '--all', '--cascade', '--grace-period', '--force', '--now', '--wait', '--ignore-not-found'],
  label: ['--overwrite', '--selector', '-l', '--all'],
  annotate: ['--overwrite', '--selector', '-l', '--all'],
  rollout: ['--to-revision', '--revision', '--timeout'],
  scale: ['--replicas', '--current-replicas'],
  logs: ['--container', '-c', '--previous', '-p', '--tail', '--all-containers'],
  exec: ['--container', '-c', '-it'],
  drain: ['--ignore-daemonsets', '--delete-emptydir-data', '--force', '--grace-period'],
  expose: ['--port', '--target-port', '--type', '--name', '--protocol'],
  run: ['--image', '--port', '--labels', '--restart', '--command', '--env'],
  auth: ['--list', '--as'],
};

const OUTPUT_FORMATS = ['json', 'jsonpath=', 'name', 'wide', 'yaml'];
/** Commands whose first positional argument is a resource type (or TYPE/NAME). */
const TAKES_TYPE = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'scale', 'expose', 'edit', 'rollout', 'set']);
/** Commands whose argument is a pod name (or TYPE/NAME). */
const TAKES_POD = new Set(['logs', 'exec', 'port-forward']);
const TAKES_NODE = new Set(['cordon', 'uncordon', 'drain']);
/** Flags followed by a value: their value is not a positional word. */
const VALUED = new Set(['-n', '--namespace', '-l', '--selector', '-o', '--output', '-f', '--filename', '-c', '--container', '--field-selector', '--sort-by', '--replicas', '--tail', '--image', '--cascade', '--grace-period', '-L', '--label-columns', '--to-revision', '--revision', '--timeout', '--type', '--from-literal', '--from-file', '--as', '--port', '--target-port', '--name']);

function type(name: string): ResourceType | undefined {
  const t = resolveResourceName(name);
  return t?.simulated ? t : undefined;
}

/** Served types by plural, first of each plural (core `events` before `events.events.k8s.io`). */
function typePlurals(): string[] {
  return [...new Set(RESOURCE_TYPES.filter((t) => t.simulated).map((t) => t.plural))];
}

function commonPrefix(words: string[]): string {
  if (!words.length) return '';
  let p = words[0] as string;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** The candidates for `word` given the words before it (`kubectl` already dropped). */
function candidatesFor(before: string[], word: string, src: CompletionSource): string[] {
  const prev = before[before.length - 1];
  let namespace = 'default';
  const positional: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const w = before[i] as string;
    if (w === '-n' || w === '--namespace') namespace = before[++i] ?? namespace;
    else if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
    else if (VALUED.has(w)) i++;
    else if (!w.startsWith('-')) positional.push(w);
  }
  const names = (t: ResourceType | undefined) => (t ? src.names(t, namespace) : []);
  if (!positional.length) return [...KUBECTL_COMMANDS, ...SIM_COMMANDS].filter((c) => c.startsWith(word));
  const [cmd, ...rest] = positional as [string, ...string[]];
  if (prev === '-n' || prev === '--namespace') return names(type('namespaces')).filter((n) => n.startsWith(word));
  if (prev === '-o' || prev === '--output') return OUTPUT_FORMATS.filter((f) => f.startsWith(word));
  if (prev && VALUED.has(prev)) return [];
  if (word.startsWith('-')) return [...new Set([...(FLAGS[cmd] ?? []), ...COMMON])].filter((f) => f.startsWith(word)).sort();

  const subs = SUBCOMMANDS[cmd];
  let args = rest;
  if (subs) {
    if (!rest.length) return subs.filter((s) => s.startsWith(word));
    args = rest.slice(1);
  }
  if (cmd === 'node' && ['stop', 'start', 'remove', 'iptables', 'stop-component', 'start-component'].includes(rest[0] ?? '') && !args.length)
    return names(type('nodes')).filter((n) => n.startsWith(word));
  if (TAKES_NODE.has(cmd)) return names(type('nodes')).filter((n) => n.startsWith(word));
  const slash = word.indexOf('/');
  if (slash > 0) {
    const t = type(word.slice(0, slash));
    const head = word.slice(0, slash + 1);
    return names(t).map((n) => head + n).filter((n) => n.startsWith(word));
  }
  if (TAKES_POD.has(cmd)) return args.length ? [] : names(type('pods')).filter((n) => n.startsWith(word));
  if (!TAKES_TYPE.has(cmd) || (cmd === 'create' && args.length)) return [];
  if (!args.length) {
    // A whole short name or singular (`po`, `deploy`, `pod`) expands to the plural, as kubectl's completion lists it.
    const exact = type(word);
    const short = exact?.shortNames?.includes(word) === true;
    if (word && exact && exact.plural !== word && (short || !typePlurals().some((p) => p !== exact.plural && p.startsWith(word)))) return [exact.plural];
    return typePlurals().filter((p) => p.startsWith(word));
  }
  const t = type(args[0] as string);
  if (!t || (args[0] as string).includes('/')) return [];
  return names(t).filter((n) => n.startsWith(word) && !args.slice(1).includes(n));
}

/** Completes the last word of `line` (the cursor is at its end). */
export function complete(line: string, src: CompletionSource): Completion {
  const m = /(\S*)$/.exec(line);
  const word = m?.[1] ?? '';
  const from = line.length - word.length;
  let before = line.slice(0, from).trim().split(/\s+/).filter(Boolean);
  if (before[0] === 'kubectl') before = before.slice(1);
  const candidates = [...new Set(candidatesFor(before, word, src))].sort();
  let completed = line;
  if (candidates.length === 1) {
    const only = candidates[0] as string;
    // `jsonpath=` and `deploy/` want more typed right after them: no space.
    completed = line.slice(0, from) + only + (only.endsWith('=') || only.endsWith('/') ? '' : ' ');
  } else if (candidates.length > 1) {
    const p = commonPrefix(candidates);
    if (p.length > word.length) completed = line.slice(0, from) + p;
  }
  return { from, word, candidates, line: completed };
}
