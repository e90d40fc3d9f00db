/** `t+12s`, `t+3m04s`: simulated time since the cluster started (SimClock: 1 tick = 1 s). */
export function formatSimTime(tick: number, secondsPerTick = 1): string {
  const total = Math.round(tick * secondsPerTick);
  if (total < 60) return `t+${total}s`;
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m < 60) return `t+${m}m${String(s).padStart(2, '0')}s`;
  return `t+${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
