import type { HostProblems, HostState } from './state';
import { hostProblems, preparedHost } from './state';

/** What controllers may ask about machines (ReconcileContext.hosts): the kubelet, and nothing else writes here. */
export interface HostLookup {
  /** Problems of a machine the learner created or touched; undefined for a node nobody looked at (prepared). */
  problemsOf(node: string): HostProblems | undefined;
}

export type HostsState = HostState[];

interface NodeLike {
  metadata: { name: string; labels?: Record<string, string> };
  spec?: unknown;
}

/**
 * Every machine of the simulated world: those made with `machine create`, and cluster nodes the
 * learner ssh-ed into (created lazily as prepared machines, so untouched nodes cost nothing).
 */
export class Hosts implements HostLookup {
  private readonly byName = new Map<string, HostState>();

  get(name: string): HostState | undefined {
    return this.byName.get(name);
  }

  add(host: HostState): void {
    this.byName.set(host.name, host);
  }

  list(): HostState[] {
    return [...this.byName.values()];
  }

  /** A machine by name; a Node that has none yet gets a prepared one (it joined before the learner arrived). */
  machine(name: string, nodes: readonly NodeLike[]): HostState | undefined {
    const known = this.byName.get(name);
    if (known) return known;
    const node = nodes.find((n) => n.metadata.name === name);
    if (!node) return undefined;
    const cidr = (node.spec as { podCIDR?: string } | undefined)?.podCIDR ?? '';
    const index = Number(/^10\.244\.(\d+)\.0\/24$/.exec(cidr)?.[1] ?? 0);
    const host = preparedHost(name, index, 'node-role.kubernetes.io/control-plane' in (node.metadata.labels ?? {}));
    this.byName.set(name, host);
    return host;
  }

  problemsOf(node: string): HostProblems | undefined {
    const h = this.byName.get(node);
    return h ? hostProblems(h) : undefined;
  }

  /** Nodes whose bridged pod traffic skips iptables (br_netfilter missing). */
  withoutBridgeNetfilter(): Set<string> {
    const out = new Set<string>();
    for (const h of this.byName.values()) if (h.cluster === 'registered' && !hostProblems(h).bridgeNetfilter) out.add(h.name);
    return out;
  }

  dump(): HostsState | undefined {
    return this.byName.size ? this.list().map((h) => structuredClone(h)) : undefined;
  }

  restore(state: HostsState | undefined): void {
    this.byName.clear();
    for (const h of state ?? []) this.byName.set(h.name, structuredClone(h));
  }
}
