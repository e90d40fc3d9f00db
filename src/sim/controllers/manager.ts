import type { Controller, ReconcileContext, ReconcileRecord } from './types';
import type { Store, WatchEvent } from '../store/store';
import { keyOf } from '../objects';

/** A client-go style work queue: a key is never queued twice; order is first-queued first. */
export class WorkQueue {
  private readonly keys = new Set<string>();

  add(key: string): void {
    this.keys.add(key);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Takes everything queued so far; keys added while these are processed wait for the next drain. */
  takeAll(): string[] {
    const out = [...this.keys];
    this.keys.clear();
    return out;
  }

  snapshot(): string[] {
    return [...this.keys];
  }
}

interface Entry {
  controller: Controller;
  /** The controller's watches that see a resource (its own and '*'), in declared order; filled on first use. */
  routes: Map<string, Controller['watches']>;
  queue: WorkQueue;
  /** tick → keys due then. */
  timers: Map<number, Set<string>>;
  /** Like timers, but schedules (ReconcileResult.periodic): they do not count against idle. */
  periodic: Map<number, Set<string>>;
}

/**
 * Runs controllers on the tick model of DESIGN.md: writes made during tick N wake watchers
 * in tick N+1, and each controller drains only what was queued before the tick began. So a
 * Deployment unfolds one hop per tick instead of all at once.
 */
/** A lease renewal is a heartbeat, not work: it must not keep the cluster from counting as settled. */
const isHeartbeat = (e: WatchEvent) => e.type === 'MODIFIED' && e.resource === 'leases.coordination.k8s.io';

export class ControllerManager {
  private readonly entries: Entry[] = [];
  private pending: WatchEvent[] = [];
  /**
   * Controllers that sit out the tick because the component hosting them is stopped
   * (components/status.ts pausedControllers): their queues fill and their timers wait, so
   * they catch up when it returns. Unset: everything runs.
   */
  private gate?: (store: Store) => ReadonlySet<string> | undefined;

  constructor(private readonly store: Store) {
    store.subscribe((e) => this.pending.push(e));
  }

  setGate(gate: (store: Store) => ReadonlySet<string> | undefined): void {
    this.gate = gate;
  }

  register(controller: Controller): void {
    this.entries.push({ controller, routes: new Map(), queue: new WorkQueue(), timers: new Map(), periodic: new Map() });
  }

  controllers(): Controller[] {
    return this.entries.map((e) => e.controller);
  }

  /** Enqueue a key by hand (e.g. after a restore, or a lesson nudging a controller). */
  enqueue(controllerName: string, key: string): void {
    this.entries.find((e) => e.controller.name === controllerName)?.queue.add(key);
  }

  /** Puts `key` on a controller's timer for `due` (a heartbeat's first beat laid down at bootstrap). */
  schedule(controllerName: string, key: string, due: number, periodic = false): void {
    const e = this.entries.find((x) => x.controller.name === controllerName);
    if (!e) return;
    const timers = periodic ? e.periodic : e.timers;
    let set = timers.get(due);
    if (!set) timers.set(due, (set = new Set()));
    set.add(key);
  }

  /**
   * An informer relist: every watcher of `resource` sees each of its objects as modified on the
   * next tick. Used when a cluster setting changes what controllers should do with objects that
   * did not change themselves (a load-balancer provider appears; the CNI plugin is swapped).
   */
  resync(resource: string, store: Store): void {
    for (const object of store.list(resource)) this.pending.push({ type: 'MODIFIED', resource, object, oldObject: object, resourceVersion: store.resourceVersion });
  }

  /** Nothing queued, nothing pending, no timer waiting (periodic schedules do not count). */
  idle(): boolean {
    const paused = this.gate?.(this.store);
    return this.pending.every(isHeartbeat) && this.entries.every((e) => paused?.has(e.controller.name) || (e.queue.size === 0 && e.timers.size === 0));
  }

