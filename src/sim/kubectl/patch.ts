import { parse as parseYaml } from 'yaml';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { clone, jsonEqual } from '../objects';
import type { JsonPatchOp } from '../api/rest-patch';
import { PatchError, jsonPatch, mergePatch, strategicMergePatch } from '../api/rest-patch';
import { flag } from './flags';
import { parseCommandArgs } from './flaghint';
import { KubectlError, formatStatus, usage } from './errors';
import { readFile } from './files';
import { resolveTargets } from './target';
import { kindPrefix } from './resolve';
import type { FileReader, KubectlResult } from './types';

/** `-p` is `--patch` here, not logs' `--previous`: translate it before the shared flag parser sees it. */
function patchArgv(argv: string[]): string[] {
  return argv.map((a, i) => {
    if (argv[i - 1] === '--') return a;
    if (a === '-p') return '--patch';
    if (a.startsWith('-p=')) return `--patch=${a.slice(3)}`;
    if (/^-p[^-]/.test(a)) return `--patch=${a.slice(2)}`;
    return a;
  });
}

/**
 * `kubectl patch TYPE NAME -p PATCH [--type=strategic|merge|json]` or `--patch-file FILE`.
 * The patch is JSON or YAML; strategic merge (the default) merges keyed lists (containers by
 * name, ports by containerPort) like kube-apiserver.
 */
export function runPatch(cluster: Cluster, argv: string[], files: FileReader): KubectlResult {
  const args = parseCommandArgs('patch', patchArgv(argv));
  const type = flag(args, 'type') ?? 'strategic';
  if (!['json', 'merge', 'strategic'].includes(type)) throw usage(`--type must be one of [json merge strategic], not "${type}"`);
  const patchFile = flag(args, 'patch-file');
  let text = flag(args, 'patch');
  if (text !== undefined && patchFile !== undefined) throw usage('--patch and --patch-file are mutually exclusive');
  if (patchFile !== undefined) text = readFile(files, patchFile);
  if (text === undefined || text === '') throw usage('must specify --patch or --patch-file containing the contents of the patch');
  let body: unknown;
  try {
    body = parseYaml(text);
  } catch (e) {
    throw usage(`unable to parse "${text}": yaml: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const [target] = resolveTargets(cluster, args, args.positional, 'patch');
  if (!target) throw usage('required resource not specified');
  const current = target.object;
  let next: unknown;
  try {
    if (type === 'json') {
      if (!Array.isArray(body)) throw new KubectlError('Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch');
      next = jsonPatch(current, body as JsonPatchOp[]);
    } else if (type === 'merge') next = mergePatch(clone(current), body);
    else next = strategicMergePatch(clone(current), body);
  } catch (e) {
    if (e instanceof PatchError) throw new KubectlError(`The request is invalid: ${e.message}`);
    throw e;
  }
  if (!next || typeof next !== 'object' || Array.isArray(next)) throw new KubectlError('Error from server (BadRequest): the patch did not produce an object');
  const obj = next as KubeObject;
  const name = current.metadata.name;
  const prefix = `${kindPrefix(target.type)}/${name}`;
  if (jsonEqual(obj, current)) return { stdout: `${prefix} patched (no change)\n`, stderr: '', exitCode: 0 };
  // A patch that does not name a resourceVersion applies to whatever is stored now.
  if (!(body as { metadata?: { resourceVersion?: string } } | null)?.metadata?.resourceVersion) obj.metadata = { ...obj.metadata, resourceVersion: current.metadata.resourceVersion };
  const res = cluster.userClient().update(obj, { reason: `kubectl patch applied a ${type} patch to ${target.type.kind} ${name}`, code: 'record.kubectl.patch', params: { type, kind: target.type.kind, name } });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  const changed = !jsonEqual(res.object, current);
  return { stdout: `${prefix} patched${changed ? '' : ' (no change)'}\n`, stderr: '', exitCode: 0 };
}
