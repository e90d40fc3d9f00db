import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from './objects';
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
  constructor(
    private readonly store: Store,
    private readonly clock: SimClock,
    private readonly random: Random,
  ) {}

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
    const existing = this.store
      .list<Event & KubeObject>('events', { namespace: ns })
      .find(
        (e) =>
          e.involvedObject.uid === involved.metadata.uid &&
          e.reason === reason &&
          e.message === message &&
          e.source?.component === source.component,
      );
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
      eventTime: undefined,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    delete ev.eventTime;
    return this.store.create('events', ev);
  }
}