  /** Whether anything is due before `tick` other than timers further out. */
  hasWorkAt(tick: number): boolean {
    for (const ev of this.pending) if (!isHeartbeat(ev)) return true;
    const paused = this.gate?.(this.store);
    for (const e of this.entries) {
      if (paused?.has(e.controller.name)) continue;
      if (e.queue.size > 0) return true;
      for (const t of e.timers.keys()) if (t <= tick) return true;
    }
    return false;
  }

  /** Earliest tick a timer is due, if any. */
  nextTimer(): number | undefined {
    let min: number | undefined;
    for (const e of this.entries) for (const t of e.timers.keys()) if (min === undefined || t < min) min = t;
    return min;
  }

  /**
   * One tick: route last tick's changes to the queues, fire due timers, then let each
   * controller drain its queue. `makeContext` binds the client to the controller for records.
   */
  runTick(tick: number, makeContext: (controller: Controller, key: string) => ReconcileContext, store: Store): void {
    const events = this.pending;
    this.pending = [];
    const paused = this.gate?.(store);
    for (const entry of this.entries) {
      for (const ev of events) {
        let watches = entry.routes.get(ev.resource);
        if (!watches) entry.routes.set(ev.resource, (watches = entry.controller.watches.filter((w) => w.resource === ev.resource || w.resource === '*')));
        for (const w of watches) {
          if (!w.map) {
            entry.queue.add(keyOf(ev.object));
            continue;
          }
          for (const k of w.map(ev, store)) entry.queue.add(k);
        }
      }
      if (paused?.has(entry.controller.name)) continue;
      for (const timers of [entry.timers, entry.periodic]) {
        for (const [due, keys] of timers) {
          if (due > tick) continue;
          for (const k of keys) entry.queue.add(k);
          timers.delete(due);
        }
      }
    }
    for (const entry of this.entries) {
      if (paused?.has(entry.controller.name)) continue;
      for (const key of entry.queue.takeAll()) {
        const result = entry.controller.reconcile(makeContext(entry.controller, key));
        if (result?.requeueAfterTicks !== undefined) {
          const due = tick + Math.max(1, result.requeueAfterTicks);
          const timers = result.periodic ? entry.periodic : entry.timers;
          let set = timers.get(due);
          if (!set) timers.set(due, (set = new Set()));
          set.add(key);
        }
      }
    }
  }

  /** Queue and timer state, for export/import. */
  dump(): {
    pending: WatchEvent[];
    queues: Record<string, string[]>;
    timers: Record<string, [number, string[]][]>;
    periodic?: Record<string, [number, string[]][]>;
    state?: Record<string, unknown>;
  } {
    const queues: Record<string, string[]> = {};
    const timers: Record<string, [number, string[]][]> = {};
    const periodic: Record<string, [number, string[]][]> = {};
    const state: Record<string, unknown> = {};
    for (const e of this.entries) {
      queues[e.controller.name] = e.queue.snapshot();
      timers[e.controller.name] = [...e.timers].map(([t, ks]) => [t, [...ks]]);
      if (e.periodic.size) periodic[e.controller.name] = [...e.periodic].map(([t, ks]) => [t, [...ks]]);
      if (e.controller.saveState) state[e.controller.name] = e.controller.saveState();
    }
    return { pending: this.pending, queues, timers, periodic, state };
  }

  restore(d: ReturnType<ControllerManager['dump']>): void {
    this.pending = [...d.pending];
    for (const e of this.entries) {
      e.queue.takeAll();
      for (const k of d.queues[e.controller.name] ?? []) e.queue.add(k);
      e.timers.clear();
      for (const [t, ks] of d.timers[e.controller.name] ?? []) e.timers.set(t, new Set(ks));
      e.periodic.clear();
      for (const [t, ks] of d.periodic?.[e.controller.name] ?? []) e.periodic.set(t, new Set(ks));
      const saved = d.state?.[e.controller.name];
      if (saved !== undefined) e.controller.loadState?.(saved);
    }
  }
}

export type { ReconcileRecord };
