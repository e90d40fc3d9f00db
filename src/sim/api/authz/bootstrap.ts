import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../objects';
import { refOf } from '../../objects';
import type { Store } from '../../store/store';
import type { SimClock } from '../../clock';
import { Random } from '../../random';
import { ApiServer } from '../server';
import type { ReconcileRecord } from '../../controllers/types';
import { RBAC_GROUP } from '../kinds/rbac';

/**
 * The roles kube-apiserver's RBAC post-start hook writes on a fresh cluster (the user-facing
 * ones and the few every authenticated user is bound to), plus the ServiceAccounts that exist
 * before the learner arrives: `default` in every kubeadm namespace and the add-ons' own.
 */

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

const rule = (apiGroups: string[], resources: string[], verbs: string[]): PolicyRule => ({ apiGroups, resources, verbs });

/** system:aggregate-to-view: read everything namespaced except Secrets (and RBAC itself). */
const VIEW_RULES: PolicyRule[] = [
  rule([''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], READ),
  rule([''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], READ),
  rule([''], ['namespaces'], READ),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
  rule(['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], READ),
  rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  rule(['extensions'], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale'], READ),
  rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
];

/** system:aggregate-to-edit: write workloads and read/write Secrets, but no RBAC. */
const EDIT_RULES: PolicyRule[] = [
  rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  rule([''], ['serviceaccounts'], ['impersonate']),
  rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
  rule([''], ['pods/eviction'], ['create']),
  rule([''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], WRITE),
  rule([''], ['serviceaccounts/token'], ['create']),
  rule(['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], WRITE),
  rule(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
  rule(['batch'], ['cronjobs', 'jobs'], WRITE),
  rule(['extensions'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'], WRITE),
  rule(['policy'], ['poddisruptionbudgets'], WRITE),
  rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
];

/** system:aggregate-to-admin: Roles and RoleBindings in the namespace, and local access reviews. */
const ADMIN_RULES: PolicyRule[] = [
  rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  rule([RBAC_GROUP], ['rolebindings', 'roles'], [...WRITE.slice(0, 3), 'get', 'list', 'patch', 'update', 'watch']),
];

const DISCOVERY_URLS = ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'];
const PUBLIC_INFO_URLS = ['/healthz', '/livez', '/readyz', '/version', '/version/'];

function clusterRole(name: string, rules: PolicyRule[], extra: { labels?: Record<string, string>; aggregateFrom?: string } = {}): KubeObject {
  const obj: Record<string, unknown> = {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'ClusterRole',
    metadata: { name, labels: { ...BOOTSTRAP_LABELS, ...extra.labels }, annotations: { ...AUTOUPDATE } },
    rules,
  };
  if (extra.aggregateFrom) obj['aggregationRule'] = { clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${extra.aggregateFrom}`]: 'true' } }] };
  return obj as unknown as KubeObject;
}

function clusterRoleBinding(name: string, role: string, groups: string[]): KubeObject {
  return {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name, labels: { ...BOOTSTRAP_LABELS }, annotations: { ...AUTOUPDATE } },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
    subjects: groups.map((g) => ({ apiGroup: RBAC_GROUP, kind: 'Group', name: g })),
  } as unknown as KubeObject;
}

const agg = (to: string) => ({ [`rbac.authorization.k8s.io/aggregate-to-${to}`]: 'true' });

/** The default ClusterRoles and ClusterRoleBindings, in the order kube-apiserver writes them. */
export function bootstrapPolicy(): KubeObject[] {
  return [
    clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), { nonResourceURLs: ['*'], verbs: ['*'] }]),
    clusterRole('system:discovery', [{ nonResourceURLs: DISCOVERY_URLS, verbs: ['get'] }]),
    clusterRole('system:basic-user', [rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']), rule(['authentication.k8s.io'], ['selfsubjectreviews'], ['create'])]),
    clusterRole('system:public-info-viewer', [{ nonResourceURLs: PUBLIC_INFO_URLS, verbs: ['get'] }]),
    clusterRole('admin', [...VIEW_RULES, ...EDIT_RULES, ...ADMIN_RULES], { aggregateFrom: 'admin' }),
    clusterRole('edit', [...VIEW_RULES, ...EDIT_RULES], { labels: agg('admin'), aggregateFrom: 'edit' }),
    clusterRole('view', VIEW_RULES, { labels: { ...agg('admin'), ...agg('edit') }, aggregateFrom: 'view' }),
    clusterRole('system:aggregate-to-admin', ADMIN_RULES, { labels: agg('admin') }),
    clusterRole('system:aggregate-to-edit', EDIT_RULES, { labels: agg('edit') }),
    clusterRole('system:aggregate-to-view', VIEW_RULES, { labels: agg('view') }),
    clusterRoleBinding('cluster-admin', 'cluster-admin', ['system:masters']),
    clusterRoleBinding('system:discovery', 'system:discovery', ['system:authenticated']),
    clusterRoleBinding('system:basic-user', 'system:basic-user', ['system:authenticated']),
    clusterRoleBinding('system:public-info-viewer', 'system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']),
  ];
}

export function serviceAccountObject(namespace: string, name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}

/**
 * Writes the bootstrap policy and the ServiceAccounts of `namespaces` (plus kube-system's
 * `coredns` and `kube-proxy`) through a trusted API server with its own PRNG, so the seed's
 * names for the learner's objects do not depend on them.
 */
export function bootstrapRbac(opts: { store: Store; clock: SimClock; seed: number; namespaces: readonly string[]; record: (r: ReconcileRecord) => void }): void {
  const api = new ApiServer(opts.store, opts.clock, new Random((opts.seed ^ 0x72626163) >>> 0));
  const write = (obj: KubeObject, controller: string, reason: string, code: string) => {
    const res = api.create(obj, { trusted: true });
    if (!res.ok) throw new Error(`bootstrap ${obj.kind} ${obj.metadata.name}: ${res.status.message}`);
    opts.record({ tick: 0, controller, key: '', action: 'create', target: refOf(res.object), reason, code, params: { name: res.object.metadata.name, namespace: res.object.metadata.namespace ?? '' } });
  };
  for (const obj of bootstrapPolicy()) write(obj, 'kube-apiserver', `kube-apiserver writes the default ${obj.kind} ${obj.metadata.name} when it starts`, 'record.rbac.bootstrap');
  for (const ns of opts.namespaces)
    write(serviceAccountObject(ns, 'default'), 'serviceaccount-controller', `Every namespace gets a default ServiceAccount: ${ns}/default`, 'record.serviceaccount.default');
  for (const name of ['coredns', 'kube-proxy'])
    write(serviceAccountObject('kube-system', name), 'kubeadm', `kubeadm init creates the ServiceAccount kube-system/${name} for its add-on`, 'record.kubeadm.serviceAccount');
}
