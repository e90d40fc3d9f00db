import type { ResourceType } from '../api/resources';
import type { KubeObject } from '../objects';
import { KubectlError, usage } from './errors';
import { jsonPathValues } from './printers/jsonpath';
import { table } from './tabwriter';

/**
 * `kubectl get` options that reshape a listing: `--field-selector` (evaluated as
 * kube-apiserver's per-kind field label conversions do), `-o custom-columns=...` and
 * `--sort-by=<jsonpath>`.
 */

type Fields = (o: Record<string, unknown>) => Record<string, string>;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const at = (o: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
const pick = (o: Record<string, unknown>, paths: string[]): Record<string, string> => Object.fromEntries(paths.map((p) => [p, str(at(o, p))]));

/**
 * The kinds whose registry adds fields beyond metadata.name/namespace (pkg/registry/.../strategy.go
 * ToSelectableFields). Kinds listed here reject an unknown label with `field label not supported`;
 * every other kind answers with the generic "is not a known field selector" text.
 */
const SELECTABLE: Record<string, Fields> = {
  Pod: (o) => {
    const ips = (at(o, 'status.podIPs') as { ip?: string }[] | undefined) ?? [];
    return {
      ...pick(o, ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'status.phase', 'status.nominatedNodeName']),
      'spec.hostNetwork': at(o, 'spec.hostNetwork') === true ? 'true' : 'false',
      'status.podIP': str(at(o, 'status.podIP') ?? ips[0]?.ip),
      'status.podIPs': str(ips[0]?.ip ?? at(o, 'status.podIP')),
    };
  },
  Event: (o) => ({
    ...pick(o, ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'type']),
    source: str(at(o, 'source.component')),
  }),
  Node: (o) => ({ 'spec.unschedulable': at(o, 'spec.unschedulable') === true ? 'true' : 'false' }),
  Namespace: (o) => pick(o, ['status.phase']),
  Secret: (o) => pick(o, ['type']),
  Service: (o) => pick(o, ['spec.clusterIP', 'spec.type']),
  ReplicationController: (o) => pick(o, ['status.replicas']),
  ReplicaSet: (o) => pick(o, ['status.replicas']),
  Job: (o) => pick(o, ['status.successful']),
};

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** fields.ParseSelector: comma-joined `key=value`, `key==value`, `key!=value` terms. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  for (const term of text.split(',').map((t) => t.trim())) {
    if (!term) continue;
    const m = /^([^=!]+?)\s*(!=|==|=)\s*(.*)$/.exec(term);
    if (!m) throw usage(`invalid selector: '${text}'; can't understand '${term}'`);
    out.push({ field: (m[1] as string).trim(), op: m[2] === '!=' ? '!=' : '=', value: (m[3] as string).trim() });
  }
  return out;
}

/** The GroupVersionResource as kubectl's EnhanceListError prints it: `/v1, Resource=pods`. */
function gvr(t: ResourceType): string {
  return `${t.group}/${t.version}, Resource=${t.plural}`;
}

/**
 * Checks every field against the kind's selectable fields, as kube-apiserver's conversion
 * does before listing; an unknown one is the BadRequest kubectl wraps in "Unable to find".
 */
export function checkFieldSelector(t: ResourceType, reqs: FieldRequirement[], labelSelector: string, fieldSelector: string): void {
  const extra = SELECTABLE[t.kind];
  const known = new Set(['metadata.name', 'metadata.namespace', ...Object.keys(extra?.({}) ?? {})]);
  for (const r of reqs) {
    if (known.has(r.field)) continue;
    const why = extra ? `field label not supported: ${r.field}` : `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
    throw new KubectlError(`Error from server (BadRequest): Unable to find "${gvr(t)}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${why}`);
  }
}

export function matchesFields(t: ResourceType, obj: KubeObject, reqs: FieldRequirement[]): boolean {
  if (!reqs.length) return true;
  const o = obj as unknown as Record<string, unknown>;
  const fields: Record<string, string> = { 'metadata.name': obj.metadata.name, 'metadata.namespace': t.namespaced ? (obj.metadata.namespace ?? '') : '', ...(SELECTABLE[t.kind]?.(o) ?? {}) };
  return reqs.every((r) => ((fields[r.field] ?? '') === r.value) === (r.op === '='));
}

/** kubectl's RelaxedJSONPathExpression: `.a.b`, `a.b`, `{.a.b}` and `{a.b}` all mean `.a.b`. */
function relaxed(expr: string): string {
  const m = /^\{?(\.?[^{}]*)\}?$/.exec(expr.trim());
  if (!m) throw usage(`unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`);
  const path = (m[1] as string).trim();
  return path.startsWith('.') ? path : `.${path}`;
}

/**
 * kubectl's SortingPrinter: a stable sort on the first value the path finds; numbers compare as
 * numbers, RFC 3339 timestamps as times (which sort like strings), and objects missing the
 * field come first.
 */
export function sortBy(objects: KubeObject[], expr: string): KubeObject[] {
  const path = relaxed(expr);
  const keyed = objects.map((o, i) => ({ o, i, v: jsonPathValues(path, o)[0] }));
  const cmp = (a: unknown, b: unknown): number => {
    if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
    const sa = typeof a === 'string' ? a : JSON.stringify(a);
    const sb = typeof b === 'string' ? b : JSON.stringify(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  };
  return keyed.sort((a, b) => cmp(a.v, b.v) || a.i - b.i).map((k) => k.o);
}

export interface Column {
  header: string;
  path: string;
}

/** `-o custom-columns=NAME:.metadata.name,NODE:{.spec.nodeName}`. */
export function parseCustomColumns(spec: string): Column[] {
  if (!spec) throw usage('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw usage(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), path: relaxed(part.slice(i + 1)) };
  });
}

/** Go's %v for a JSON value: what kubectl prints for a non-string cell. */
function goValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (v && typeof v === 'object')
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`)
      .join(' ')}]`;
  return String(v);
}

/** One row per object; several results in a cell are comma-joined, none is `<none>`. */
export function renderCustomColumns(columns: Column[], objects: KubeObject[], noHeaders: boolean): string {
  const rows = objects.map((o) =>
    columns.map((c) => {
      const vs = jsonPathValues(c.path, o).filter((v) => v !== undefined && v !== null);
      return vs.length ? vs.map(goValue).join(',') : '<none>';
    }),
  );
  return table(noHeaders ? rows : [columns.map((c) => c.header), ...rows]);
}
