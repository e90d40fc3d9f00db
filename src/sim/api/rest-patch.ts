/**
 * The PATCH bodies kube-apiserver accepts: JSON merge patch (RFC 7386), JSON patch (RFC 6902)
 * and a strategic merge patch that merges lists of keyed items (containers and env by `name`,
 * ports by `containerPort` ...: the keys in mergekeys.ts, which kubectl apply uses too).
 */
import { jsonEqual } from '../objects';
import { sharedMergeKey } from './mergekeys';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  const key = Array.isArray(patch) && Array.isArray(target) ? sharedMergeKey(patch, target) : undefined;
  if (key !== undefined) {
    const out = [...(target as Record<string, Json>[])];
    for (const item of patch as Record<string, Json>[]) {
      const i = out.findIndex((x) => x[key] === item[key]);
      if (item['$patch'] === 'delete') {
        if (i >= 0) out.splice(i, 1);
      } else if (i >= 0) out[i] = strategicMergePatch(out[i], item) as Record<string, Json>;
      else out.push(item);
    }
    return out;
  }
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = strategicMergePatch(out[k], v);
  }
  return out;
}

export interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export class PatchError extends Error {}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`invalid JSON pointer: "${path}"`);
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: unknown, parts: string[]): unknown {
  let cur: unknown = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isObject(cur)) cur = cur[p];
    else return undefined;
  }
  return cur;
}

function parentOf(doc: unknown, parts: string[], path: string): { parent: Record<string, unknown> | unknown[]; key: string } {
  const parent = getAt(doc, parts.slice(0, -1));
  if (!isObject(parent) && !Array.isArray(parent)) throw new PatchError(`doc is missing path: "${path}"`);
  return { parent: parent as Record<string, unknown> | unknown[], key: parts[parts.length - 1] as string };
}

/** RFC 6902 on a private copy of `doc`. Error texts follow evanphx/json-patch, which kube uses. */
export function jsonPatch(doc: unknown, ops: JsonPatchOp[]): unknown {
  let out: unknown = structuredClone(doc);
  for (const op of ops) {
    const parts = pointer(op.path);
    if (parts.length === 0) {
      if (op.op === 'replace' || op.op === 'add') out = structuredClone(op.value);
      continue;
    }
    const value = op.op === 'move' || op.op === 'copy' ? structuredClone(getAt(out, pointer(op.from ?? ''))) : structuredClone(op.value);
    if (op.op === 'move') {
      const src = parentOf(out, pointer(op.from ?? ''), op.from ?? '');
      if (Array.isArray(src.parent)) src.parent.splice(Number(src.key), 1);
      else delete src.parent[src.key];
    }
    const { parent, key } = parentOf(out, parts, op.path);
    switch (op.op) {
      case 'test':
        // RFC 6902: objects are equal when their members are, whatever their order.
        if (!jsonEqual(getAt(out, parts), op.value)) throw new PatchError(`testing value ${op.path} failed: test failed`);
        break;
      case 'remove':
        if (Array.isArray(parent)) {
          if (Number(key) >= parent.length) throw new PatchError(`unable to remove nonexistent key: ${key}: missing value`);
          parent.splice(Number(key), 1);
        } else {
          if (!(key in parent)) throw new PatchError(`unable to remove nonexistent key: ${key}: missing value`);
          delete parent[key];
        }
        break;
      case 'replace':
        if (Array.isArray(parent)) parent[Number(key)] = value;
        else {
          if (!(key in parent)) throw new PatchError(`replace operation does not apply: doc is missing key: ${op.path}: missing value`);
          parent[key] = value;
        }
        break;
      default:
        if (Array.isArray(parent)) parent.splice(key === '-' ? parent.length : Number(key), 0, value);
        else parent[key] = value;
    }
  }
  return out;
}
