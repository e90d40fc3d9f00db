import type { KubeObject } from '../../../sim/objects';
import { keyOf } from '../../../sim/objects';
import type { Objects } from '../../state/mirror';
import { podDisplayStatus, type PodDisplayStatus } from '../model/podStatus';
import { summarizeNode, podNodeName, type NodeSummary } from '../model/nodeInfo';
import { isSystemNamespace, namespaceColor } from '../model/nsColor';
import { naturalCompare } from './layout';

export interface PodItem {
  key: string;
  name: string;
  namespace: string;
  node: string;
  status: PodDisplayStatus;
  color: string;
  system: boolean;
}

export interface NodeItem {
  key: string;
  summary: NodeSummary;
  pods: PodItem[];
}

export interface NamespaceItem {
  name: string;
  color: string;
  system: boolean;
  pods: number;
  terminating: boolean;
}

export interface Scene {
  nodes: NodeItem[];
  /** Pods without a node, plus pods whose node no longer exists (so none disappear). */
  unscheduled: PodItem[];
  namespaces: NamespaceItem[];
  pods: Map<string, PodItem>;
}

function byNamespaceThenName(a: PodItem, b: PodItem): number {
  return naturalCompare(a.namespace, b.namespace) || naturalCompare(a.name, b.name);
}

/** Everything the cluster view draws, derived from the mirror: pure, so it is tested in Node. */
export function buildScene(objects: Objects): Scene {
  const nodeObjs = [...(objects.nodes?.values() ?? [])];
  const podObjs = [...(objects.pods?.values() ?? [])];
  const nsObjs = [...(objects.namespaces?.values() ?? [])];
  const nodeNames = new Set(nodeObjs.map((n) => n.metadata.name));

  const pods = new Map<string, PodItem>();
  const byNode = new Map<string, PodItem[]>();
  const byNodeObjs = new Map<string, KubeObject[]>();
  const unscheduled: PodItem[] = [];
  const counts = new Map<string, number>();
  for (const p of podObjs) {
    const ns = p.metadata.namespace ?? 'default';
    const node = podNodeName(p);
    const item: PodItem = {
      key: keyOf(p),
      name: p.metadata.name,
      namespace: ns,
      node,
      status: podDisplayStatus(p),
      color: namespaceColor(ns),
      system: isSystemNamespace(ns),
    };
    pods.set(item.key, item);
    counts.set(ns, (counts.get(ns) ?? 0) + 1);
    if (node && nodeNames.has(node)) {
      (byNode.get(node) ?? byNode.set(node, []).get(node))?.push(item);
      (byNodeObjs.get(node) ?? byNodeObjs.set(node, []).get(node))?.push(p);
    } else unscheduled.push(item);
  }

  const nodes: NodeItem[] = nodeObjs
    .map((n) => ({
      key: keyOf(n),
      summary: summarizeNode(n, byNodeObjs.get(n.metadata.name) ?? []),
      pods: (byNode.get(n.metadata.name) ?? []).sort(byNamespaceThenName),
    }))
    // The control plane first, then workers in natural order: the order kubeadm built them.
    .sort((a, b) => Number(b.summary.controlPlane) - Number(a.summary.controlPlane) || naturalCompare(a.key, b.key));

  const nsNames = new Set<string>(nsObjs.map((n) => n.metadata.name));
  for (const ns of counts.keys()) nsNames.add(ns);
  const nsByName = new Map(nsObjs.map((n) => [n.metadata.name, n]));
  const namespaces: NamespaceItem[] = [...nsNames]
    .map((name) => ({
      name,
      color: namespaceColor(name),
      system: isSystemNamespace(name),
      pods: counts.get(name) ?? 0,
      terminating: Boolean(nsByName.get(name)?.metadata.deletionTimestamp),
    }))
    // The learner's namespaces first, the cluster's own last.
    .sort((a, b) => Number(a.system) - Number(b.system) || naturalCompare(a.name, b.name));

  return { nodes, unscheduled: unscheduled.sort(byNamespaceThenName), namespaces, pods };
}
