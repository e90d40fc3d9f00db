import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Controller, ReconcileContext, ReconcileResult, Watch } from './types';
import type { KubeObject } from '../objects';
import { jsonEqual } from '../objects';
import type { Store, WatchEvent } from '../store/store';
import { findByKind, storageKey } from '../api/resources';

/**
 * Work-queue keys are `<resource>/<namespace>/<name>` (namespace empty for cluster-scoped
 * objects), because the collector works across every resource type at once.
 */
export function gcKey(resource: string, namespace: string | undefined, name: string): string {
  return `${resource}/${namespace ?? ''}/${name}`;
}

function parseKey(key: string): { resource: string; namespace: string | undefined; name: string } {
  const [resource = '', ns = '', ...rest] = key.split('/');
  return { resource, namespace: ns || undefined, name: rest.join('/') };
}

/** Where an owner reference points, seen from a dependent in `namespace`. */
function ownerKey(ref: OwnerReference, namespace: string | undefined): string | undefined {
  const t = findByKind(ref.apiVersion, ref.kind);
  if (!t) return undefined;
  return gcKey(storageKey(t), t.namespaced ? namespace : undefined, ref.name);
}

function ownerObject(store: Store, ref: OwnerReference, namespace: string | undefined): KubeObject | undefined {
  const key = ownerKey(ref, namespace);
  if (!key) return undefined;
  const { resource, namespace: ns, name } = parseKey(key);
  const o = store.get(resource, ns, name);
  // Same name, other uid: the owner was deleted and recreated; the reference is dangling.
  return o && o.metadata.uid === ref.uid ? o : undefined;
}

const finalizersOf = (o: KubeObject) => o.metadata.finalizers ?? [];

/**
 * A status or spec write that leaves owner references, finalizers and deletion alone: the
 * collector's answer for the object cannot have changed (an owner going away wakes its
 * dependents itself), so the flood of pod status writes at scale is not re-checked.
 */
function ownershipUnchanged(ev: WatchEvent): boolean {
  const old = ev.oldObject;
  if (ev.type !== 'MODIFIED' || !old) return false;
  const a = old.metadata;
  const b = ev.object.metadata;
  return !a.deletionTimestamp && !b.deletionTimestamp && jsonEqual(a.ownerReferences, b.ownerReferences) && jsonEqual(a.finalizers, b.finalizers);
}

/**
 * The dependents graph, kept from watch events instead of scanning every object each tick:
 * owner uid → dependent keys, and dependent key → the owner uids it named last time.
 */
class OwnerIndex {
  private readonly dependents = new Map<string, Set<string>>();
  private readonly owners = new Map<string, string[]>();
  private built = false;

  /** First use after creation or a restore: read the store once. */
  ensure(store: Store): void {
    if (this.built) return;
    this.built = true;
    for (const resource of store.resources())
      for (const o of store.list(resource)) this.observe(resource, o, false);
  }

  observe(resource: string, o: KubeObject, deleted: boolean): void {
    const key = gcKey(resource, o.metadata.namespace, o.metadata.name);
    for (const uid of this.owners.get(key) ?? []) this.dependents.get(uid)?.delete(key);
    this.owners.delete(key);
    const refs = deleted ? [] : (o.metadata.ownerReferences ?? []);
    if (!refs.length) return;
    const uids = refs.map((r) => r.uid);
    this.owners.set(key, uids);
    for (const uid of uids) {
      let set = this.dependents.get(uid);
      if (!set) this.dependents.set(uid, (set = new Set()));
      set.add(key);
    }
  }

  dependentsOf(uid: string | undefined): string[] {
    if (!uid) return [];
    const set = this.dependents.get(uid);
    if (!set) return [];
    if (!set.size) this.dependents.delete(uid);
    return [...set].sort();
  }
}

/**
 * kube-controller-manager's garbage collector: deletes dependents whose owners are gone
 * (background propagation), holds a foreground-deleted owner until its blocking dependents
 * are gone, and orphans dependents for `propagationPolicy: Orphan`.
 */
