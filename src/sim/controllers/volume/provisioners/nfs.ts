import type { SimProvisioner } from './types';

/**
 * A shared file server: every node mounts the same export, so one volume serves pods on
 * any node at once (ReadWriteMany). csi-driver-nfs reads `server` and `share`; the docs'
 * example provisioner and nfs-subdir-external-provisioner read `server` and `path`.
 */
export const nfs: SimProvisioner = {
  family: 'nfs',
  names: ['nfs.csi.k8s.io', 'example.com/nfs', 'example.com/external-nfs', 'k8s-sigs.io/nfs-subdir-external-provisioner', 'cluster.local/nfs-subdir-external-provisioner'],
  accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  provision({ sc, pvc, pvName }) {
    const server = sc.parameters?.server;
    if (!server) return { ok: false, error: 'rpc error: code = InvalidArgument desc = server is a required parameter' };
    const share = (sc.parameters?.share ?? sc.parameters?.path ?? '/').replace(/\/+$/, '');
    if (sc.provisioner === 'nfs.csi.k8s.io')
      return {
        ok: true,
        source: { csi: { driver: 'nfs.csi.k8s.io', volumeHandle: `${server}#${share.replace(/^\//, '')}#${pvName}##`, volumeAttributes: { server, share, subdir: pvName } } },
      };
    return { ok: true, source: { nfs: { server, path: `${share}/${pvc.metadata.namespace}-${pvc.metadata.name}-${pvName}` } } };
  },
};

/** Managed file shares (EFS, Azure Files) behave like NFS for the sim: shared, ReadWriteMany. */
export const managedFiles: SimProvisioner = {
  family: 'nfs',
  names: ['efs.csi.aws.com', 'file.csi.azure.com', 'kubernetes.io/azure-file', 'filestore.csi.storage.gke.io'],
  accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  provision({ sc, pvName }) {
    const driver = sc.provisioner === 'kubernetes.io/azure-file' ? 'file.csi.azure.com' : sc.provisioner;
    const id = sc.parameters?.fileSystemId ?? 'fs-sim';
    return { ok: true, source: { csi: { driver, volumeHandle: `${id}::${pvName}` } } };
  },
};
