/** The image tag of the kubeadm-installed components (kubelet/registry.ts lists them). */
export const KUBERNETES_VERSION_TAG = 'v1.34.1';
