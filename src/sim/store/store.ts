import type { KubeObject } from '../objects';
import { keyOf } from '../objects';
import type { LabelSelectorLike } from './labels';
import { matchesSelector } from './labels';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change to the store. `resource` is `plural` or `plural.group` (e.g. `deployments.apps`). */
export interface WatchEvent {
  type: WatchEventType;
  resource: string;
  object: KubeObject;
  /** The object before a MODIFIED change. */
  oldObject?: KubeObject;
  resourceVersion: number;
}

export type StoreErrorReason = 'NotFound' | 'AlreadyExists' | 'Conflict';

export class StoreError extends Error {
  constructor(
    public readonly reason: StoreErrorReason,
    public readonly resource: string,
    public readonly objectName: string,
  ) {
    super(`${reason}: ${resource} ${objectName}`);
  }
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: LabelSelectorLike;
  fieldFilter?: (obj: KubeObject) => boolean;
}

/**
 * The etcd of the sim: one global resourceVersion counter, objects by resource and key,
 * optimistic concurrency, and an append-only change log that the cluster drains each tick.
 * It stores what it is given and never validates: that is the API server's job.
 */
export class Store {
  private readonly data = new Map<string, Map<string, KubeObject>>();
  private revision = 0;
  private log: WatchEvent[] = [];
  private readonly listeners = new Set<(event: WatchEvent) => void>();

  get resourceVersion(): number {
    return this.revision;
  }

  private bucket(resource: string): Map<string, KubeObject> {
    let b = this.data.get(resource);
    if (!b) {
      b = new Map();
      this.data.set(resource, b);
    }
    return b;
  }

  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined {
    return this.data.get(resource)?.get(namespace ? `${namespace}/${name}` : name) as T | undefined;
  }

  list<T extends KubeObject = KubeObject>(resource: string, opts: ListOptions = {}): T[] {
    const b = this.data.get(resource);
    if (!b) return [];
    const out: T[] = [];
    for (const obj of b.values()) {
      if (opts.namespace !== undefined && obj.metadata.namespace !== opts.namespace) continue;
      if (opts.labelSelector && !matchesSelector(opts.labelSelector, obj.metadata.labels)) continue;
      if (opts.fieldFilter && !opts.fieldFilter(obj)) continue;
      out.push(obj as T);
    }
    return out;
  }

  count(resource: string): number {
    return this.data.get(resource)?.size ?? 0;
  }

  resources(): string[] {
    return [...this.data.keys()];
  }

  create<T extends KubeObject>(resource: string, obj: T): T {
    const key = keyOf(obj);
    const b = this.bucket(resource);
    if (b.has(key)) throw new StoreError('AlreadyExists', resource, obj.metadata.name);
    const stored = this.stamp(obj);
    b.set(key, stored);
    this.emit({ type: 'ADDED', resource, object: stored, resourceVersion: this.revision });
    return stored;
  }

  /**
   * Replaces an object. When `obj.metadata.resourceVersion` is set it must equal the stored
   * one (optimistic concurrency); an empty one means "whatever is there".
   */
  update<T extends KubeObject>(resource: string, obj: T): T {
    const key = keyOf(obj);
    const b = this.bucket(resource);
    const old = b.get(key);
    if (!old) throw new StoreError('NotFound', resource, obj.metadata.name);
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw new StoreError('Conflict', resource, obj.metadata.name);
    const stored = this.stamp(obj);
    b.set(key, stored);
    this.emit({ type: 'MODIFIED', resource, object: stored, oldObject: old, resourceVersion: this.revision });
    return stored;
  }

  delete(resource: string, namespace: string | undefined, name: string): KubeObject {
    const b = this.bucket(resource);
    const key = namespace ? `${namespace}/${name}` : name;
    const old = b.get(key);
    if (!old) throw new StoreError('NotFound', resource, name);
    b.delete(key);
    this.revision++;
    // A deleted object is reported with the revision of its deletion, as etcd watches do.
    const tomb = { ...old, metadata: { ...old.metadata, resourceVersion: String(this.revision) } };
    this.emit({ type: 'DELETED', resource, object: tomb, resourceVersion: this.revision });
    return tomb;
  }

  /** Listeners see every change synchronously (the cluster uses this to feed controllers). */
  subscribe(listener: (event: WatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Returns and forgets the changes since the last drain. */
  drainLog(): WatchEvent[] {
    const out = this.log;
    this.log = [];
    return out;
  }

  /** Every object, for export. Order is insertion order per resource, which is deterministic. */
  dump(): { resourceVersion: number; objects: Record<string, KubeObject[]> } {
    const objects: Record<string, KubeObject[]> = {};
    for (const [resource, b] of this.data) if (b.size) objects[resource] = [...b.values()];
    return { resourceVersion: this.revision, objects };
  }

  /** Replaces everything with a dump, emitting nothing (a restore is not a change). */
  restore(dump: { resourceVersion: number; objects: Record<string, KubeObject[]> }): void {
    this.data.clear();
    for (const [resource, objs] of Object.entries(dump.objects)) {
      const b = this.bucket(resource);
      for (const o of objs) b.set(keyOf(o), o);
    }
    this.revision = dump.resourceVersion;
    this.log = [];
  }

  private stamp<T extends KubeObject>(obj: T): T {
    this.revision++;
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.revision) } };
  }

  private emit(event: WatchEvent): void {
    this.log.push(event);
    for (const l of this.listeners) l(event);
  }
}
