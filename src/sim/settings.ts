/**
 * Cluster-wide choices a real cluster makes at install time or through add-ons, which the
 * learner may switch at any tick: the CNI plugin, whether a load-balancer provider (a cloud,
 * or MetalLB on bare metal) answers LoadBalancer Services, whether an ingress controller runs,
 * and whether the API server encrypts Secrets at rest. Saved with the cluster.
 */
/** 'none': no CNI installed yet (`kubeadm init` before applying a network add-on): nodes stay NotReady. */
export type CniPlugin = 'flannel' | 'calico' | 'weave' | 'none';

export interface ClusterSettings {
  cni: CniPlugin;
  /** A load-balancer provider is present: LoadBalancer Services get an external IP. */
  loadBalancer: boolean;
  /** An ingress controller (ingress-nginx) is installed: Ingress objects route. */
  ingressController: boolean;
  /** kube-apiserver --encryption-provider-config with aescbc for Secrets. */
  encryptionAtRest: boolean;
  /** Weave Net's encryption option (sleeve/fastdp with a password). */
  weaveEncryption: boolean;
  /**
   * When encryption at rest was switched, by store resourceVersion: a Secret is stored encrypted
   * when it was last written after a switch to on (see api/etcdView.ts). Absent until first switched.
   */
  encryptionSwitches?: EncryptionSwitch[];
}

export interface EncryptionSwitch {
  /** The store's resourceVersion when the switch happened: later writes follow it. */
  resourceVersion: number;
  on: boolean;
}

export const DEFAULT_SETTINGS: ClusterSettings = {
  cni: 'flannel',
  loadBalancer: false,
  ingressController: false,
  encryptionAtRest: false,
  weaveEncryption: false,
};

export const CNI_PLUGINS: readonly CniPlugin[] = ['flannel', 'calico', 'weave'];

/** Whether the installed CNI plugin enforces NetworkPolicy (Flannel does not). */
export function enforcesNetworkPolicy(cni: CniPlugin): boolean {
  return cni !== 'flannel' && cni !== 'none';
}
