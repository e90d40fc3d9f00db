import type { Store } from '../store/store';
import type { Random } from '../random';
import type { KubeObject } from '../objects';

/**
 * kube-apiserver's --service-cluster-ip-range (kubeadm's and kind's default) and its
 * allocator. "In use" is read from the stored Services themselves, so deleting a Service
 * frees its IP with nothing else to save.
 */
export const SERVICE_CIDR = '10.96.0.0/12';
/** The first address of the range: the `kubernetes` Service (kube-apiserver takes it). */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
/** kubeadm's cluster DNS address: the tenth of the range. */
export const KUBE_DNS_SERVICE_IP = '10.96.0.10';

const BASE = ipToInt('10.96.0.0');
const SIZE = 1 << 20; // a /12
/**
 * The allocator keeps the lower band of the range for IPs people choose (KEP-3070): for a /12
 * that is the first 256 addresses; random allocation draws from the rest.
 */
const STATIC_BAND = 256;

export function ipToInt(ip: string): number {
  const p = ip.split('.').map((x) => Number(x));
  return (((p[0] ?? 0) << 24) | ((p[1] ?? 0) << 16) | ((p[2] ?? 0) << 8) | (p[3] ?? 0)) >>> 0;
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function isIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((x) => Number(x) <= 255 && String(Number(x)) === x);
}

/** Inside 10.96.0.0/12, excluding the network and broadcast addresses. */
export function inServiceRange(ip: string): boolean {
  if (!isIPv4(ip)) return false;
  const off = ipToInt(ip) - BASE;
  return off > 0 && off < SIZE - 1;
}

interface ServiceLike extends KubeObject {
  spec?: { clusterIP?: string; clusterIPs?: string[] };
}

/** Cluster IPs held by stored Services, except the one named `except` (`ns/name`, for updates). */
export function clusterIPsInUse(store: Store, except?: string): Set<string> {
  const used = new Set<string>();
  for (const s of store.list<ServiceLike>('services')) {
    if (except && `${s.metadata.namespace}/${s.metadata.name}` === except) continue;
    for (const ip of s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])) if (ip && ip !== 'None') used.add(ip);
  }
  return used;
}

/** The error text of ipallocator for an IP a user asked for, or undefined when it is free. */
export function checkRequestedClusterIP(ip: string, used: Set<string>): string | undefined {
  if (!inServiceRange(ip)) return `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
  if (used.has(ip)) return `failed to allocate IP ${ip}: provided IP is already allocated`;
  return undefined;
}

/** A free IP drawn with the cluster's seeded PRNG from the dynamic band; undefined when full. */
export function allocateClusterIP(used: Set<string>, random: Random): string | undefined {
  const span = SIZE - 1 - STATIC_BAND;
  const start = random.int(span);
  for (let i = 0; i < span; i++) {
    const ip = intToIp(BASE + STATIC_BAND + ((start + i) % span));
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
