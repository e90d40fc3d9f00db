import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Cluster, createCluster } from '../sim/cluster';
import type { ClusterState } from '../sim/cluster';
import { runKubectl } from '../sim/kubectl';
import type { FileReader } from '../sim/kubectl';

const USAGE = `usage: npm run -s sim -- [--state FILE] [--seed N] [--nodes N] <command>

<command> is a kubectl command line without the word kubectl (get pods -o wide,
apply -f pod.yaml, delete pod web), or the sim's own: tick [N], settle.
`;

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Quotes a word so the in-app kubectl's shell-like splitter gets it back unchanged. */
function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function positiveInt(name: string, v: string | undefined): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} needs a whole number, got "${v ?? ''}"`);
  return n;
}

/**
 * One CLI run: load the cluster (or create it), run one command exactly as the in-app
 * console would, save the cluster back. `readStdin` serves `-f -`.
 */
export function main(argv: string[], readStdin: () => string = () => readFileSync(0, 'utf8')): CliResult {
  let state: string | undefined;
  let seed: number | undefined;
  let nodes: number | undefined;
  let i = 0;
  try {
    for (; i < argv.length; i++) {
      const a = argv[i] as string;
      if (a === '--state') state = argv[++i];
      else if (a.startsWith('--state=')) state = a.slice('--state='.length);
      else if (a === '--seed') seed = positiveInt('--seed', argv[++i]);
      else if (a.startsWith('--seed=')) seed = positiveInt('--seed', a.slice(7));
      else if (a === '--nodes') nodes = positiveInt('--nodes', argv[++i]);
      else if (a.startsWith('--nodes=')) nodes = positiveInt('--nodes', a.slice(8));
      else break;
    }
  } catch (e) {
    return { stdout: '', stderr: `error: ${(e as Error).message}\n${USAGE}`, code: 1 };
  }
  const words = argv.slice(i);
  if (!words.length) return { stdout: '', stderr: USAGE, code: 1 };

  let cluster: Cluster;
  try {
    cluster =
      state && existsSync(state)
        ? Cluster.fromState(JSON.parse(readFileSync(state, 'utf8')) as ClusterState)
        : createCluster({ ...(seed !== undefined ? { seed } : {}), ...(nodes !== undefined ? { nodes } : {}) });
  } catch (e) {
    return { stdout: '', stderr: `error: cannot load the cluster state from ${state}: ${(e as Error).message}\n`, code: 1 };
  }

  const files: FileReader = (name) => {
    if (name === '-') return readStdin();
    return existsSync(name) ? readFileSync(name, 'utf8') : undefined;
  };
  const res = runKubectl(cluster, words.map(quote).join(' '), files);
  if (state) writeFileSync(state, JSON.stringify(cluster.exportState(), null, 2) + '\n');
  return { stdout: res.stdout, stderr: res.stderr, code: res.exitCode };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = main(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
