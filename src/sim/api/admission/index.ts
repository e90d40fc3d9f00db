import type { KubeObject } from '../../objects';
import type { Store } from '../../store/store';
import type { ResourceType } from '../resources';
import { storageKey } from '../resources';
import type { Status } from '../status';
import { forbidden } from '../status';
import { qosClass } from '../kinds/pod';
import { limitRangerMutatePod, limitRangerValidatePVC, limitRangerValidatePod, limitRangesIn } from './limitranger';
import type { LimitRangeObject } from './limitranger';
import { quotaAdmit } from './quota';

/**
 * The admission chain the API server runs for namespace policy objects, in kube-apiserver's
 * order: mutating LimitRanger (defaults) before validation, then validating LimitRanger and
 * ResourceQuota (last, so nothing is charged for a write another plugin refuses).
 * A namespace without LimitRanges or ResourceQuotas costs two map lookups.
 */

/** Mutating admission, after defaulting and before validation (create only: pods). */
export function mutatingAdmission(t: ResourceType, obj: KubeObject, old: KubeObject | undefined, store: Store): void {
  if (old || t.kind !== 'Pod' || t.group !== '') return;
  const ranges = limitRangesIn(store, obj.metadata.namespace ?? 'default');
  if (!ranges.length) return;
  if (limitRangerMutatePod(obj as Parameters<typeof limitRangerMutatePod>[0], ranges)) {
    // The pod's QoS class is worked out after admission (PrepareForCreate), so defaults count.
    const status = obj.status as { qosClass?: string } | undefined;
    if (status) status.qosClass = qosClass((obj.spec ?? {}) as Parameters<typeof qosClass>[0]);
  }
}

function limitRangerMessage(t: ResourceType, obj: KubeObject, old: KubeObject | undefined, ranges: LimitRangeObject[]): string | undefined {
  if (t.kind === 'Pod' && !old) return limitRangerValidatePod(obj as Parameters<typeof limitRangerValidatePod>[0], ranges);
  if (t.kind === 'PersistentVolumeClaim') return limitRangerValidatePVC(obj as Parameters<typeof limitRangerValidatePVC>[0], ranges);
  return undefined;
}

/** Validating admission after validation: the 403 Forbidden Status, or undefined to admit. */
export function validatingAdmission(t: ResourceType, obj: KubeObject, old: KubeObject | undefined, store: Store): Status | undefined {
  if (!t.namespaced) return undefined;
  const ns = obj.metadata.namespace ?? 'default';
  const gk = { group: t.group, kind: t.kind, plural: t.plural };
  if (t.group === '' && (t.kind === 'Pod' || t.kind === 'PersistentVolumeClaim')) {
    const ranges = limitRangesIn(store, ns);
    const msg = ranges.length ? limitRangerMessage(t, obj, old, ranges) : undefined;
    if (msg) return forbidden(gk, obj.metadata.name, msg);
  }
  const msg = quotaAdmit(store, storageKey(t), obj, old);
  return msg ? forbidden(gk, obj.metadata.name, msg) : undefined;
}
