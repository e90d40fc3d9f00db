import type { NodeSelector, PersistentVolumeSpec } from 'kubernetes-types/core/v1';
import type { NodeObject } from '../../../scheduler/types';
import type { PVCObject, StorageClassObject } from '../storage';

/** What a simulated provisioner is given: the class, the claim and (WaitForFirstConsumer) the scheduler's node. */
export interface ProvisionRequest {
  sc: StorageClassObject;
  pvc: PVCObject;
  /** volume.kubernetes.io/selected-node, resolved; undefined for Immediate binding. */
  node?: NodeObject;
  /** Every node, for zonal provisioners choosing a zone without a selected node. */
  nodes: NodeObject[];
  pvName: string;
}

/** The volume source and topology of the new PersistentVolume, or why it cannot be made. */
export type ProvisionResult = { ok: true; source: Partial<PersistentVolumeSpec>; nodeAffinity?: { required: NodeSelector } } | { ok: false; error: string };

/** A simulated external provisioner (the sidecar a storage driver runs in a real cluster). */
export interface SimProvisioner {
  /** local (node-bound disk), nfs (shared file server) or disk (zonal cloud block disk). */
  family: 'local' | 'nfs' | 'disk';
  names: string[];
  /** Access modes the backend can serve. */
  accessModes: string[];
  provision(req: ProvisionRequest): ProvisionResult;
}
