import type { KindStrategy } from './strategy';
import { podStrategy } from './pod';
import { namespaceStrategy } from './namespace';
import { nodeStrategy } from './node';
import { eventStrategy } from './event';
import { deploymentStrategy } from './deployment';
import { replicaSetStrategy } from './replicaset';
import { replicationControllerStrategy } from './replicationcontroller';
import { jobStrategy } from './job';
import { cronJobStrategy } from './cronjob';
import { statefulSetStrategy } from './statefulset';
import { daemonSetStrategy } from './daemonset';
import { persistentVolumeClaimStrategy } from './persistentvolumeclaim';
import { networkPolicyStrategy } from './networkpolicy';
import { ingressStrategy } from './ingress';
import { ingressClassStrategy } from './ingressclass';
import { serviceStrategy } from './service';
import { configMapStrategy } from './configmap';
import { secretStrategy } from './secret';
import { limitRangeStrategy } from './limitrange';
import { resourceQuotaStrategy } from './resourcequota';
import { persistentVolumeStrategy } from './persistentvolume';
import { storageClassStrategy } from './storageclass';
import { serviceAccountStrategy } from './serviceaccount';
import { leaseStrategy } from './lease';
import { clusterRoleBindingStrategy, clusterRoleStrategy, roleBindingStrategy, roleStrategy } from './rbac';

/** Strategies by store key (`pods`, `deployments.apps`); a kind without one is only meta-validated. */
export const STRATEGIES: Record<string, KindStrategy> = {
  pods: podStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  events: eventStrategy,
  'events.events.k8s.io': eventStrategy,
  'deployments.apps': deploymentStrategy,
  'replicasets.apps': replicaSetStrategy,
  replicationcontrollers: replicationControllerStrategy,
  'jobs.batch': jobStrategy,
  'cronjobs.batch': cronJobStrategy,
  'statefulsets.apps': statefulSetStrategy,
  'daemonsets.apps': daemonSetStrategy,
  persistentvolumeclaims: persistentVolumeClaimStrategy,
  'networkpolicies.networking.k8s.io': networkPolicyStrategy,
  'ingresses.networking.k8s.io': ingressStrategy,
  'ingressclasses.networking.k8s.io': ingressClassStrategy,
  services: serviceStrategy,
  configmaps: configMapStrategy,
  secrets: secretStrategy,
  limitranges: limitRangeStrategy,
  resourcequotas: resourceQuotaStrategy,
  persistentvolumes: persistentVolumeStrategy,
  'storageclasses.storage.k8s.io': storageClassStrategy,
  serviceaccounts: serviceAccountStrategy,
  'roles.rbac.authorization.k8s.io': roleStrategy,
  'clusterroles.rbac.authorization.k8s.io': clusterRoleStrategy,
  'rolebindings.rbac.authorization.k8s.io': roleBindingStrategy,
  'clusterrolebindings.rbac.authorization.k8s.io': clusterRoleBindingStrategy,
  'leases.coordination.k8s.io': leaseStrategy,
};
