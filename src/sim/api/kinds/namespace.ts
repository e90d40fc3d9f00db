import type { KubeObject } from '../../objects';
import type { KindStrategy } from './strategy';

/** The label the NamespaceDefaultLabelName feature sets on every namespace, equal to its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function defaultNamespace(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as { finalizers?: string[] };
  spec.finalizers ??= ['kubernetes'];
  obj.metadata.labels = { ...obj.metadata.labels, [NAMESPACE_NAME_LABEL]: obj.metadata.name };
  obj.status ??= { phase: 'Active' };
}

export const namespaceStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    obj.status = { phase: 'Active' };
  },
  defaults: (obj) => defaultNamespace(obj),
  hasStatusSubresource: true,
};
