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
