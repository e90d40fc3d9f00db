import type { KubeObject } from '../../objects';
import type { ResourceType } from '../resources';
import type { FieldError } from '../status';
import { dns1123Label, dns1123Subdomain } from './names';
import { validateAnnotations, validateLabels } from './labels';

/** Kinds whose names are DNS-1123 labels rather than subdomains (ValidateNamespaceName and friends). */
const LABEL_NAMED = new Set(['Namespace']);

/** ObjectMeta validation shared by every kind (ValidateObjectMeta in kube-apiserver). */
export function validateObjectMeta(obj: KubeObject, t: ResourceType): FieldError[] {
  const errs: FieldError[] = [];
  const meta = obj.metadata;
  const name = meta.name;
  if (LABEL_NAMED.has(t.kind)) errs.push(...dns1123Label('metadata.name', name));
  else errs.push(...dns1123Subdomain('metadata.name', name));
  if (t.namespaced && meta.namespace) errs.push(...dns1123Label('metadata.namespace', meta.namespace));
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return errs;
}
