import type { KubeObject } from '../objects';
import type { ResourceType } from './resources';
import type { Status, StatusCause } from './status';
import { badRequest } from './status';
import type { JsonSchema } from './schema/index';
import { SCHEMAS, deref, refName, schemaFor } from './schema/index';
import { QUANTITY_REGEX_MSG, isQuantity } from '../quantity';
import { byteFieldsError } from './base64';

export type DecodeResult = { ok: true; object: KubeObject; warnings?: string[] } | { ok: false; status: Status };

/** Go integer fields that are int64 (the rest of the numeric fields the sim meets are int32). */
const INT64_FIELDS = new Set([
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'runAsUser',
  'runAsGroup',
  'fsGroup',
  'tolerationSeconds',
  'expirationSeconds',
  'deletionGracePeriodSeconds',
  'generation',
  'observedGeneration',
  'startingDeadlineSeconds',
  'supplementalGroups',
]);

interface Walk {
  unknown: string[];
  typeError?: string;
}

/** The JSON type name encoding/json uses in `cannot unmarshal <kind> into ...`. */
export function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

function types(s: JsonSchema): string[] {
  return s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
}

/** The Go type encoding/json names in `cannot unmarshal ... of type T`. */
function goType(s: JsonSchema, field: string): string {
  if (s.$ref) {
    const name = refName(s.$ref);
    if (name === 'Quantity') return 'resource.Quantity';
    if (name === 'Time' || name === 'MicroTime') return `v1.${name}`;
    const target = deref(s);
    if (!target.properties && target.type !== 'object') return goType({ ...target, $ref: undefined }, field);
    return `v1.${name}`;
  }
  const t = types(s);
  if (t.includes('number') && t.includes('string')) return 'intstr.IntOrString';
  if (t.includes('array')) return `[]${goType(s.items ?? {}, field)}`;
  if (t.includes('object')) return typeof s.additionalProperties === 'object' ? `map[string]${goType(s.additionalProperties, field)}` : 'map[string]interface {}';
  if (t.includes('boolean')) return 'bool';
  if (t.includes('number')) return INT64_FIELDS.has(field) ? 'int64' : 'int32';
  return 'string';
}

/**
 * Decodes `v` against `s` into a fresh value: unknown fields are collected (and dropped),
 * `null` becomes absent (Go decodes null as the zero value), and the first JSON type error
 * is kept, as encoding/json reports only its first.
 */
function walk(v: unknown, s: JsonSchema, path: string, goPath: string, struct: string, field: string, w: Walk): unknown {
  if (v === null || v === undefined) return undefined;
  const isRef = !!s.$ref;
  const name = isRef ? refName(s.$ref as string) : undefined;
  const target = isRef ? deref(s) : s;
  if (name === 'Quantity') {
    // Quantities serialize as strings: `cpu: 1` reads back as "1", `cpu: 0.5` as "500m".
    if (typeof v === 'number' && isQuantity(v)) return Number.isInteger(v) ? String(v) : `${Math.round(v * 1000)}m`;
    if (isQuantity(v)) return v;
    if (!w.typeError) w.typeError = QUANTITY_REGEX_MSG;
    return undefined;
  }
  const t = types(target);
  if (t.length === 0) return v;
  const kind = jsonKind(v);
  if (kind === 'object' && t.includes('object')) {
    const obj = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const props = target.properties;
    const extra = target.additionalProperties;
    const childStruct = name ?? struct;
    for (const key of Object.keys(obj)) {
      const child = props?.[key];
      const childPath = path ? `${path}.${key}` : key;
      if (child) {
        const dv = walk(obj[key], child, childPath, goPath ? `${goPath}.${key}` : key, childStruct, key, w);
        if (dv !== undefined) out[key] = dv;
      } else if (typeof extra === 'object') {
        const dv = walk(obj[key], extra, childPath, goPath, struct, field, w);
        if (dv !== undefined) out[key] = dv;
      } else if (extra === false && props) {
        w.unknown.push(childPath);
      } else {
        out[key] = obj[key];
      }
    }
    return out;
  }
  if (kind === 'array' && t.includes('array')) {
    const items = target.items ?? {};
    return (v as unknown[]).map((x, i) => walk(x, items, `${path}[${i}]`, goPath, struct, field, w) ?? null);
  }
  if (kind === 'string' && t.includes('string')) return v;
  if (kind === 'bool' && t.includes('boolean')) return v;
  if (kind === 'number' && t.includes('number')) {
    if (!t.includes('string') && !Number.isInteger(v)) {
      if (!w.typeError) w.typeError = `json: cannot unmarshal number ${String(v)} into Go struct field ${struct}.${goPath} of type ${goType(target, field)}`;
      return undefined;
    }
    return v;
  }
  if (!w.typeError) w.typeError = `json: cannot unmarshal ${kind} into Go struct field ${struct}.${goPath} of type ${goType(s, field)}`;
  return undefined;
}

export interface DecodeOptions {
  /** Skip the schema walk: for the sim's own controllers, whose writes are built from decoded objects. */
  trusted?: boolean;
}

/**
 * Strict decoding against the Kubernetes schema: unknown fields and wrong types are
 * rejected with kube-apiserver's `strict decoding error` / `json: cannot unmarshal` messages
 * (400 BadRequest). `Warn` and `Ignore` drop unknown fields (Warn also returns them as
 * warnings), as `?fieldValidation=` does. Kinds without a schema pass through unchanged.
 *
 * kube-apiserver's BadRequest carries no `details.causes`; the sim adds one cause per
 * unknown field (reason `FieldValueInvalid`, the field path in `field`) so the editor can
 * mark the offending line. The message is kube's, word for word.
 */
export function decodeStrict(t: ResourceType, obj: KubeObject, mode: 'Strict' | 'Warn' | 'Ignore', opts: DecodeOptions = {}): DecodeResult {
  if (opts.trusted) return { ok: true, object: obj };
  const root = schemaFor(obj.apiVersion, obj.kind);
  if (!root) return { ok: true, object: obj };
  const w: Walk = { unknown: [] };
  const rootName = root.$ref ? refName(root.$ref) : t.kind;
  const decoded = walk(obj, root, '', '', rootName, '', w) as KubeObject;
  const prefix = `${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: `;
  if (w.typeError) return { ok: false, status: badRequest(prefix + w.typeError) };
  const byteError = byteFieldsError(t.kind, decoded);
  if (byteError) return { ok: false, status: badRequest(prefix + byteError) };
  if (w.unknown.length) {
    const each = w.unknown.map((f) => `unknown field "${f}"`);
    if (mode === 'Strict') {
      const causes: StatusCause[] = w.unknown.map((f) => ({ reason: 'FieldValueInvalid', message: `unknown field "${f}"`, field: f }));
      return { ok: false, status: badRequest(`${prefix}strict decoding error: ${each.join(', ')}`, causes) };
    }
    if (mode === 'Warn') return { ok: true, object: decoded, warnings: each };
  }
  return { ok: true, object: decoded };
}

/** For tests and tools: whether a kind has a schema at all. */
export function hasSchema(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in SCHEMAS.kinds;
}
