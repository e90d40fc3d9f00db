/**
 * The kubelet's back-off (client-go flowcontrol.Backoff) for restarting crashed containers and
 * for pulling images: the first retry is free, then 10s, 20s, 40s … capped at 300s; an entry
 * untouched for twice the cap (10 minutes of the container running fine) is forgotten.
 */
export interface BackoffEntry {
  /** The delay the next retry must wait, in seconds. */
  backoff: number;
  /** Sim seconds at which the entry last moved. */
  lastUpdate: number;
}

export interface BackoffConfig {
  initial: number;
  max: number;
}

/**
 * A container (or pull) failed at `at` seconds: how long to wait before trying again, and the
 * entry to keep. Mirrors IsInBackOffSince + Next: no entry means retry at once and start at
 * `initial`; otherwise wait the current back-off and double it (to `max`).
 */
export function backoffAfterFailure(entry: BackoffEntry | undefined, at: number, cfg: BackoffConfig): { delay: number; entry: BackoffEntry } {
  const expired = entry && at - entry.lastUpdate > 2 * cfg.max;
  if (!entry || expired) return { delay: 0, entry: { backoff: cfg.initial, lastUpdate: at } };
  const delay = entry.backoff;
  return { delay, entry: { backoff: Math.min(entry.backoff * 2, cfg.max), lastUpdate: at + delay } };
}

/** Go's duration string for whole seconds, as back-off messages print it (`10s`, `5m0s`). */
export function goDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return `${m}m${s % 60}s`;
}
