import { createStore } from 'zustand/vanilla';
import type { KubeObject } from '../../sim/objects';
import { keyOf } from '../../sim/objects';
import type { ReconcileRecord } from '../../sim/controllers/types';
import type { Delta } from '../../sim/cluster';
import type { Snapshot } from '../../worker/protocol';
import type { ClusterSettings } from '../../sim/settings';
import { DEFAULT_SETTINGS } from '../../sim/settings';

/**
 * Objects by store key (`pods`, `nodes`, ...) then by `namespace/name`. A delta updates the
 * touched Maps in place (copying a 5,000-pod Map per tick would make the UI's cost follow the
 * cluster, not the change); the record itself is new on every delta, so `s.objects` still
 * changes identity for memoised readers, and `versions` says which resources moved.
 */
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
  /** Per resource: the `version` at which its Map last changed (a Map's identity does not). */
  versions: Record<string, number>;
  /** The cluster's settings (CNI plugin, load-balancer provider ...), as of the last snapshot/delta. */
  settings: ClusterSettings;
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
  versions: {},
  settings: DEFAULT_SETTINGS,
}));

export function changeKey(resource: string, obj: KubeObject): string {
  return `${resource}|${keyOf(obj)}`;
}

export function applySnapshot(s: Snapshot): void {
  const objects: Objects = {};
  const version = mirror.getState().version + 1;
  const versions: Record<string, number> = {};
  for (const [resource, list] of Object.entries(s.objects)) {
    objects[resource] = new Map(list.map((o) => [keyOf(o), o]));
    versions[resource] = version;
  }
  mirror.setState({
    tick: s.tick,
    objects,
    records: s.records.slice(-RECORD_LIMIT),
    changed: new Map(),
    version,
    versions,
    settings: s.settings ?? DEFAULT_SETTINGS,
  });
}

export function applyDelta(d: Delta): void {
  mirror.setState((st) => {
    const version = st.version + 1;
    // A new record around the same Maps: O(resource types), not O(objects).
    const objects: Objects = { ...st.objects };
    let versions = st.versions;
    const changed = new Map<string, ChangeMark>();
    for (const ch of d.changes) {
      let bucket = objects[ch.resource];
      if (!bucket) objects[ch.resource] = bucket = new Map();
      if (versions[ch.resource] !== version) versions = { ...versions, [ch.resource]: version };
      const key = keyOf(ch.object);
      if (ch.type === 'DELETED') bucket.delete(key);
      else bucket.set(key, ch.object);
      const mark = `${ch.resource}|${key}`;
      const prev = changed.get(mark);
      // An object added and then modified in one delta is still "added" for the viewer.
      changed.set(mark, { type: prev?.type === 'ADDED' && ch.type !== 'DELETED' ? 'ADDED' : ch.type, tick: d.tick });
    }
    const records = d.records.length ? appendRecords(st.records, d.records) : st.records;
    return { tick: d.tick, objects, records, changed, version, versions, settings: d.settings ?? st.settings };
  });
}

/** The kept records plus new ones, bounded, copying at most RECORD_LIMIT entries. */
function appendRecords(old: ReconcileRecord[], added: ReconcileRecord[]): ReconcileRecord[] {
  if (added.length >= RECORD_LIMIT) return added.slice(-RECORD_LIMIT);
  const keep = Math.min(old.length, RECORD_LIMIT - added.length);
  return old.slice(old.length - keep).concat(added);
}

export function listOf(objects: Objects, resource: string): KubeObject[] {
  return [...(objects[resource]?.values() ?? [])];
}
