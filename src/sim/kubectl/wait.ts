import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { ResourceType } from '../api/resources';
import { SelectorParseError, parseSelector } from '../store/labels';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { kindPrefix, resolveType } from './resolve';
import { jsonPath } from './printers/jsonpath';
import type { KubectlResult } from './types';

type Check = (obj: KubeObject | undefined, uid: string | undefined) => boolean;

/** Go's time.ParseDuration for the forms learners type: 60s, 1m, 2m30s, 1h, 500ms, 0. */
export function goDurationSeconds(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = re.exec(text))) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : m[2] === 's' ? n : n / 1000;
    seen = re.lastIndex;
  }
  return seen === text.length && seen > 0 ? total : undefined;
}

/** `--for=delete | condition=NAME[=VALUE] | jsonpath={.path}=VALUE` as a test on the live object. */
function parseFor(text: string): Check {
  if (text === 'delete') return (obj, uid) => !obj || (uid !== undefined && obj.metadata.uid !== uid);
  if (text.toLowerCase().startsWith('condition=')) {
    const body = text.slice('condition='.length);
    const eq = body.indexOf('=');
    const type = eq >= 0 ? body.slice(0, eq) : body;
    const want = eq >= 0 ? body.slice(eq + 1) : 'true';
    return (obj) => {
      const conds = ((obj?.status as { conditions?: { type?: string; status?: string }[] } | undefined)?.conditions ?? []);
      return conds.some((c) => (c.type ?? '').toLowerCase() === type.toLowerCase() && (c.status ?? '').toLowerCase() === want.toLowerCase());
    };
  }
  if (text.startsWith('jsonpath=')) {
    const body = text.slice('jsonpath='.length);
    const close = body.lastIndexOf('}');
    if (!body.startsWith('{') || close < 0) throw usage(`unrecognized condition: "${text}"`);
    const path = body.slice(0, close + 1);
    const rest = body.slice(close + 1);
    const want = rest.startsWith('=') ? rest.slice(1) : undefined;
    return (obj) => {
      if (!obj) return false;
      let got: string;
      try {
        got = jsonPath(path, obj);
      } catch {
        return false;
      }
      return want === undefined ? got !== '' : got === want;
    };
  }
  throw usage(`unrecognized condition: "${text}"`);
}

/**
 * `kubectl wait --for=condition=Ready pod/x [--timeout=30s]`, `--for=delete`,
 * `--for=jsonpath='{.status.phase}'=Running`, with `-l`/`--all`. The sim advances its
 * clock one tick (one second) at a time until the condition holds or the timeout passes.
 */
export function runWait(cluster: Cluster, args: Args): KubectlResult {
  const forText = flag(args, 'for');
  if (!forText) throw usage('--for must be specified, e.g. --for=condition=Ready, --for=delete, --for=jsonpath={.status.phase}=Running');
  const check = parseFor(forText);
  const timeoutText = flag(args, 'timeout') ?? '30s';
  const timeout = goDurationSeconds(timeoutText);
  if (timeout === undefined) throw usage(`invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);
  const ns = flag(args, 'namespace') ?? 'default';
  const words = args.positional;
  const targets: { type: ResourceType; name: string; uid?: string }[] = [];
  if (words.length === 1 && !(words[0] as string).includes('/') && (bool(args, 'all') || flag(args, 'selector') !== undefined)) {
    const type = resolveType(words[0] as string);
    let sel: LabelSelector | undefined;
    try {
      sel = flag(args, 'selector') !== undefined ? parseSelector(flag(args, 'selector') as string) : undefined;
    } catch (e) {
      if (e instanceof SelectorParseError) throw usage(e.message);
      throw e;
    }
    for (const o of cluster.api.list(type, type.namespaced ? ns : undefined, sel).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)))
      targets.push({ type, name: o.metadata.name, ...(o.metadata.uid ? { uid: o.metadata.uid } : {}) });
    if (!targets.length) throw usage('no matching resources found');
  } else {
    if (!words.length) throw usage('resource(s) were provided, but no name was specified');
    const pairs: [string, string][] = words.every((w) => w.includes('/'))
      ? words.map((w) => [w.slice(0, w.indexOf('/')), w.slice(w.indexOf('/') + 1)])
      : words.slice(1).map((n) => [words[0] as string, n]);
    if (!pairs.length) throw usage('resource(s) were provided, but no name was specified');
    for (const [typeName, name] of pairs) {
      const type = resolveType(typeName);
      const got = cluster.api.get(type, type.namespaced ? ns : undefined, name);
      if (!got.ok) {
        // Waiting for something to be deleted that is already gone succeeds at once.
        if (forText === 'delete' && got.status.code === 404) continue;
        throw new KubectlError(formatStatus(got.status));
      }
      targets.push({ type, name, ...(got.object.metadata.uid ? { uid: got.object.metadata.uid } : {}) });
    }
  }
  const out: string[] = [];
  for (const t of targets) {
    const deadline = cluster.clock.tick + (timeout > 0 ? cluster.clock.ticksFor(timeout) : 0);
    for (;;) {
      const got = cluster.api.get(t.type, t.type.namespaced ? ns : undefined, t.name);
      if (check(got.ok ? got.object : undefined, t.uid)) {
        out.push(`${kindPrefix(t.type)}/${t.name} condition met`);
        break;
      }
      if (cluster.clock.tick >= deadline) {
        const stdout = out.map((l) => l + '\n').join('');
        return { stdout, stderr: `error: timed out waiting for the condition on ${t.type.plural}/${t.name}\n`, exitCode: 1 };
      }
      cluster.tickN(1);
    }
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: '', exitCode: 0 };
}
