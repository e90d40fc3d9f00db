import { stringify } from 'yaml';
import type { KubeObject } from '../../objects';

/**
 * kubectl prints objects it decoded as unstructured maps, and Go marshals maps with sorted
 * keys: so `-o json` and `-o yaml` list every object's fields alphabetically.
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** `-o json`: Go's json.MarshalIndent with four spaces. */
export function toJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4) + '\n';
}

/** `-o yaml`: go-yaml v2's layout (sequences not indented under their key). */
export function toYaml(value: unknown): string {
  return stringify(sortKeys(value), { indentSeq: false, version: '1.1' });
}

/** What kubectl prints for several objects of one request: a `List`. */
export function listOf(items: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** `-o name`: `pod/web`, `deployment.apps/web`. */
export function nameOf(obj: KubeObject, group: string): string {
  return `${obj.kind.toLowerCase()}${group ? `.${group}` : ''}/${obj.metadata.name}`;
}
