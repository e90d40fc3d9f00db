import type { TrafficResult } from '../network/traffic';

/** Header block as curl -i prints it (status line, headers, blank line). */
export function headerBlock(r: NonNullable<TrafficResult['response']>): string {
  return [`HTTP/1.1 ${r.status} ${r.reason}`, ...r.headers.map(([k, v]) => `${k}: ${v}`), '', ''].join('\n');
}

/** Connection delays as a client would wait them (a TCP connect to a dropped address gives up after ~130 s on Linux). */
export const KERNEL_CONNECT_TIMEOUT_MS = 130316;
