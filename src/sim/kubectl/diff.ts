import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { clone } from '../objects';
import { findByKind } from '../api/resources';
import type { ResourceType } from '../api/resources';
import { parseManifest } from '../yaml/parse';
import { formatRFC3339 } from '../clock';
import type { ApplyOptions } from './apply';
import { dryRunApply } from './apply';
import { toYaml } from './printers/output';
import { unifiedHunks } from './unifiedDiff';
import type { KubectlResult } from './types';

/** One object a manifest names, as `kubectl diff` lists it. */
interface Named {
  t: ResourceType;
  namespace: string | undefined;
  name: string;
}

function namedObjects(text: string, namespace: string | undefined): Named[] {
  const out: Named[] = [];
  const add = (o: unknown) => {
    if (!o || typeof o !== 'object') return;
    const obj = o as Partial<KubeObject>;
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return;
    const t = findByKind(obj.apiVersion, obj.kind);
    const name = obj.metadata?.name;
    if (!t || !name) return;
    out.push({ t, namespace: t.namespaced ? obj.metadata?.namespace || namespace || 'default' : undefined, name });
  };
  for (const d of parseManifest(text).documents) {
    if (!d.object) continue;
    if (d.object.kind === 'List' && Array.isArray(d.object.items)) d.object.items.forEach(add);
    else add(d.object);
  }
  return out;
}

/** What kubectl diff writes to its LIVE/MERGED files: no managedFields, Secret values masked. */
function printable(obj: KubeObject | undefined, other: KubeObject | undefined, side: 'before' | 'after'): string {
  if (!obj) return '';
  const o = clone(obj);
  delete (o.metadata as { managedFields?: unknown }).managedFields;
  if (o.kind === 'Secret' && o.apiVersion === 'v1') {
    for (const field of ['data', 'stringData'] as const) {
      const mine = (o as Record<string, unknown>)[field] as Record<string, string> | undefined;
      const theirs = ((other ?? {}) as Record<string, unknown>)[field] as Record<string, string> | undefined;
      if (!mine) continue;
      for (const k of Object.keys(mine)) mine[k] = theirs?.[k] === mine[k] ? '***' : `*** (${side})`;
    }
  }
  return toYaml(o);
}

/** `diff -u`'s file name for an object: `apps.v1.Deployment.default.web`. */
function fileName(n: Named): string {
  return `${n.t.group ? n.t.group + '.' : ''}${n.t.version}.${n.t.kind}.${n.namespace ?? ''}.${n.name}`;
}

/** kubectl's temp directories have random suffixes; a hash of the text keeps ours stable. */
function suffix(text: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) % 4_000_000_000;
}

/**
 * `kubectl diff -f`: the live objects against what applying the text would make of them
 * (a server-side dry run on a scratch copy of the cluster), as `diff -u -N` prints it.
 * Exit code 1 when something would change, as kubectl's; errors go to stderr.
 */
export function diffManifest(cluster: Cluster, text: string, file: string, opts: Pick<ApplyOptions, 'namespace'> = {}): KubectlResult {
  const { result, api } = dryRunApply(cluster, text, file, opts);
  if (result.exitCode !== 0) return { ...result, stdout: '' };
  const live = `/tmp/LIVE-${suffix(text, 1)}`;
  const merged = `/tmp/MERGED-${suffix(text, 2)}`;
  const now = formatRFC3339(cluster.clock.nowMillis()).replace('T', ' ').replace('Z', '.000000000 +0000');
  const epoch = '1970-01-01 00:00:00.000000000 +0000';
  let stdout = '';
  for (const n of namedObjects(text, opts.namespace)) {
    const before = cluster.api.get(n.t, n.namespace, n.name);
    const after = api.get(n.t, n.namespace, n.name);
    const b = before.ok ? before.object : undefined;
    const a = after.ok ? after.object : undefined;
    const hunks = unifiedHunks(printable(b, a, 'before'), printable(a, b, 'after'));
    if (!hunks) continue;
    const f = fileName(n);
    stdout += `diff -u -N ${live}/${f} ${merged}/${f}\n`;
    stdout += `--- ${live}/${f}\t${b ? now : epoch}\n+++ ${merged}/${f}\t${a ? now : epoch}\n${hunks}`;
  }
  return { stdout, stderr: result.stderr, exitCode: stdout ? 1 : 0 };
}
