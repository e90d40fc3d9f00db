import type { JsonSchema } from '../api/schema/index';
import { deref, refName, schemaFor } from '../api/schema/index';
import { apiVersionOf } from '../api/resources';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { usage } from './errors';
import { resolveType } from './resolve';
import type { KubectlResult } from './types';

/** Types OpenAPI v3 describes as plain strings, which kubectl explain prints as `<string>`. */
const STRING_REFS = new Set(['Time', 'MicroTime']);

/** kubectl explain's type label: `<string>`, `<[]Container>`, `<map[string]string>`, `<ObjectMeta>`, `<IntOrString>`. */
function typeLabel(s: JsonSchema): string {
  if (s.$ref) {
    const name = refName(s.$ref);
    if (STRING_REFS.has(name)) return 'string';
    return name;
  }
  const types = (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []).filter((t) => t !== 'null');
  if (types.includes('number') && types.includes('string')) return 'IntOrString';
  const t = types[0];
  if (t === 'array') return `[]${s.items ? typeLabel(s.items) : 'Object'}`;
  if (t === 'object') {
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return `map[string]${typeLabel(s.additionalProperties)}`;
    return 'Object';
  }
  if (t === 'number') return 'integer';
  return t ?? 'Object';
}

/** Word-wraps `text` to 80 columns with `indent` spaces before every line, as kubectl's template does. */
function wrap(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && pad.length + line.length + 1 + word.length > 80) {
        out.push(pad + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line ? pad + line : '');
  }
  return out.join('\n') + '\n';
}

/** The object schema a field leads into (through `$ref`s and array items), for its sub-fields. */
function fieldsOf(s: JsonSchema): JsonSchema {
  let cur = deref(s);
  for (let i = 0; cur.items && i < 4; i++) cur = deref(cur.items);
  return cur;
}

function recursiveFields(s: JsonSchema, indent: number, seen: string[]): string {
  const obj = fieldsOf(s);
  const required = obj.required ?? [];
  let out = '';
  for (const [name, f] of Object.entries(obj.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    out += `${' '.repeat(indent)}${name}\t<${typeLabel(f)}>${required.includes(name) ? ' -required-' : ''}\n`;
    const ref = fieldsOf(f).properties ? (f.$ref ?? f.items?.$ref ?? '') : '';
    // Recursive types (JSONSchemaProps) would never end: kubectl stops at a type it is already inside.
    if (ref && !seen.includes(ref)) out += recursiveFields(f, indent + 2, [...seen, ref]);
  }
  return out;
}

/**
 * `kubectl explain TYPE[.field.path] [--recursive] [--api-version=G/V]`: the field
 * documentation from the shipped OpenAPI-derived schemas, in kubectl's plaintext layout.
 */
export function runExplain(args: Args): KubectlResult {
  const [target, ...extra] = args.positional;
  if (!target) throw usage('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
  if (extra.length) throw usage('We accept only this format: explain RESOURCE');
  const [typeName, ...path] = target.split('.').filter((p, i) => i === 0 || p !== '');
  const t = resolveType(typeName as string);
  const apiVersion = flag(args, 'api-version') ?? apiVersionOf(t);
  const root = schemaFor(apiVersion, t.kind);
  if (!root) throw usage(`couldn't find resource for "${apiVersion}, Kind=${t.kind}"`);
  let schema = root;
  let field: { name: string; schema: JsonSchema; required: boolean } | undefined;
  for (const name of path) {
    const obj = fieldsOf(schema);
    const next = obj.properties?.[name];
    if (!next) throw usage(`field "${name}" does not exist`);
    field = { name, schema: next, required: (obj.required ?? []).includes(name) };
    schema = next;
  }
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  let out = `GROUP:      ${t.group}\nKIND:       ${t.kind}\nVERSION:    ${version}\n\n`;
  if (!t.group) out = `KIND:       ${t.kind}\nVERSION:    ${version}\n\n`;
  if (field) out += `FIELD: ${field.name} <${typeLabel(field.schema)}>${field.required ? ' -required-' : ''}\n\n`;
  const description = field ? (field.schema.description ?? deref(field.schema).description) : deref(root).description;
  out += `DESCRIPTION:\n${wrap(description || '<empty>', 4)}    \n`;
  const obj = fieldsOf(schema);
  if (!obj.properties) return { stdout: out, stderr: '', exitCode: 0 };
  out += 'FIELDS:\n';
  if (bool(args, 'recursive')) out += recursiveFields(schema, 2, [schema.$ref ?? '']);
  else {
    const required = obj.required ?? [];
    out += Object.entries(obj.properties)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, f]) => `  ${name}\t<${typeLabel(f)}>${required.includes(name) ? ' -required-' : ''}\n${wrap(f.description ?? deref(f).description ?? '<no description>', 4)}`)
      .join('\n');
  }
  return { stdout: out + '\n', stderr: '', exitCode: 0 };
}
