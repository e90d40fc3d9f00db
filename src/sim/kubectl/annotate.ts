import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { SelectorParseError, parseSelector } from '../store/labels';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { formatStatus, usage } from './errors';
import { kindPrefix, resolveType } from './resolve';
import type { KubectlResult } from './types';

/** kubectl's change-cause annotation, which annotate may always overwrite. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/**
 * `kubectl annotate TYPE NAME... k=v k2- [--overwrite] [--all | -l SELECTOR]` and
 * `TYPE/NAME`. Prints `pod/web annotated` for every object, as kubectl does, even when the
 * values were already there.
 */
export function runAnnotate(cluster: Cluster, args: Args): KubectlResult {
  const words = [...args.positional];
  const all = bool(args, 'all');
  const selText = flag(args, 'selector');
  if (!words.length) throw usage('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const first = words.shift() as string;
  let typeName = first;
  const names: string[] = [];
  if (first.includes('/')) {
    typeName = first.slice(0, first.indexOf('/'));
    names.push(first.slice(first.indexOf('/') + 1));
    while (words.length && /^[^=]+\/[^=]+$/.test(words[0] as string) && !(words[0] as string).endsWith('-')) names.push((words.shift() as string).split('/')[1] as string);
  } else {
    while (words.length && !/=|-$/.test(words[0] as string)) names.push(words.shift() as string);
  }
  const t = resolveType(typeName);
  if (!words.length) throw usage('at least one annotation update is required');
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const w of words) {
    if (w.endsWith('-') && !w.includes('=')) remove.push(w.slice(0, -1));
    else if (w.includes('=') && w.indexOf('=') > 0) set[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1);
    else throw usage(`invalid annotation format: ${w}`);
  }
  for (const k of remove) if (k in set) throw usage(`can not both modify and remove an annotation in the same command`);
  const ns = t.namespaced ? (flag(args, 'namespace') ?? 'default') : undefined;
  const errs: string[] = [];
  let objects: KubeObject[] = [];
  if (all || selText !== undefined) {
    if (names.length) throw usage('cannot set --all and --selector at the same time');
    let selector: LabelSelector | undefined;
    try {
      selector = selText !== undefined ? parseSelector(selText) : undefined;
    } catch (e) {
      if (e instanceof SelectorParseError) throw usage(e.message);
      throw e;
    }
    objects = cluster.api.list(t, ns, selector).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    if (!objects.length) return { stdout: '', stderr: t.namespaced ? `No resources found in ${ns} namespace.\n` : 'No resources found\n', exitCode: 0 };
  } else {
    if (!names.length) throw usage('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    for (const name of names) {
      const got = cluster.api.get(t, ns, name);
      if (got.ok) objects.push(got.object);
      else errs.push(formatStatus(got.status));
    }
  }
  const out: string[] = [];
  for (const obj of objects) {
    const current = obj.metadata.annotations ?? {};
    if (!bool(args, 'overwrite')) {
      const clash = Object.entries(set)
        .filter(([k, v]) => k !== CHANGE_CAUSE && k in current && current[k] !== v)
        .map(([k]) => `'${k}' already has a value (${current[k]})`);
      if (clash.length) {
        errs.push(`error: --overwrite is false but found the following declared annotation(s): ${clash.join('; ')}`);
        continue;
      }
    }
    const annotations = { ...current, ...set };
    for (const k of remove) delete annotations[k];
    const { annotations: _old, ...rest } = obj.metadata;
    const metadata = Object.keys(annotations).length ? { ...rest, annotations } : rest;
    const res = cluster.userClient().update({ ...obj, metadata }, { reason: `kubectl annotated ${t.kind} ${obj.metadata.name}`, code: 'record.kubectl.annotate', params: { kind: t.kind, name: obj.metadata.name } });
    if (!res.ok) errs.push(formatStatus(res.status));
    else out.push(`${kindPrefix(t)}/${obj.metadata.name} annotated`);
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: errs.map((l) => l + '\n').join(''), exitCode: errs.length ? 1 : 0 };
}
