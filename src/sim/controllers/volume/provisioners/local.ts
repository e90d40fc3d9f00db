import type { SimProvisioner } from './types';

const HOSTNAME = 'kubernetes.io/hostname';

/**
 * Node-local directories: rancher's local-path-provisioner (kind, k3s) puts a directory on
 * the node the scheduler chose and pins the volume there; minikube's hostpath provisioner
 * (a single-node cluster) makes a hostPath directory with no node affinity.
 */
export const localPath: SimProvisioner = {
  family: 'local',
  names: ['rancher.io/local-path'],
  accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
  provision({ sc, pvc, node, pvName }) {
    if (!node) return { ok: false, error: 'configuration error, no node was specified' };
    const base = sc.parameters?.nodePath ?? '/opt/local-path-provisioner';
    const host = node.metadata.labels?.[HOSTNAME] ?? node.metadata.name;
    return {
      ok: true,
      source: { hostPath: { path: `${base}/${pvName}_${pvc.metadata.namespace}_${pvc.metadata.name}`, type: 'DirectoryOrCreate' } },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME, operator: 'In', values: [host] }] }] } },
    };
  },
};

export const minikubeHostPath: SimProvisioner = {
  family: 'local',
  names: ['k8s.io/minikube-hostpath', 'docker.io/hostpath', 'microk8s.io/hostpath'],
  accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  provision({ pvc }) {
    return { ok: true, source: { hostPath: { path: `/tmp/hostpath-provisioner/${pvc.metadata.namespace}/${pvc.metadata.name}`, type: '' } } };
  },
};
