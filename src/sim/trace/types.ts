import type { ObjectRef } from '../objects';

/** The processes of a kubeadm cluster that talk to each other. */
export type Component = 'kubectl' | 'kube-apiserver' | 'etcd' | 'kube-controller-manager' | 'kube-scheduler' | 'kubelet' | 'containerd' | 'kube-proxy' | 'coredns';

export const CONTROL_PLANE_COMPONENTS: readonly Component[] = ['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler', 'coredns'];
export const NODE_COMPONENTS: readonly Component[] = ['kubelet', 'containerd', 'kube-proxy'];

/**
 * - write: a client's request to kube-apiserver (POST/PUT/PATCH/DELETE); binding: the scheduler's
 *   POST .../binding; etcd: kube-apiserver storing the change (put/delete at a revision);
 *   watch: an informer hearing of the change; cri: the kubelet calling the container runtime;
 *   proxy-rules: kube-proxy on every node resyncing its rules for a Service change.
 */
export type ArchMessageKind = 'write' | 'binding' | 'etcd' | 'watch' | 'cri' | 'proxy-rules';

export interface ArchMessage {
  /** Unique within the trace it came from: `${tick}.${seq}` plus the caller's prefix. */
  id: string;
  tick: number;
  /** Order within the delta, as it happened. */
  seq: number;
  from: Component;
  to: Component;
  kind: ArchMessageKind;
  /** English, for the CLI and as the fallback. */
  text: string;
  /** i18n key (views namespace) + params, so the UI can say it in the learner's language. */
  code: string;
  params: Record<string, string | number>;
  /** The object the message is about. */
  ref?: ObjectRef;
  /** Index of the reconcile record behind it, in the records passed in. */
  record?: number;
  /** The worker node of the node-side end (kubelet/containerd/kube-proxy); absent for kube-proxy = every node. */
  node?: string;
}
