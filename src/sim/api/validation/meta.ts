import type { KubeObject } from '../../objects';
import type { ResourceType } from '../resources';
import type { FieldError } from '../status';
import { dns1123Label, dns1123Subdomain } from './names';
import { validateAnnotations, validateLabels } from './labels';
import { pathSegmentNameErrors } from '../kinds/rbac';

/** Kinds whose names are DNS-1123 labels rather than subdomains (ValidateNamespaceName and friends). */
const LABEL_NAMED = new Set(['Namespace']);
/** RBAC kinds only need path-segment names (ValidateRBACName): `system:aggregate-to-view` is fine. */
const PATH_SEGMENT_NAMED = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** ObjectMeta validation shared by every kind (ValidateObjectMeta in kube-apiserver). */
export function validateObjectMeta(obj: KubeObject, t: ResourceType): FieldError[] {
  const errs: FieldError[] = [];
  const meta = obj.metadata;
  const name = meta.name;
  if (LABEL_NAMED.has(t.kind)) errs.push(...dns1123Label('metadata.name', name));
  else if (PATH_SEGMENT_NAMED.has(t.kind)) for (const detail of pathSegmentNameErrors(name)) errs.push({ type: 'Invalid', field: 'metadata.name', value: name, detail });
  else errs.push(...dns1123Subdomain('metadata.name', name));
  if (t.namespaced && meta.namespace) errs.push(...dns1123Label('metadata.namespace', meta.namespace));
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return errs;
}
