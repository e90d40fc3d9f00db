import type { SimProvisioner } from './types';
import { localPath, minikubeHostPath } from './local';
import { managedFiles, nfs } from './nfs';
import { cloudDisk } from './disk';

export type { SimProvisioner, ProvisionRequest, ProvisionResult } from './types';

const ALL: SimProvisioner[] = [localPath, minikubeHostPath, nfs, managedFiles, cloudDisk];
const BY_NAME = new Map(ALL.flatMap((p) => p.names.map((n) => [n, p] as const)));

/** The simulated provisioner for a StorageClass's `provisioner`; undefined for one the sim does not run. */
export function provisionerFor(name: string | undefined): SimProvisioner | undefined {
  return name ? BY_NAME.get(name) : undefined;
}

/** kubectl-style words for access modes that a provisioner refuses (CSI's volume capability names). */
export const CSI_CAPABILITY: Record<string, string> = {
  ReadWriteOnce: 'SINGLE_NODE_WRITER',
  ReadOnlyMany: 'MULTI_NODE_READER_ONLY',
  ReadWriteMany: 'MULTI_NODE_MULTI_WRITER',
  ReadWriteOncePod: 'SINGLE_NODE_SINGLE_WRITER',
};
