import type { Controller } from './types';
import { createScheduler } from '../scheduler/scheduler';
import { createKubelet } from '../kubelet/kubelet';
import { createNamespaceController } from './namespace';
import { createDeploymentController } from './deployment';
import { createReplicaSetController } from './replicaset';
import { createReplicationControllerManager } from './replicationcontroller';
import { createNodeLifecycleController } from './nodelifecycle';
import { createGarbageCollector } from './garbagecollector';
import { createJobController } from './job/job';
import { createCronJobController } from './cronjob/cronjob';
import { createStatefulSetController } from './statefulset/statefulset';
import { createDaemonSetController } from './daemonset/daemonset';
import { storageControllers } from './volume';
import { createEndpointSliceController, createEndpointsController } from './endpoints';
import { createServiceController } from './service/loadbalancer';
import { createIngressController } from './ingress/controller';
import { createServiceAccountController } from './serviceaccount';
import { createResourceQuotaController } from './resourcequota';
import { createNodeAgent } from '../components/agent';

/** The controllers a fresh cluster runs, in the order they drain each tick. */
export function defaultControllers(): Controller[] {
  // The endpoint controllers drain first, so they see the pods as the tick began: a pod the
  // kubelet makes Ready in tick N joins its Services' endpoints in tick N+1, one hop per tick.
  return [createEndpointSliceController(), createEndpointsController(), createScheduler(), createKubelet(), createNamespaceController(), createNodeLifecycleController(), createDeploymentController(), createReplicaSetController(), createReplicationControllerManager(), createStatefulSetController(), createDaemonSetController(), createCronJobController(), createJobController(), createGarbageCollector(), createServiceController(), ...storageControllers(), createIngressController(), createServiceAccountController(), createResourceQuotaController(), createNodeAgent()];
}
