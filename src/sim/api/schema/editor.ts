import type { JsonSchema } from './index';
import { SCHEMAS } from './index';

export interface EditorSchema {
  uri: string;
  fileMatch: string[];
  schema: Record<string, unknown>;
}

export const EDITOR_SCHEMA_URI = 'https://kube-orchestra.local/schemas/kubernetes.json';

/**
 * What monaco-yaml's `schemas` option takes: one combined schema for every kind, so one YAML
 * file (or one `---`-separated document each) may hold any kind. Each kind applies by
 * `if apiVersion+kind then $ref`; the top-level enums give completion for the two
 * discriminators while the document is still empty.
 */
export function editorSchemas(): EditorSchema[] {
  const kinds = Object.entries(SCHEMAS.kinds).map(([key, ref]) => {
    const i = key.lastIndexOf('/');
    return { apiVersion: key.slice(0, i), kind: key.slice(i + 1), ref };
  });
  const branches: JsonSchema[] = kinds.map(({ apiVersion, kind, ref }) => ({
    if: { properties: { apiVersion: { const: apiVersion }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
    then: ref,
  }));
  const schema: Record<string, unknown> = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(kinds.map((k) => k.apiVersion))] },
      kind: { type: 'string', enum: [...new Set(kinds.map((k) => k.kind))] },
    },
    allOf: branches,
    definitions: SCHEMAS.definitions,
  };
  return [{ uri: EDITOR_SCHEMA_URI, fileMatch: ['*'], schema }];
}
