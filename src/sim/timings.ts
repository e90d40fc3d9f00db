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
}

export const DEFAULT_TIMINGS: Timings = {
  imagePullSeconds: 2,
  cachedImageSeconds: 0,
  containerCreateSeconds: 1,
  readySeconds: 0,
  podStopSeconds: 2,
};
