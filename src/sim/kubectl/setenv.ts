import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { clone, jsonEqual } from '../objects';
import { parseQuantity } from '../quantity';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { kindPrefix } from './resolve';
import { runSetImage } from './setimage';
import { resolveTargets } from './target';
import type { KubectlResult } from './types';

/** The pod spec a kind carries: its own (Pod) or its template's, or a CronJob's job template's. */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined;
  if (obj.kind === 'Pod') return obj.spec as PodSpec;
  return spec?.template?.spec ?? spec?.jobTemplate?.spec?.template?.spec;
}

/** The containers `-c NAME` picks (every one when absent; kubectl's -c takes a glob, `*` here). */
function pick(spec: PodSpec, args: Args): Container[] {
  const want = flag(args, 'container') ?? '*';
  const re = new RegExp('^' + want.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
  return [...(spec.initContainers ?? []), ...spec.containers].filter((c) => re.test(c.name));
}

/** `kubectl set env|resources|image ...`. */
export function runSet(cluster: Cluster, args: Args): KubectlResult {
  const [sub, ...words] = args.positional;
  if (sub === 'env') return runSetEnv(cluster, args, words);
  if (sub === 'resources') return runSetResources(cluster, args, words);
  return runSetImage(cluster, args);
}

function write(cluster: Cluster, t: { type: { kind: string }; object: KubeObject }, next: KubeObject, code: string, params: Record<string, string>, reason: string): boolean {
  if (jsonEqual(next.spec, t.object.spec)) return false;
  const res = cluster.userClient().update(next, { reason, code, params: { kind: t.type.kind, name: t.object.metadata.name, ...params } });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  return true;
}

/** `kubectl set env TYPE/NAME K=V ... K- [-e K=V] [-c CONTAINER] [--list]`. */
function runSetEnv(cluster: Cluster, args: Args, words: string[]): KubectlResult {
  const pairs = [...words.filter((w) => /^[^/=]+=/.test(w)), ...(args.flags.get('env') ?? [])];
  const removals = words.filter((w) => /^[^/=]+-$/.test(w)).map((w) => w.slice(0, -1));
  const resources = words.filter((w) => !/^[^/=]+=/.test(w) && !/^[^/=]+-$/.test(w));
  const list = bool(args, 'list');
  if (!list && !pairs.length && !removals.length) throw usage('at least one environment variable must be provided');
  const targets = resolveTargets(cluster, args, resources, 'set env');
  let stdout = '';
  for (const t of targets) {
    const next = clone(t.object);
    const spec = podSpecOf(next);
    if (!spec) throw usage(`${t.type.plural} have no pod template to set environment variables in`);
    const containers = pick(spec, args);
    if (!containers.length) throw usage(`unable to find container named ${flag(args, 'container') ?? ''}`);
    if (list) {
      for (const c of containers) {
        stdout += `# ${t.type.plural} ${t.object.metadata.name}, container ${c.name}\n`;
        for (const e of c.env ?? []) stdout += e.value !== undefined ? `${e.name}=${e.value}\n` : `# ${e.name} from ${e.valueFrom?.secretKeyRef ? `secret ${e.valueFrom.secretKeyRef.name}, key ${e.valueFrom.secretKeyRef.key}` : e.valueFrom?.configMapKeyRef ? `configmap ${e.valueFrom.configMapKeyRef.name}, key ${e.valueFrom.configMapKeyRef.key}` : 'field path'}\n`;
      }
      continue;
    }
    for (const c of containers) {
      const env = [...(c.env ?? [])];
      for (const p of pairs) {
        const name = p.slice(0, p.indexOf('='));
        const value = p.slice(p.indexOf('=') + 1);
        const i = env.findIndex((e) => e.name === name);
        if (i >= 0) env[i] = { name, value };
        else env.push({ name, value });
      }
      const kept = env.filter((e) => !removals.includes(e.name));
      if (kept.length) c.env = kept;
      else delete c.env;
    }
    const changes = [...pairs, ...removals.map((r) => r + '-')].join(' ');
    if (write(cluster, t, next, 'record.kubectl.setEnv', { changes }, `kubectl set env on ${t.type.kind} ${t.object.metadata.name}: ${changes}`))
      stdout += `${kindPrefix(t.type)}/${t.object.metadata.name} env updated\n`;
  }
  return { stdout, stderr: '', exitCode: 0 };
}

function parseResourceList(text: string | undefined, flagName: string): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) throw usage(`invalid argument "${text}" for "--${flagName}" flag`);
    const [k, v] = [part.slice(0, i), part.slice(i + 1)];
    if (parseQuantity(v) === undefined) throw usage(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
    out[k] = v;
  }
  return out;
}

/** `kubectl set resources TYPE/NAME [-c CONTAINER] --limits=cpu=200m,memory=512Mi --requests=...`. */
function runSetResources(cluster: Cluster, args: Args, words: string[]): KubectlResult {
  const limits = parseResourceList(flag(args, 'limits'), 'limits');
  const requests = parseResourceList(flag(args, 'requests'), 'requests');
  if (!limits && !requests) throw usage('you must specify an update to requests or limits (in the form of --requests/--limits)');
  let stdout = '';
  for (const t of resolveTargets(cluster, args, words, 'set resources')) {
    const next = clone(t.object);
    const spec = podSpecOf(next);
    if (!spec) throw usage(`${t.type.plural} have no pod template to set resources in`);
    const containers = pick(spec, args);
    if (!containers.length) throw usage(`unable to find container named ${flag(args, 'container') ?? ''}`);
    for (const c of containers) {
      const r = { ...(c.resources ?? {}) };
      if (limits) r.limits = { ...(r.limits ?? {}), ...limits };
      if (requests) r.requests = { ...(r.requests ?? {}), ...requests };
      c.resources = r;
    }
    if (write(cluster, t, next, 'record.kubectl.setResources', {}, `kubectl set resources on ${t.type.kind} ${t.object.metadata.name}`))
      stdout += `${kindPrefix(t.type)}/${t.object.metadata.name} resource requirements updated\n`;
  }
  return { stdout, stderr: '', exitCode: 0 };
}
