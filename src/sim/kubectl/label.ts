import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { formatStatus, usage } from './errors';
import { kindPrefix, resolveType } from './resolve';
import type { KubectlResult } from './types';

/** `kubectl label <type> <name> k=v k2- [--overwrite]`. */
export function runLabel(cluster: Cluster, args: Args): KubectlResult {
  const words = [...args.positional];
  if (words.length < 2) throw usage('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  let typeName: string;
  let names: string[];
  const first = words.shift() as string;
  if (first.includes('/')) {
    typeName = first.slice(0, first.indexOf('/'));
    names = [first.slice(first.indexOf('/') + 1)];
  } else {
    typeName = first;
    names = [];
    while (words.length && !/[=]|-$/.test(words[0] as string)) names.push(words.shift() as string);
  }
  const t = resolveType(typeName);
  if (!words.length) throw usage('at least one label update is required');
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const w of words) {
    if (w.endsWith('-') && !w.includes('=')) remove.push(w.slice(0, -1));
    else if (w.includes('=')) set[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1);
    else throw usage(`invalid label spec: ${w}`);
  }
  const ns = t.namespaced ? (flag(args, 'namespace') ?? 'default') : undefined;
  const out: string[] = [];
  const errs: string[] = [];
  for (const name of names) {
    const got = cluster.api.get(t, ns, name);
    if (!got.ok) {
      errs.push(formatStatus(got.status));
      continue;
    }
    const labels = { ...(got.object.metadata.labels ?? {}) };
    for (const [k, v] of Object.entries(set)) {
      if (k in labels && labels[k] !== v && !bool(args, 'overwrite')) throw usage(`'${k}' already has a value (${labels[k]}), and --overwrite is false`);
      labels[k] = v;
    }
    for (const k of remove) delete labels[k];
    const next: KubeObject = { ...got.object, metadata: { ...got.object.metadata, labels } };
    const changed = JSON.stringify(labels) !== JSON.stringify(got.object.metadata.labels ?? {});
    const res = cluster.userClient().update(next, { reason: `kubectl labeled ${t.kind} ${name}`, code: 'record.kubectl.label', params: { kind: t.kind, name } });
    if (!res.ok) errs.push(formatStatus(res.status));
    else out.push(`${kindPrefix(t)}/${name} ${changed ? (remove.length && !Object.keys(set).length ? 'unlabeled' : 'labeled') : 'not labeled'}`);
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: errs.map((l) => l + '\n').join(''), exitCode: errs.length ? 1 : 0 };
}
