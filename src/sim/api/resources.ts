/**
 * Every resource type the sim knows, with how Kubernetes serves it. `simulated: false`
 * means a current cluster serves it but Kube Orchestra does not model it yet: the API
 * server refuses it with a message that says so, instead of pretending.
 */
export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  simulated: boolean;
  /** Subresources served (`status`, `binding`, `log` ...). */
  subresources?: string[];
  verbs?: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  simulated: boolean,
  shortNames?: string[],
  subresources?: string[],
): ResourceType {
  const t: ResourceType = { group, version, kind, plural, singular: kind.toLowerCase(), namespaced, simulated, verbs: ALL_VERBS };
  if (shortNames) t.shortNames = shortNames;
  if (subresources) t.subresources = subresources;
  return t;
}

export const RESOURCE_TYPES: ResourceType[] = [
  r('', 'v1', 'Namespace', 'namespaces', false, true, ['ns'], ['status', 'finalize']),
  r('', 'v1', 'Node', 'nodes', false, true, ['no'], ['status']),
  r('', 'v1', 'Pod', 'pods', true, true, ['po'], ['status', 'binding', 'log', 'eviction']),
  r('', 'v1', 'Event', 'events', true, true, ['ev']),
  r('events.k8s.io', 'v1', 'Event', 'events', true, true, ['ev']),
  r('', 'v1', 'ConfigMap', 'configmaps', true, true, ['cm']),
  r('', 'v1', 'Secret', 'secrets', true, true),
  r('', 'v1', 'Service', 'services', true, true, ['svc'], ['status']),
  r('', 'v1', 'Endpoints', 'endpoints', true, true, ['ep']),
  r('', 'v1', 'PersistentVolume', 'persistentvolumes', false, true, ['pv'], ['status']),
  r('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, true, ['pvc'], ['status']),
  r('', 'v1', 'ServiceAccount', 'serviceaccounts', true, true, ['sa']),
  r('', 'v1', 'ReplicationController', 'replicationcontrollers', true, true, ['rc'], ['status', 'scale']),
  r('', 'v1', 'LimitRange', 'limitranges', true, true, ['limits']),
  r('', 'v1', 'ResourceQuota', 'resourcequotas', true, true, ['quota'], ['status']),
  r('', 'v1', 'PodTemplate', 'podtemplates', true, false),
  r('apps', 'v1', 'Deployment', 'deployments', true, true, ['deploy'], ['status', 'scale']),
  r('apps', 'v1', 'ReplicaSet', 'replicasets', true, true, ['rs'], ['status', 'scale']),
  r('apps', 'v1', 'StatefulSet', 'statefulsets', true, true, ['sts'], ['status', 'scale']),
  r('apps', 'v1', 'DaemonSet', 'daemonsets', true, true, ['ds'], ['status']),
  r('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true, false),
  r('batch', 'v1', 'Job', 'jobs', true, true, undefined, ['status']),
  r('batch', 'v1', 'CronJob', 'cronjobs', true, true, ['cj'], ['status']),
  r('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, false, ['hpa'], ['status']),
  r('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, false, ['hpa'], ['status']),
  r('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, true, ['ing'], ['status']),
  r('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false, true),
  r('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, true, ['netpol']),
  r('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true, true),
  r('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, true, ['sc']),
  r('storage.k8s.io', 'v1', 'CSIDriver', 'csidrivers', false, false),
  r('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true, true),
  r('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true, true),
  r('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false, true),
  r('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false, true),
  r('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, false, ['pdb'], ['status']),
  r('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, false, ['pc']),
  r('node.k8s.io', 'v1', 'RuntimeClass', 'runtimeclasses', false, false),
  r('coordination.k8s.io', 'v1', 'Lease', 'leases', true, true),
  r('admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicy', 'validatingadmissionpolicies', false, false),
  r('admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', false, false),
  r('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, false, ['crd', 'crds']),
];

/** `plural` for the core group, `plural.group` otherwise: the store's bucket name. */
export function storageKey(t: { plural: string; group: string }): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export function apiVersionOf(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

export function findByKind(apiVersion: string, kind: string): ResourceType | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.kind === kind);
}

export function findByPath(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.plural === plural);
}

/**
 * What kubectl resolves a resource argument to (`po`, `pods`, `pod`, `deploy`,
 * `deployments.apps`). Prefers the core group, then the first listed version.
 */
export function resolveResourceName(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  const [base, ...groupParts] = lower.split('.');
  const group = groupParts.join('.');
  return RESOURCE_TYPES.find(
    (t) =>
      (group === '' || t.group === group) &&
      (t.plural === base || t.singular === base || (t.shortNames ?? []).includes(base as string)),
  );
}

export function groupVersions(): { group: string; versions: string[] }[] {
  const out: { group: string; versions: string[] }[] = [];
  for (const t of RESOURCE_TYPES) {
    let g = out.find((x) => x.group === t.group);
    if (!g) out.push((g = { group: t.group, versions: [] }));
    if (!g.versions.includes(t.version)) g.versions.push(t.version);
  }
  return out;
}
