import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { SelectorParseError, parseSelector } from '../store/labels';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { formatStatus, usage } from './errors';
import { resolveType } from './resolve';
import type { KubectlResult } from './types';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

interface TaintSpec {
  key: string;
  value?: string;
  effect?: string;
}

/** `key=value:Effect`, `key:Effect`, and for removal `key:Effect-` or `key-`. */
function parseTaint(word: string, removal: boolean): TaintSpec {
  const body = removal ? word.slice(0, -1) : word;
  const colon = body.lastIndexOf(':');
  const kv = colon >= 0 ? body.slice(0, colon) : body;
  const effect = colon >= 0 ? body.slice(colon + 1) : undefined;
  const eq = kv.indexOf('=');
  const key = eq >= 0 ? kv.slice(0, eq) : kv;
  const value = eq >= 0 ? kv.slice(eq + 1) : undefined;
  if (!key) throw usage(`invalid taint spec: ${word}`);
  if (!removal && effect === undefined) throw usage(`invalid taint spec: ${word}`);
  if (effect !== undefined && !EFFECTS.includes(effect)) throw usage(`invalid taint effect: ${effect}, unsupported taint effect`);
  return { key, ...(value !== undefined ? { value } : {}), ...(effect !== undefined ? { effect } : {}) };
}

/** `kubectl taint nodes NAME|--all|-l SEL key=value:Effect ... key:Effect- key- [--overwrite]`. */
export function runTaint(cluster: Cluster, args: Args): KubectlResult {
  const words = [...args.positional];
  const first = words.shift();
  if (!first) throw usage('at least one taint update is required');
  let typeName = first;
  const names: string[] = [];
  if (first.includes('/')) {
    typeName = first.slice(0, first.indexOf('/'));
    names.push(first.slice(first.indexOf('/') + 1));
  } else if (words.length && !/[=:]|-$/.test(words[0] as string)) names.push(words.shift() as string);
  const t = resolveType(typeName);
  if (t.kind !== 'Node') throw usage(`invalid resource type ${typeName}, only node types are supported`);
  if (!words.length) throw usage('at least one taint update is required');
  const add: TaintSpec[] = [];
  const remove: TaintSpec[] = [];
  for (const w of words) (w.endsWith('-') ? remove : add).push(parseTaint(w, w.endsWith('-')));
  for (const a of add) if (remove.some((r) => r.key === a.key && (r.effect === undefined || r.effect === a.effect))) throw usage('can not both modify and remove the following taint(s) in the same command: ' + a.key);
  let nodes: KubeObject[] = [];
  const errs: string[] = [];
  if (bool(args, 'all') || flag(args, 'selector') !== undefined) {
    let sel: LabelSelector | undefined;
    try {
      sel = flag(args, 'selector') !== undefined ? parseSelector(flag(args, 'selector') as string) : undefined;
    } catch (e) {
      if (e instanceof SelectorParseError) throw usage(e.message);
      throw e;
    }
    nodes = cluster.api.list(t, undefined, sel).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  } else {
    if (!names.length) throw usage('at least one resource name must be specified since --all parameter is not passed');
    for (const n of names) {
      const got = cluster.api.get(t, undefined, n);
      if (got.ok) nodes.push(got.object);
      else errs.push(formatStatus(got.status));
    }
  }
  const out: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name;
    let taints: Taint[] = [...((node as Node & KubeObject).spec?.taints ?? [])];
    let failed = false;
    for (const a of add) {
      const same = taints.find((x) => x.key === a.key && x.effect === a.effect);
      if (same && !bool(args, 'overwrite')) {
        errs.push(`error: node ${name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false`);
        failed = true;
        break;
      }
    }
    if (failed) continue;
    for (const r of remove) {
      const kept = taints.filter((x) => !(x.key === r.key && (r.effect === undefined || x.effect === r.effect)));
      if (kept.length === taints.length) {
        errs.push(`error: taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found`);
        failed = true;
        break;
      }
      taints = kept;
    }
    if (failed) continue;
    for (const a of add) {
      const taint: Taint = { key: a.key, effect: a.effect as string, ...(a.value ? { value: a.value } : {}) };
      // NoExecute taints carry the time they were added; the node lifecycle controller evicts by it.
      if (a.effect === 'NoExecute') taint.timeAdded = cluster.clock.nowRFC3339();
      const i = taints.findIndex((x) => x.key === a.key && x.effect === a.effect);
      if (i >= 0) taints[i] = taint;
      else taints.push(taint);
    }
    const spec = { ...((node.spec as Record<string, unknown>) ?? {}) };
    if (taints.length) spec.taints = taints;
    else delete spec.taints;
    const op = add.length && remove.length ? 'modified' : remove.length ? 'untainted' : 'tainted';
    const summary = [...add.map((a) => `${a.key}${a.value ? '=' + a.value : ''}:${a.effect}`), ...remove.map((r) => `${r.key}${r.effect ? ':' + r.effect : ''}-`)].join(' ');
    const res = cluster.userClient().update({ ...node, spec }, { reason: `kubectl taint ${op} node ${name}: ${summary}`, code: 'record.kubectl.taint', params: { node: name, taints: summary } });
    if (!res.ok) errs.push(formatStatus(res.status));
    else out.push(`node/${name} ${op}`);
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: errs.map((l) => l + '\n').join(''), exitCode: errs.length ? 1 : 0 };
}
