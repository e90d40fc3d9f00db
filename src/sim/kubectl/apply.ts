import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { clone } from '../objects';
import type { ApiServer, Result } from '../api/server';
import type { Status } from '../api/status';
import type { ResourceType } from '../api/resources';
import { apiVersionOf, findByKind } from '../api/resources';
import { Store } from '../store/store';
import { SimClock } from '../clock';
import { Random } from '../random';
import { ApiServer as Server } from '../api/server';
import { parseManifest } from '../yaml/parse';
import type { ManifestDocument } from '../yaml/parse';
import { spanForField, spanForKind } from '../yaml/positions';
import type { LineCounter } from 'yaml';
import type { KubectlResult, ManifestDiagnostic, SourceSpan } from './types';
import { formatStatus } from './errors';
import { kindPrefix } from './resolve';
import { goJson, LAST_APPLIED, parseLastApplied, threeWayMerge, withLastApplied } from './merge';

export interface ApplyOptions {
  /** Apply all documents or none: every document is first tried on a scratch copy. */
  atomic?: boolean;
  /** `-n`: the namespace for documents that do not name one. */
  namespace?: string;
  /** `create -f` fails on existing objects instead of merging. */
  mode?: 'apply' | 'create';
}

/** Where writes go: the real cluster (recorded as `kubectl`) or a scratch copy. */
interface Target {
  api: ApiServer;
  create(obj: KubeObject): Result;
  update(obj: KubeObject): Result;
}

function realTarget(cluster: Cluster): Target {
  return {
    api: cluster.api,
    create: (obj) => cluster.userClient().create(obj, { reason: `kubectl created ${obj.kind} ${obj.metadata.name}`, code: 'record.kubectl.create', params: { kind: obj.kind, name: obj.metadata.name } }),
    update: (obj) => cluster.userClient().update(obj, { reason: `kubectl applied changes to ${obj.kind} ${obj.metadata.name}`, code: 'record.kubectl.apply', params: { kind: obj.kind, name: obj.metadata.name } }),
  };
}

/** A throwaway API server over a copy of the store, for trying a whole file first. */
function scratchTarget(cluster: Cluster): Target {
  const store = new Store();
  store.restore(cluster.store.dump());
  const clock = new SimClock(cluster.clock.tickMillis, cluster.clock.epoch);
  clock.tick = cluster.clock.tick;
  const random = new Random(0);
  random.setState(cluster.random.getState());
  const api = new Server(store, clock, random);
  return { api, create: (obj) => api.create(obj), update: (obj) => api.update(obj) };
}

interface Outcome {
  stdout: string[];
  stderr: string[];
  errors: string[];
  diagnostics: ManifestDiagnostic[];
}

function diagnosticsFor(status: Status, doc: ManifestDocument, lc: LineCounter, message: string, prefix: string): ManifestDiagnostic[] {
  const fields = (status.details?.causes ?? []).map((c) => c.field).filter((f): f is string => !!f);
  if (!fields.length) {
    // Strict decoding names its fields only in the message: `unknown field "spec.x"`.
    for (const m of status.message.matchAll(/(?:unknown|duplicate) field "([^"]+)"/g)) fields.push(m[1] as string);
  }
  if (!fields.length) return [{ severity: 'error', message, span: prefix ? spanForField(doc, lc, prefix + 'kind') : spanForKind(doc, lc) }];
  return fields.map((field) => ({ severity: 'error' as const, message, span: spanForField(doc, lc, prefix + field), field }));
}

