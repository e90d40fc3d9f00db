/**
 * How long things take on the sim clock, in seconds. Data, not scattered constants, so a
 * lesson can slow the world down or the benchmark can speed it up.
 */
export interface Timings {
  /** Image pull when the image is not on the node yet. */
  imagePullSeconds: number;
  /** Pulling an image already present ("already present on machine"). */
  cachedImageSeconds: number;
  /** Creating the sandbox and container after the pull. */
  containerCreateSeconds: number;
  /** From container start to Ready when there is no readiness probe. */
  readySeconds: number;
  /**
   * How long a kubelet takes to stop a pod's containers after `kubectl delete`; the pod's
   * terminationGracePeriodSeconds caps it (the sim's containers all exit on SIGTERM).
   */
  podStopSeconds: number;
  /** First crash back-off after a free restart (kubelet: 10s), doubling up to maxBackoffSeconds. */
  crashBackoffSeconds: number;
  /** First image pull back-off (kubelet: 10s), doubling up to maxBackoffSeconds. */
  imagePullBackoffSeconds: number;
  /** The cap of both back-offs (kubelet: 300s). */
  maxBackoffSeconds: number;
  /**
   * How long a node may go without posting status before its Ready condition turns Unknown.
   * kube-controller-manager's --node-monitor-grace-period is 40s; the sim uses 10s so a
   * learner does not wait.
   */
  nodeMonitorGracePeriodSeconds: number;
}

export const DEFAULT_TIMINGS: Timings = {
  imagePullSeconds: 2,
  cachedImageSeconds: 0,
  containerCreateSeconds: 1,
  readySeconds: 0,
  podStopSeconds: 2,
  crashBackoffSeconds: 10,
  imagePullBackoffSeconds: 10,
  maxBackoffSeconds: 300,
  nodeMonitorGracePeriodSeconds: 10,
};
