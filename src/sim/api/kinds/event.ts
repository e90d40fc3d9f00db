import type { Event } from 'kubernetes-types/core/v1';
import type { KindStrategy } from './strategy';
import type { FieldError } from '../status';

/** core/v1 Events: the involved object must live in the event's namespace (ValidateEventCreate). */
export const eventStrategy: KindStrategy = {
  validate: (obj) => {
    const errs: FieldError[] = [];
    if (obj.apiVersion !== 'v1') return errs;
    const ev = obj as unknown as Event;
    const ns = ev.involvedObject?.namespace;
    if (ns && ns !== obj.metadata.namespace)
      errs.push({ type: 'Invalid', field: 'involvedObject.namespace', value: ns, detail: 'does not match event.namespace' });
    return errs;
  },
};
