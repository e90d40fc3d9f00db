import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

/**
 * Any Kubernetes object as stored: real Kubernetes JSON. Specific kinds narrow this with
 * the `kubernetes-types` interfaces (Pod, Node, Namespace ...).
 *
 * Stored objects are treated as immutable: whoever wants to change one clones it first
 * (see `clone`), so the store can hand out references without copying on every read.
 */
/** kubernetes-types marks server-set fields readonly; the server is us, so we may set them. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type Meta = Mutable<ObjectMeta> & { name: string };

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

/** Identifies one object: what a work queue holds and what records point at. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export function refOf(obj: KubeObject): ObjectRef {
  const ref: ObjectRef = { kind: obj.kind, name: obj.metadata.name };
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  return ref;
}

/** `namespace/name` or `name`, the client-go cache key shape. */
export function keyOf(obj: { metadata: { namespace?: string; name: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Whether two JSON values serialize to the same object: a key holding `undefined` counts as
 * absent, key order does not matter (the apiserver compares decoded objects, not key order).
 * Stops at the first difference, and shared subtrees compare by reference, so the write
 * path's "did anything change" check costs far less than stringifying both sides.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const k of Object.keys(x)) {
    if (x[k] === undefined) continue;
    defined++;
    if (!jsonEqual(x[k], y[k])) return false;
  }
  for (const k of Object.keys(y)) if (y[k] !== undefined) defined--;
  return defined === 0;
}

export function ownerRefTo(owner: KubeObject, controller = true): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller,
    blockOwnerDeletion: true,
  };
}
