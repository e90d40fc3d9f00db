import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from './objects';
import { keyOf, splitKey } from './objects';
import type { Store } from './store/store';
import type { SimClock } from './clock';
import type { Random } from './random';

export interface EventSource {
  component: string;
  host?: string;
}

/**
 * client-go's EventRecorder: writes core/v1 Events about an object, folding a repeat of
 * the same reason and message into `count` / `lastTimestamp` as the event correlator does.
 * Events are written to the store directly (they are not reconciled by anything).
 */
export class EventRecorder {
  /**
   * Correlation key → event key, so folding a repeat does not scan every Event (a large
   * cluster has tens of thousands). Kept in step with the store through its change feed;
   * rebuilt when the store moved without us seeing it (a restore).
   */
  private index: Map<string, string> | undefined;
  private indexedRevision = -1;

  constructor(
    private readonly store: Store,
    private readonly clock: SimClock,
    private readonly random: Random,
  ) {
    store.subscribe((change) => {
      if (!this.index) return;
      // Every change moves the revision by one; a gap means we missed something.
      if (this.indexedRevision !== change.resourceVersion - 1) {
        this.index = undefined;
        return;
      }
      this.indexedRevision = change.resourceVersion;
      if (change.resource !== 'events') return;
      const e = change.object as Event & KubeObject;
      const k = correlationKey(e);
      if (change.type !== 'DELETED') this.index.set(k, keyOf(e));
      else if (this.index.get(k) === keyOf(e)) this.index.delete(k);
    });
  }

  private find(ns: string, k: string): (Event & KubeObject) | undefined {
    if (!this.index || this.indexedRevision !== this.store.resourceVersion) {
      this.index = new Map();
      for (const e of this.store.list<Event & KubeObject>('events')) this.index.set(correlationKey(e), keyOf(e));
      this.indexedRevision = this.store.resourceVersion;
    }
    const key = this.index.get(k);
    if (!key) return undefined;
    const { name } = splitKey(key);
    return this.store.get<Event & KubeObject>('events', ns, name);
  }

  record(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): Event {
    const ns = involved.metadata.namespace || 'default';
    const now = this.clock.nowRFC3339();
    const existing = this.find(ns, `${ns}\u0000${involved.metadata.uid}\u0000${reason}\u0000${message}\u0000${source.component}`);
    if (existing) {
      return this.store.update('events', { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now });
    }
    const ev: Event & KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${involved.metadata.name}.${this.random.hex(16)}`,
        namespace: ns,
        uid: this.random.uid(),
        creationTimestamp: now,
      },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        resourceVersion: involved.metadata.resourceVersion,
        ...(involved.metadata.namespace ? { namespace: involved.metadata.namespace } : {}),
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      // No eventTime: core/v1 Events from client-go's legacy recorder leave it unset.
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    return this.store.create('events', ev);
  }
}

/** What makes two events "the same" for folding into count: object, reason, message, source. */
function correlationKey(e: Event & KubeObject): string {
  return `${e.metadata.namespace ?? ''}\u0000${e.involvedObject.uid ?? ''}\u0000${e.reason ?? ''}\u0000${e.message ?? ''}\u0000${e.source?.component ?? ''}`;
}
