import type { KubeObject } from '../../objects';
import type { ResourceType } from '../resources';
import type { FieldError } from '../status';
import { dns1123Label, dns1123Subdomain } from './names';

/** ObjectMeta validation shared by every kind (ValidateObjectMeta in kube-apiserver). */
export function validateObjectMeta(obj: KubeObject, t: ResourceType): FieldError[] {
  const errs: FieldError[] = [];
  const name = obj.metadata.name;
  // Namespaces and Nodes... differ: namespaces are DNS-1123 labels, most others subdomains.
  if (t.kind === 'Namespace') errs.push(...dns1123Label('metadata.name', name));
  else errs.push(...dns1123Subdomain('metadata.name', name));
  return errs;
}
