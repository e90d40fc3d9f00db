import type { Cluster } from '../cluster';
import { usage } from './errors';
import { readFile } from './files';
import { flag, parseArgs } from './flags';
import { diffManifest } from './diff';
import type { FileReader, KubectlResult } from './types';

/** `kubectl diff -f FILE [-f FILE2] [-n NS]`. */
export function runDiff(cluster: Cluster, argv: string[], files: FileReader): KubectlResult {
  const args = parseArgs(argv);
  const names = args.flags.get('filename') ?? [];
  if (!names.length) throw usage('must specify one of -f and -k');
  const namespace = flag(args, 'namespace');
  const parts = names.map((n) => diffManifest(cluster, readFile(files, n), n, namespace ? { namespace } : {}));
  const res: KubectlResult = {
    stdout: parts.map((p) => p.stdout).join(''),
    stderr: parts.map((p) => p.stderr).join(''),
    exitCode: parts.some((p) => p.exitCode) ? 1 : 0,
  };
  // The editor's Diff marks a rejected manifest as Apply would.
  const diags = parts.flatMap((p) => p.diagnostics ?? []);
  if (diags.length) res.diagnostics = diags;
  return res;
}
