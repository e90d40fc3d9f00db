import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import { keyOf } from '../../objects';
import type { Store, WatchEvent } from '../../store/store';
import type { Watch } from '../types';
import { matchesSelector } from '../../store/labels';

export type ServiceObject = Service & KubeObject;

/** A Service's selector when it has one that picks pods (an empty or absent one does not). */
export function serviceSelector(svc: ServiceObject | undefined): Record<string, string> | undefined {
  const sel = svc?.spec?.selector;
  if (!sel || !Object.keys(sel).length || svc?.spec?.type === 'ExternalName') return undefined;
  return sel as Record<string, string>;
}

/**
 * Services with a selector, by namespace: how a pod change is mapped to the few Services it
 * may concern without scanning every Service per pod. Rebuilt from the store after any Service
 * changes, so it holds nothing that needs saving; a cluster without Services pays one map
 * lookup per pod event.
 */
export class ServiceSelectorIndex {
  private byNamespace: Map<string, { key: string; selector: Record<string, string> }[]> | undefined;

  invalidate(): void {
    this.byNamespace = undefined;
  }

  private build(store: Store): Map<string, { key: string; selector: Record<string, string> }[]> {
    if (this.byNamespace) return this.byNamespace;
    const m = new Map<string, { key: string; selector: Record<string, string> }[]>();
    for (const svc of store.list<ServiceObject>('services')) {
      const selector = serviceSelector(svc);
      if (!selector) continue;
      const ns = svc.metadata.namespace ?? 'default';
      let list = m.get(ns);
      if (!list) m.set(ns, (list = []));
      list.push({ key: keyOf(svc), selector });
    }
    this.byNamespace = m;
    return m;
  }

  /**
   * The two watches both endpoint controllers share: a Service change rebuilds the index and
   * queues that Service; a pod change queues the Services that chose it before or after.
   */
  watches(): Watch[] {
    return [
      {
        resource: 'services',
        map: (ev) => {
          this.invalidate();
          return [`${ev.object.metadata.namespace}/${ev.object.metadata.name}`];
        },
      },
      { resource: 'pods', map: (ev, store) => this.servicesForPod(ev, store) },
    ];
  }

  /** The Services whose selector chose the pod before or after this change. */
  servicesForPod(ev: WatchEvent, store: Store): string[] {
    const list = this.build(store).get(ev.object.metadata.namespace ?? 'default');
    if (!list) return [];
    const labels = ev.object.metadata.labels;
    const oldLabels = ev.oldObject?.metadata.labels;
    const out: string[] = [];
    for (const s of list) if (matchesSelector(s.selector, labels) || (ev.oldObject && matchesSelector(s.selector, oldLabels))) out.push(s.key);
    return out;
  }
}