function applyDocument(target: Target, d: ManifestDocument, lc: LineCounter, file: string, opts: ApplyOptions, out: Outcome, prefix = ''): void {
  const obj = d.object as KubeObject;
  const at = (field: string) => spanForField(d, lc, prefix + field);
  const fail = (text: string, span: SourceSpan = prefix ? at('kind') : spanForKind(d, lc), extra?: ManifestDiagnostic[]) => {
    out.errors.push(text);
    out.diagnostics.push(...(extra ?? [{ severity: 'error', message: text.replace(/^error: /, ''), span }]));
  };
  if (typeof obj.kind !== 'string' || !obj.kind || typeof obj.apiVersion !== 'string' || !obj.apiVersion) {
    const missing = !obj.kind ? 'Kind' : 'apiVersion';
    const span = missing === 'Kind' ? { document: d.index, line: d.startLine, column: 1, endLine: d.startLine, endColumn: 2 } : spanForKind(d, lc);
    return fail(`error: unable to decode "${file}": Object '${missing}' is missing in '${goJson(obj)}'`, span);
  }
  const meta = (obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {}) as KubeObject['metadata'];
  const t: ResourceType | undefined = findByKind(obj.apiVersion, obj.kind);
  if (!t)
    return fail(
      `error: resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${file}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
      at('apiVersion'),
    );
  const manifest = clone(obj);
  manifest.metadata = { ...meta };
  if (t.namespaced) {
    if (meta.namespace && opts.namespace && meta.namespace !== opts.namespace)
      return fail(
        `error: the namespace from the provided object "${meta.namespace}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${meta.namespace}' to perform this operation.`,
        at('metadata.namespace'),
      );
    manifest.metadata.namespace = meta.namespace || opts.namespace || 'default';
  }
  const typeName = kindPrefix(t);
  const apiFail = (status: Status, verb: string) => {
    const text = formatStatus(status, { verb, file });
    fail(text, undefined, diagnosticsFor(status, d, lc, text, prefix));
  };
  if (!t.simulated) {
    return apiFail(
      { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotImplemented', code: 501, message: `${t.kind} (${apiVersionOf(t)}) is served by Kubernetes but not simulated by Kube Orchestra yet` },
      'creating',
    );
  }
  const name = manifest.metadata.name;
  const existing = name ? target.api.get(t, manifest.metadata.namespace, name) : undefined;
  if (opts.mode === 'create' || !existing?.ok) {
    const res = target.create(opts.mode === 'create' ? manifest : withLastApplied(manifest));
    if (!res.ok) return apiFail(res.status, 'creating');
    out.stdout.push(`${typeName}/${res.object.metadata.name} created`);
    return;
  }
  const live = existing.object;
  const original = parseLastApplied(live);
  if (original === undefined)
    out.stderr.push(
      `Warning: resource ${t.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  const modified = withLastApplied(manifest);
  const merged = threeWayMerge(original, modified, live) as KubeObject;
  if (goJson(merged) === goJson(live)) {
    out.stdout.push(`${typeName}/${name} unchanged`);
    return;
  }
  const res = target.update(merged);
  if (!res.ok) return apiFail(res.status, 'patching');
  out.stdout.push(`${typeName}/${name} configured`);
}

function run(target: Target, text: string, file: string, opts: ApplyOptions): Outcome {
  const out: Outcome = { stdout: [], stderr: [], errors: [], diagnostics: [] };
  const { documents, lineCounter } = parseManifest(text);
  for (const d of documents) {
    if (d.error) {
      const e = d.error;
      out.errors.push(`error: error parsing ${file}: error converting YAML to JSON: yaml: line ${e.docLine}: ${e.message}`);
      out.diagnostics.push({
        severity: 'error',
        message: `yaml: line ${e.docLine}: ${e.message}`,
        span: { document: d.index, line: e.line, column: e.column, endLine: e.endLine, endColumn: Math.max(e.endColumn, e.column + 1) },
      });
      // kubectl's stream decoder cannot resync after a syntax error: later documents are not read.
      break;
    }
    if (!d.object) continue;
    if (d.object.kind === 'List' && Array.isArray(d.object.items)) {
      (d.object.items as unknown[]).forEach((item, i) =>
        applyDocument(target, { ...d, object: item as Record<string, unknown> }, lineCounter, file, opts, out, `items[${i}].`),
      );
      continue;
    }
    applyDocument(target, d, lineCounter, file, opts, out);
  }
  return out;
}

function result(out: Outcome): KubectlResult {
  const res: KubectlResult = {
    stdout: out.stdout.map((l) => l + '\n').join(''),
    stderr: [...out.stderr, ...out.errors].map((l) => l + '\n').join(''),
    exitCode: out.errors.length ? 1 : 0,
  };
  if (out.diagnostics.length) res.diagnostics = out.diagnostics;
  return res;
}

/**
 * Applies a text to a scratch copy of the cluster only (like `--dry-run=server`): the
 * outcome, and the scratch API server holding what the objects would become (for `diff`).
 */
export function dryRunApply(cluster: Cluster, text: string, fileName: string, opts: ApplyOptions = {}): { result: KubectlResult; api: ApiServer } {
  const target = scratchTarget(cluster);
  return { result: result(run(target, text, fileName, opts)), api: target.api };
}

/**
 * `kubectl apply -f` on a text. Without `atomic`, like kubectl: every document is tried
 * and each failure reported. With `atomic` (the editor's Apply): the whole file is first
 * applied to a scratch copy of the cluster, and the real cluster is only touched when every
 * document succeeded there — a rejected manifest changes nothing.
 */
export function applyManifest(cluster: Cluster, text: string, fileName: string, opts: ApplyOptions = {}): KubectlResult {
  if (opts.atomic) {
    const trial = run(scratchTarget(cluster), text, fileName, opts);
    if (trial.errors.length) return result(trial);
  }
  return result(run(realTarget(cluster), text, fileName, opts));
}
