import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { parseManifest } from '../yaml/parse';
import type { Args } from './flags';
import { flag } from './flags';
import { formatStatus, usage } from './errors';
import { readFile } from './files';
import { kindPrefix } from './resolve';
import type { FileReader, KubectlResult } from './types';

/**
 * `kubectl replace -f FILE`: a PUT of each object in the file. Unlike apply nothing is
 * merged: fields the file leaves out are gone from the live object afterwards.
 */
export function runReplace(cluster: Cluster, args: Args, files: FileReader): KubectlResult {
  const names = args.flags.get('filename') ?? [];
  if (!names.length) throw usage('must specify --filename to replace');
  const nsFlag = flag(args, 'namespace');
  const out: string[] = [];
  const errs: string[] = [];
  for (const file of names) {
    for (const d of parseManifest(readFile(files, file)).documents) {
      if (d.error) {
        errs.push(`error: error parsing ${file}: error converting YAML to JSON: yaml: line ${d.error.docLine}: ${d.error.message}`);
        break;
      }
      if (!d.object) continue;
      const obj = structuredClone(d.object) as unknown as KubeObject;
      const resolved = cluster.api.resolve(obj);
      if (!resolved.ok) {
        errs.push(formatStatus(resolved.status, { verb: 'replacing', file }));
        continue;
      }
      const t = resolved.type;
      obj.metadata = { ...(obj.metadata ?? {}) } as KubeObject['metadata'];
      if (t.namespaced) obj.metadata.namespace = obj.metadata.namespace || nsFlag || 'default';
      const name = obj.metadata.name;
      if (!name) {
        errs.push(`error: error when retrieving current configuration of:\nResource: "${t.plural}", GroupVersionKind: "${obj.apiVersion}, Kind=${obj.kind}"\nName: "", Namespace: "${obj.metadata.namespace ?? ''}"\nfrom server for: "${file}": resource name may not be empty`);
        continue;
      }
      const live = cluster.api.get(t, obj.metadata.namespace, name);
      if (!live.ok) {
        errs.push(formatStatus(live.status, { verb: 'replacing', file }));
        continue;
      }
      // kubectl replace sends the file's object; without a resourceVersion the PUT is unconditional.
      if (!obj.metadata.resourceVersion) obj.metadata.resourceVersion = live.object.metadata.resourceVersion;
      const res = cluster.userClient().update(obj, { reason: `kubectl replace swapped ${t.kind} ${name} for the object in ${file}`, code: 'record.kubectl.replace', params: { kind: t.kind, name } });
      if (!res.ok) errs.push(formatStatus(res.status, { verb: 'replacing', file }));
      else out.push(`${kindPrefix(t)}/${name} replaced`);
    }
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: errs.map((l) => l + '\n').join(''), exitCode: errs.length ? 1 : 0 };
}
