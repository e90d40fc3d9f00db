import type { Store } from '../store/store';
import type { Random } from '../random';
import type { KubeObject } from '../objects';

/** kube-apiserver's --service-node-port-range default. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
export const NODE_PORT_RANGE = `${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
/** The lower band kept for ports people choose (KEP-3668): min(max(16, size/32), 128) ports. */
const STATIC_BAND = Math.min(Math.max(16, Math.floor((NODE_PORT_MAX - NODE_PORT_MIN + 1) / 32)), 128);

interface ServiceLike extends KubeObject {
  spec?: { ports?: { nodePort?: number }[] };
}

/**
 * Node ports held by stored Services, except those of `except` (`ns/name`). The allocator is
 * one bitmap of port numbers (a TCP and a UDP port of one Service may share a number).
 * Read from the store, so a deleted Service's ports are free again at once.
 */
export function nodePortsInUse(store: Store, except?: string): Set<number> {
  const used = new Set<number>();
  for (const s of store.list<ServiceLike>('services')) {
    if (except && `${s.metadata.namespace}/${s.metadata.name}` === except) continue;
    for (const p of s.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
  }
  return used;
}

/** portallocator's error for a requested port, or undefined when it may be taken. */
export function checkRequestedNodePort(port: number, used: Set<number>): string | undefined {
  if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE}`;
  if (used.has(port)) return 'provided port is already allocated';
  return undefined;
}

/** A free port from the dynamic band, drawn with the cluster's seeded PRNG; undefined when full. */
export function allocateNodePort(used: Set<number>, random: Random): number | undefined {
  const lo = NODE_PORT_MIN + STATIC_BAND;
  const span = NODE_PORT_MAX - lo + 1;
  const start = random.int(span);
  for (let i = 0; i < span; i++) {
    const port = lo + ((start + i) % span);
    if (!used.has(port)) return port;
  }
  for (let port = NODE_PORT_MIN; port < lo; port++) if (!used.has(port)) return port;
  return undefined;
}
