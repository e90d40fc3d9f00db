import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { FieldError } from '../status';
import type { KindStrategy } from './strategy';
import { dns1123Label } from '../validation/names';
import { stableJSON, validateSetSelectorAndTemplate } from './workloadTemplate';
import { defaultPodTemplate } from './podtemplate';

export type StatefulSetObject = StatefulSet & KubeObject;

const POLICIES = ['OrderedReady', 'Parallel'];
const STRATEGY_TYPES = ['OnDelete', 'RollingUpdate'];
const RETENTION = ['Retain', 'Delete'];

/** SetDefaults_StatefulSet (apps/v1) plus the pod template's and the claim templates' defaults. */
export function defaultStatefulSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Mutable<NonNullable<StatefulSet['spec']>>;
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.updateStrategy ??= { type: 'RollingUpdate' };
  const us = spec.updateStrategy as { type?: string; rollingUpdate?: { partition?: number } };
  us.type ??= 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    us.rollingUpdate ??= {};
    us.rollingUpdate.partition ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  const retention = spec.persistentVolumeClaimRetentionPolicy as { whenDeleted?: string; whenScaled?: string };
  retention.whenDeleted ??= 'Retain';
  retention.whenScaled ??= 'Retain';
  defaultPodTemplate(spec.template);
  for (const t of spec.volumeClaimTemplates ?? []) {
    const claim = t as Mutable<PersistentVolumeClaim>;
    claim.apiVersion ??= 'v1';
    claim.kind ??= 'PersistentVolumeClaim';
    claim.spec ??= {};
    (claim.spec as { volumeMode?: string }).volumeMode ??= 'Filesystem';
    claim.status ??= { phase: 'Pending' };
  }
}

export function validateStatefulSet(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as NonNullable<StatefulSet['spec']>;
  const errs: FieldError[] = [];
  // serviceName is optional; when set it becomes the pods' subdomain, so it must be a DNS label.
  if (spec.serviceName) errs.push(...dns1123Label('spec.serviceName', spec.serviceName));
  if (spec.podManagementPolicy && !POLICIES.includes(spec.podManagementPolicy))
    errs.push({ type: 'NotSupported', field: 'spec.podManagementPolicy', value: spec.podManagementPolicy, supported: POLICIES });
  const type = spec.updateStrategy?.type;
  if (type && !STRATEGY_TYPES.includes(type)) errs.push({ type: 'NotSupported', field: 'spec.updateStrategy.type', value: type, supported: STRATEGY_TYPES });
  if (type === 'OnDelete' && spec.updateStrategy?.rollingUpdate)
    errs.push({ type: 'Invalid', field: 'spec.updateStrategy.rollingUpdate', value: spec.updateStrategy.rollingUpdate, detail: "only allowed for updateStrategy 'RollingUpdate'" });
  const partition = spec.updateStrategy?.rollingUpdate?.partition;
  if (partition !== undefined && partition < 0)
    errs.push({ type: 'Invalid', field: 'spec.updateStrategy.rollingUpdate.partition', value: partition, detail: 'must be greater than or equal to 0' });
  if (spec.replicas !== undefined && spec.replicas < 0) errs.push({ type: 'Invalid', field: 'spec.replicas', value: spec.replicas, detail: 'must be greater than or equal to 0' });
  if (spec.minReadySeconds !== undefined && spec.minReadySeconds < 0)
    errs.push({ type: 'Invalid', field: 'spec.minReadySeconds', value: spec.minReadySeconds, detail: 'must be greater than or equal to 0' });
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  for (const k of ['whenDeleted', 'whenScaled'] as const) {
    const v = retention?.[k];
    if (v && !RETENTION.includes(v)) errs.push({ type: 'NotSupported', field: `spec.persistentVolumeClaimRetentionPolicy.${k}`, value: v, supported: RETENTION });
  }
  const claimNames = (spec.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? '');
  errs.push(...validateSetSelectorAndTemplate('statefulset', spec.selector, spec.template, claimNames));
  return errs;
}

const MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'] as const;

/** ValidateStatefulSetUpdate: everything but the listed fields is fixed after creation. */
export function validateStatefulSetUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const strip = (s: unknown) => {
    const copy = { ...(s as Record<string, unknown>) };
    for (const k of MUTABLE) delete copy[k];
    return stableJSON(copy);
  };
  const errs = validateStatefulSet(obj);
  if (strip(obj.spec) !== strip(old.spec))
    errs.push({
      type: 'Forbidden',
      field: 'spec',
      detail: "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    });
  return errs;
}

export const statefulSetStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    obj.status = {};
  },
  defaults: (obj) => defaultStatefulSet(obj),
  validate: (obj) => validateStatefulSet(obj),
  validateUpdate: (obj, old) => validateStatefulSetUpdate(obj, old),
  hasStatusSubresource: true,
};