export function createGarbageCollector(): Controller {
  const index = new OwnerIndex();

  const map = (ev: WatchEvent, store: Store): string[] => {
    index.ensure(store);
    const o = ev.object;
    const deleted = ev.type === 'DELETED';
    index.observe(ev.resource, o, deleted);
    const keys: string[] = [];
    const self = gcKey(ev.resource, o.metadata.namespace, o.metadata.name);
    const fin = finalizersOf(o);
    if (!deleted && (o.metadata.ownerReferences?.length || fin.includes('orphan') || fin.includes('foregroundDeletion')) && !ownershipUnchanged(ev)) keys.push(self);
    // An owner gone (or going): its dependents must look at their owners again.
    if (deleted || o.metadata.deletionTimestamp) keys.push(...index.dependentsOf(o.metadata.uid));
    // A dependent gone: a foreground-deleting owner may be free to go now.
    if (deleted)
      for (const ref of o.metadata.ownerReferences ?? []) {
        const k = ownerKey(ref, o.metadata.namespace);
        if (k) keys.push(k);
      }
    return keys;
  };

  // Events are never owned and come in floods; everything else may be an owner or a dependent.
  const watches: Watch[] = [{ resource: '*', map: (ev, store) => (ev.resource === 'events' || ev.resource === 'events.events.k8s.io' ? [] : map(ev, store)) }];

  function reconcile(ctx: ReconcileContext): ReconcileResult | void {
    index.ensure(ctx.store);
    const { resource, namespace, name } = parseKey(ctx.key);
    const obj = ctx.store.get(resource, namespace, name);
    if (!obj) return;
    if (obj.metadata.deletionTimestamp) {
      const fin = finalizersOf(obj);
      if (fin.includes('orphan')) return orphanDependents(ctx, obj);
      if (fin.includes('foregroundDeletion')) return deleteDependentsFirst(ctx, obj);
      return;
    }
    checkOwners(ctx, obj);
  }

  function dependents(ctx: ReconcileContext, owner: KubeObject): KubeObject[] {
    const out: KubeObject[] = [];
    for (const k of index.dependentsOf(owner.metadata.uid)) {
      const { resource, namespace, name } = parseKey(k);
      const d = ctx.store.get(resource, namespace, name);
      if (d) out.push(d);
    }
    return out;
  }

  function orphanDependents(ctx: ReconcileContext, owner: KubeObject): void {
    const uid = owner.metadata.uid;
    for (const d of dependents(ctx, owner)) {
      const refs = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      const metadata: KubeObject['metadata'] = { ...d.metadata, ownerReferences: refs };
      if (!refs.length) delete metadata.ownerReferences;
      ctx.client.update(
        { ...d, metadata },
        {
          reason: `${owner.kind} ${owner.metadata.name} is deleted with propagationPolicy Orphan, so ${d.kind} ${d.metadata.name} loses its owner reference and stays`,
          code: 'record.gc.orphan',
          params: { ownerKind: owner.kind, owner: owner.metadata.name, kind: d.kind, name: d.metadata.name },
        },
      );
    }
    removeFinalizer(ctx, owner, 'orphan', {
      reason: `The dependents of ${owner.kind} ${owner.metadata.name} are orphaned, so the garbage collector removes the orphan finalizer and the ${owner.kind} goes away`,
      code: 'record.gc.orphanFinalized',
      params: { kind: owner.kind, name: owner.metadata.name },
    });
  }

  function deleteDependentsFirst(ctx: ReconcileContext, owner: KubeObject): ReconcileResult | void {
    let blocking = 0;
    for (const d of dependents(ctx, owner)) {
      const ref = d.metadata.ownerReferences?.find((r) => r.uid === owner.metadata.uid);
      if (ref?.blockOwnerDeletion) blocking++;
      if (d.metadata.deletionTimestamp) continue;
      // A dependent with dependents of its own is deleted in the foreground too, so the chain
      // empties from the leaves up (attemptToDeleteItem's waitingForDependentsDeletion case).
      const nested = index.dependentsOf(d.metadata.uid).length > 0;
      ctx.client.delete(
        d,
        {
          reason: `${owner.kind} ${owner.metadata.name} is deleted in the foreground, so its dependent ${d.kind} ${d.metadata.name} is deleted first`,
          code: 'record.gc.deleteForeground',
          params: { ownerKind: owner.kind, owner: owner.metadata.name, kind: d.kind, name: d.metadata.name },
        },
        { propagationPolicy: nested ? 'Foreground' : 'Background' },
      );
    }
    if (blocking > 0) return;
    removeFinalizer(ctx, owner, 'foregroundDeletion', {
      reason: `No dependent of ${owner.kind} ${owner.metadata.name} blocks its deletion any more, so the garbage collector removes the foregroundDeletion finalizer`,
      code: 'record.gc.foregroundFinalized',
      params: { kind: owner.kind, name: owner.metadata.name },
    });
  }

  function removeFinalizer(ctx: ReconcileContext, obj: KubeObject, finalizer: string, why: Parameters<ReconcileContext['client']['update']>[1]): void {
    const finalizers = finalizersOf(obj).filter((f) => f !== finalizer);
    const metadata: KubeObject['metadata'] = { ...obj.metadata, finalizers };
    if (!finalizers.length) delete metadata.finalizers;
    ctx.client.update({ ...obj, metadata }, why);
  }

  function checkOwners(ctx: ReconcileContext, obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences ?? [];
    if (!refs.length) return;
    const ns = obj.metadata.namespace;
    const present = refs.filter((r) => ownerObject(ctx.store, r, ns));
    if (present.length === refs.length) return;
    if (present.length === 0) {
      const gone = refs[0] as OwnerReference;
      ctx.client.delete(
        obj,
        {
          reason: `${obj.kind} ${obj.metadata.name} belongs to ${gone.kind} ${gone.name}, which no longer exists, so the garbage collector deletes it`,
          code: 'record.gc.deleteDependent',
          params: { kind: obj.kind, name: obj.metadata.name, ownerKind: gone.kind, owner: gone.name },
        },
        { propagationPolicy: 'Background' },
      );
      return;
    }
    // Some owners remain: only the dangling references go, the object stays.
    ctx.client.update(
      { ...obj, metadata: { ...obj.metadata, ownerReferences: present } },
      {
        reason: `Some owners of ${obj.kind} ${obj.metadata.name} no longer exist, so their owner references are removed`,
        code: 'record.gc.removeDangling',
        params: { kind: obj.kind, name: obj.metadata.name },
      },
    );
  }

  return { name: 'garbage-collector', watches, reconcile };
}
