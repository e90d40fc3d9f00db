import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import type { FieldError, Status } from '../status';
import { forbidden } from '../status';
import type { KindStrategy, StrategyContext } from './strategy';

export type ServiceAccountObject = ServiceAccount & KubeObject;

/** The ServiceAccount every namespace gets from the serviceaccount controller. */
export const DEFAULT_SERVICE_ACCOUNT = 'default';

function validateServiceAccount(obj: KubeObject): FieldError[] {
  const sa = obj as ServiceAccountObject;
  const errs: FieldError[] = [];
  (sa.imagePullSecrets ?? []).forEach((r, i) => {
    if (!r.name) errs.push({ type: 'Required', field: `imagePullSecrets[${i}].name` });
  });
  return errs;
}

export const serviceAccountStrategy: KindStrategy = {
  validate: (obj) => validateServiceAccount(obj),
};

/**
 * The ServiceAccount admission plugin on pod creation: the pod's service account must exist.
 * The `default` one is let through while the serviceaccount controller has yet to create it
 * (kube-apiserver waits a moment for it; in the sim it appears on the next tick).
 */
export function admitPodServiceAccount(pod: KubeObject, ctx: StrategyContext): Status | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const name = (pod.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName || DEFAULT_SERVICE_ACCOUNT;
  if (name === DEFAULT_SERVICE_ACCOUNT) return undefined;
  if (ctx.store.get('serviceaccounts', ns, name)) return undefined;
  return forbidden({ group: '', kind: 'Pod', plural: 'pods' }, pod.metadata.name, `error looking up service account ${ns}/${name}: serviceaccount "${name}" not found`);
}
