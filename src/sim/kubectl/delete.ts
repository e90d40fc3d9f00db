import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { ResourceType } from '../api/resources';
import { findByKind } from '../api/resources';
import type { DeleteOptions } from '../api/server';
import { parseSelector, SelectorParseError } from '../store/labels';
import { parseManifest } from '../yaml/parse';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { formatStatus, usage } from './errors';
import { kindPrefix, resolveType } from './resolve';
import type { FileReader, KubectlResult } from './types';
import { readFile } from './files';

interface Target {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  source?: string;
}

function deletedLine(t: ResourceType, ns: string | undefined, name: string): string {
  return t.namespaced ? `${kindPrefix(t)} "${name}" deleted from ${ns} namespace` : `${kindPrefix(t)} "${name}" deleted`;
}

function gracePeriod(args: Args, stderr: string[]): number | undefined {
  const force = bool(args, 'force') || bool(args, 'now');
  const raw = flag(args, 'grace-period');
  let grace = raw === undefined ? -1 : Number(raw);
  if (Number.isNaN(grace)) throw usage(`invalid argument "${raw}" for "--grace-period" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
  if (bool(args, 'now')) grace = 1;
  if (force && grace < 0) grace = 0;
  if (grace === 0 && !force) grace = 1; // kubectl turns --grace-period=0 without --force into 1.
  if (force && grace === 0)
    stderr.push('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  return grace < 0 ? undefined : grace;
}

export function runDelete(cluster: Cluster, args: Args, files: FileReader): KubectlResult {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const errors: string[] = [];
  const namespace = flag(args, 'namespace') ?? 'default';
  const allNs = bool(args, 'all-namespaces');
  const opts: DeleteOptions = {};
  const grace = gracePeriod(args, stderr);
  if (grace !== undefined) opts.gracePeriodSeconds = grace;
  const cascade = flag(args, 'cascade');
  if (cascade === 'orphan') opts.propagationPolicy = 'Orphan';
  else if (cascade === 'foreground') opts.propagationPolicy = 'Foreground';

  const targets: Target[] = [];
  const filenames = args.flags.get('filename') ?? [];
  if (filenames.length) {
    for (const fname of filenames) {
      const { documents } = parseManifest(readFile(files, fname));
      for (const d of documents) {
        if (d.error) {
          errors.push(`error: error parsing ${fname}: error converting YAML to JSON: yaml: line ${d.error.docLine}: ${d.error.message}`);
          break;
        }
        const items = d.object?.kind === 'List' && Array.isArray(d.object.items) ? (d.object.items as KubeObject[]) : d.object ? [d.object as KubeObject] : [];
        for (const o of items) {
          const t = findByKind(String(o.apiVersion), String(o.kind));
          if (!t) {
            errors.push(`error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${o.metadata?.namespace ?? ''}" from "${fname}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`);
            continue;
          }
          targets.push({ type: t, namespace: t.namespaced ? o.metadata?.namespace || namespace : undefined, name: o.metadata?.name ?? '', source: fname });
        }
      }
    }
  } else {
    const words = args.positional;
    if (!words.length) throw usage('You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
    const sel = flag(args, 'selector');
    if (words.some((w) => w.includes('/'))) {
      for (const w of words) {
        const i = w.indexOf('/');
        if (i < 0) throw usage(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
        const t = resolveType(w.slice(0, i));
        targets.push({ type: t, namespace: t.namespaced ? namespace : undefined, name: w.slice(i + 1) });
      }
    } else {
      const types = (words[0] as string).split(',').map(resolveType);
      const names = words.slice(1);
      if (names.length) {
        for (const t of types) for (const n of names) targets.push({ type: t, namespace: t.namespaced ? namespace : undefined, name: n });
      } else if (sel !== undefined || bool(args, 'all')) {
        let selector;
        try {
          selector = sel !== undefined ? parseSelector(sel) : undefined;
        } catch (e) {
          if (e instanceof SelectorParseError) throw usage(e.message);
          throw e;
        }
        for (const t of types)
          for (const o of cluster.api.list(t, allNs ? undefined : namespace, selector))
            targets.push({ type: t, namespace: o.metadata.namespace, name: o.metadata.name });
        if (!targets.length) stderr.push(types.every((t) => t.namespaced) && !allNs ? `No resources found in ${namespace} namespace.` : 'No resources found');
      } else throw usage('resource(s) were provided, but no name was specified');
    }
  }

  for (const tg of targets) {
    const res = cluster.userClient().delete(
      { apiVersion: tg.type.group ? `${tg.type.group}/${tg.type.version}` : tg.type.version, kind: tg.type.kind, metadata: { name: tg.name, ...(tg.namespace ? { namespace: tg.namespace } : {}) } },
      { reason: `kubectl deleted ${tg.type.kind} ${tg.name}`, code: 'record.kubectl.delete', params: { kind: tg.type.kind, name: tg.name } },
      opts,
    );
    if (res.ok) stdout.push(deletedLine(tg.type, tg.namespace, tg.name));
    else if (res.status.reason === 'NotFound' && bool(args, 'ignore-not-found')) continue;
    else errors.push(formatStatus(res.status, tg.source ? { verb: 'deleting', file: tg.source } : undefined));
  }
  return {
    stdout: stdout.map((l) => l + '\n').join(''),
    stderr: [...stderr, ...errors].map((l) => l + '\n').join(''),
    exitCode: errors.length ? 1 : 0,
  };
}
