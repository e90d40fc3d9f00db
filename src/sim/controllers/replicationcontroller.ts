import type { Controller } from './types';
import { createReplicaManager } from './replicaset';
import type { ReplicaKind } from './replicaset';

export const REPLICATIONCONTROLLER: ReplicaKind = {
  name: 'replication-controller',
  kind: 'ReplicationController',
  apiVersion: 'v1',
  resource: 'replicationcontrollers',
};

/**
 * The ReplicationController manager. Kubernetes runs the ReplicaSet code for it behind a
 * conversion layer; here both share `createReplicaManager`, and the v1 equality selector is
 * just a plain label map to the one selector matcher.
 */
export function createReplicationControllerManager(): Controller {
  return createReplicaManager(REPLICATIONCONTROLLER);
}
