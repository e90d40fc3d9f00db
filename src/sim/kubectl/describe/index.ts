import type { Node } from 'kubernetes-types/core/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import type { PodObject } from '../printers/pod';
import { describePod } from './pod';
import { describeNamespace, describeNode } from './node';
import { describeJob } from './job';
import { describeCronJob } from './cronjob';
import { describeDeployment } from './deployment';
import { describeReplicaSet } from './replicaset';
import { describeConfigMap } from './configmap';
import { describeSecret } from './secret';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage';
import { describeNetworkPolicy } from './networkpolicy';
import { describeIngress, describeIngressClass } from './ingress';
import { describeRole, describeRoleBinding, describeServiceAccount } from './rbac';
import { describeEndpoints, describeService } from './service';
import { describeLimitRange, describeResourceQuota } from './quota';
import { describeStatefulSet } from './statefulset';
import { describeDaemonSet } from './daemonset';

export type Describer = (cluster: Cluster, obj: KubeObject) => string;

/** `kubectl describe` per kind; a kind without an entry is refused with a pointer to `get -o yaml`. */
export const DESCRIBERS: Record<string, Describer> = {
  Pod: (c, o) => describePod(c, o as PodObject),
  Node: (c, o) => describeNode(c, o as Node & KubeObject),
  Namespace: (_c, o) => describeNamespace(o),
  Job: (c, o) => describeJob(c, o as Parameters<typeof describeJob>[1]),
  CronJob: (c, o) => describeCronJob(c, o as Parameters<typeof describeCronJob>[1]),
  Deployment: (c, o) => describeDeployment(c, o as Parameters<typeof describeDeployment>[1]),
  ReplicaSet: (c, o) => describeReplicaSet(c, o as Parameters<typeof describeReplicaSet>[1]),
  ReplicationController: (c, o) => describeReplicaSet(c, o as Parameters<typeof describeReplicaSet>[1]),
  ConfigMap: (c, o) => describeConfigMap(c, o as Parameters<typeof describeConfigMap>[1]),
  Secret: (_c, o) => describeSecret(o as Parameters<typeof describeSecret>[0]),
  PersistentVolume: (c, o) => describePersistentVolume(c, o as Parameters<typeof describePersistentVolume>[1]),
  PersistentVolumeClaim: (c, o) => describePersistentVolumeClaim(c, o as Parameters<typeof describePersistentVolumeClaim>[1]),
  StorageClass: (c, o) => describeStorageClass(c, o as Parameters<typeof describeStorageClass>[1]),
  NetworkPolicy: (_c, o) => describeNetworkPolicy(o as Parameters<typeof describeNetworkPolicy>[0]),
  Ingress: (c, o) => describeIngress(c, o as Parameters<typeof describeIngress>[1]),
  IngressClass: (c, o) => describeIngressClass(c, o as Parameters<typeof describeIngressClass>[1]),
  ServiceAccount: describeServiceAccount,
  Role: describeRole,
  ClusterRole: describeRole,
  RoleBinding: describeRoleBinding,
  ClusterRoleBinding: describeRoleBinding,
  Service: (c, o) => describeService(c, o as Parameters<typeof describeService>[1]),
  Endpoints: (c, o) => describeEndpoints(c, o as Parameters<typeof describeEndpoints>[1]),
  ResourceQuota: (c, o) => describeResourceQuota(c, o as Parameters<typeof describeResourceQuota>[1]),
  LimitRange: (c, o) => describeLimitRange(c, o as Parameters<typeof describeLimitRange>[1]),
  StatefulSet: (c, o) => describeStatefulSet(c, o as Parameters<typeof describeStatefulSet>[1]),
  DaemonSet: (c, o) => describeDaemonSet(c, o as Parameters<typeof describeDaemonSet>[1]),
};
