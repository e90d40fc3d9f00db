import { createStore } from 'zustand/vanilla';
import type { KubeObject } from '../../sim/objects';
import { keyOf } from '../../sim/objects';
import type { ReconcileRecord } from '../../sim/controllers/types';
import type { Delta } from '../../sim/cluster';
import type { Snapshot } from '../../worker/protocol';

/** Objects by store key (`pods`, `nodes`, ...) then by `namespace/name`. */
export type Objects = Record<string, Map<string, KubeObject>>;

export interface ChangeMark {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  tick: number;
}

export interface MirrorState {
  tick: number;
  objects: Objects;
  /** Reconcile records, oldest first (bounded to the most recent RECORD_LIMIT). */
  records: ReconcileRecord[];
  /** What changed in the most recent delta, by `resource|key`: drives the pulse animation. */
  changed: Map<string, ChangeMark>;
  /** Bumped on every applied delta/snapshot so subscribers can cheaply detect change. */
  version: number;
}

export const RECORD_LIMIT = 5000;

/**
 * The UI's mirror of the cluster, fed only by the worker's snapshot and deltas.
 * A vanilla store so D3 views can subscribe without React re-rendering.
 */
export const mirror = createStore<MirrorState>(() => ({
  tick: 0,
  objects: {},
  records: [],
  changed: new Map(),
  version: 0,
}));

export function changeKey(resource: string, obj: KubeObject): string {
  return `${resource}|${keyOf(obj)}`;
}

export function applySnapshot(s: Snapshot): void {
  const objects: Objects = {};
  for (const [resource, list] of Object.entries(s.objects)) objects[resource] = new Map(list.map((o) => [keyOf(o), o]));
  mirror.setState((st) => ({
    tick: s.tick,
    objects,
    records: s.records.slice(-RECORD_LIMIT),
    changed: new Map(),
    version: st.version + 1,
  }));
}

export function applyDelta(d: Delta): void {
  mirror.setState((st) => {
    const objects: Objects = { ...st.objects };
    const touched = new Set<string>();
    const changed = new Map<string, ChangeMark>();
    for (const ch of d.changes) {
      if (!touched.has(ch.resource)) {
        objects[ch.resource] = new Map(objects[ch.resource] ?? []);
        touched.add(ch.resource);
      }
      const bucket = objects[ch.resource] as Map<string, KubeObject>;
      const key = keyOf(ch.object);
      if (ch.type === 'DELETED') bucket.delete(key);
      else bucket.set(key, ch.object);
      const prev = changed.get(changeKey(ch.resource, ch.object));
      // An object added and then modified in one delta is still "added" for the viewer.
      changed.set(changeKey(ch.resource, ch.object), { type: prev?.type === 'ADDED' && ch.type !== 'DELETED' ? 'ADDED' : ch.type, tick: d.tick });
    }
    const records = d.records.length ? [...st.records, ...d.records].slice(-RECORD_LIMIT) : st.records;
    return { tick: d.tick, objects, records, changed, version: st.version + 1 };
  });
}

export function listOf(objects: Objects, resource: string): KubeObject[] {
  return [...(objects[resource]?.values() ?? [])];
}
