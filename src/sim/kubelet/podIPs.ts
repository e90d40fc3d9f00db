import type { Store } from '../store/store';
import type { PodObject } from '../scheduler/types';

/** `10.244.1.0/24` → `10.244.1.`; undefined for anything but an IPv4 /24 (the sim's node IPAM). */
function prefixOf(podCIDR: string | undefined): string | undefined {
  const m = podCIDR ? /^(\d+\.\d+\.\d+\.)0\/24$/.exec(podCIDR) : null;
  return m ? m[1] : undefined;
}

/**
 * The CNI's host-local IPAM per node: each pod gets the lowest free address of its node's
 * podCIDR from .2 up (.1 is the bridge gateway). Addresses in use are read from the store
 * when someone else has written since, and tracked in place for this kubelet's own writes.
 */
export class PodIPAllocator {
  private cache: { rv: number; used: Map<string, Set<string>> } | undefined;
  private synced = false;

  private used(store: Store): Map<string, Set<string>> {
    if (this.cache && this.cache.rv === store.resourceVersion) return this.cache.used;
    const used = new Map<string, Set<string>>();
    for (const pod of store.list<PodObject>('pods')) {
      const node = pod.spec?.nodeName;
      const ip = pod.status?.podIP;
      if (!node || !ip || pod.spec?.hostNetwork) continue;
      let set = used.get(node);
      if (!set) used.set(node, (set = new Set()));
      set.add(ip);
    }
    this.cache = { rv: store.resourceVersion, used };
    this.synced = true;
    return used;
  }

  allocate(store: Store, nodeName: string, podCIDR: string | undefined): string | undefined {
    const prefix = prefixOf(podCIDR);
    if (!prefix) return undefined;
    const used = this.used(store);
    this.synced = true;
    let set = used.get(nodeName);
    if (!set) used.set(nodeName, (set = new Set()));
    for (let host = 2; host < 255; host++) {
      const ip = prefix + host;
      if (!set.has(ip)) {
        set.add(ip);
        return ip;
      }
    }
    return undefined;
  }

  /** Declares the in-use view current with the store after this kubelet's own writes. */
  markCurrent(store: Store): void {
    // Only a view checked during this reconcile may be carried over its writes.
    if (this.cache && this.synced) this.cache.rv = store.resourceVersion;
    this.synced = false;
  }
}
