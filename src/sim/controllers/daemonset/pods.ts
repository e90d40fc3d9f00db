import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, NodeSelectorTerm, Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import { clone, ownerRefTo } from '../../objects';
import { matchesTerm } from '../../scheduler/plugins/nodeAffinity';
import { untoleratedTaint } from '../../scheduler/plugins/taintToleration';
import type { NodeInfo } from '../../scheduler/types';

export type DaemonSetObject = DaemonSet & KubeObject;
export type PodObject = Pod & KubeObject;
export type NodeObject = Node & KubeObject;

export const REVISION_LABEL = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** What AddOrUpdateDaemonPodTolerations adds, so daemons survive node conditions and cordons. */
export function daemonTolerations(spec: PodSpec | undefined): Toleration[] {
  const add: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec?.hostNetwork) add.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const list = [...(spec?.tolerations ?? [])];
  for (const t of add) if (!list.some((x) => x.key === t.key && x.effect === t.effect)) list.push(t);
  return list;
}

/** The node a daemon pod is meant for: its nodeName once bound, before that its matchFields term. */
export function targetNode(pod: PodObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [])
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  return undefined;
}

function asNodeInfo(node: NodeObject): NodeInfo {
  return {
    node,
    name: node.metadata.name,
    labels: node.metadata.labels ?? {},
    taints: node.spec?.taints ?? [],
    allocatable: { cpu: 0, memory: 0, pods: 0 },
    requested: { cpu: 0, memory: 0, pods: 0 },
    nonZeroRequested: { cpu: 0, memory: 0 },
    pods: [],
    podsWithRequiredAntiAffinity: [],
  };
}

/**
 * NodeShouldRunDaemonPod: the scheduler's NodeName, NodeAffinity and TaintToleration rules
 * on the daemon pod (with its added tolerations). An untolerated NoSchedule taint stops a new
 * pod but lets a running one stay; NoExecute stops both. Resources are the scheduler's business.
 */
export function nodeShouldRunDaemonPod(node: NodeObject, ds: DaemonSetObject): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = ds.spec?.template.spec;
  const info = asNodeInfo(node);
  if (spec?.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  const selectorOk = Object.entries(spec?.nodeSelector ?? {}).every(([k, v]) => info.labels[k] === v);
  const terms: NodeSelectorTerm[] | undefined = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!selectorOk || (terms && !terms.some((t) => matchesTerm(t, info)))) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = daemonTolerations(spec);
  if (untoleratedTaint(info.taints, tolerations, ['NoExecute'])) return { shouldRun: false, shouldContinueRunning: false };
  if (untoleratedTaint(info.taints, tolerations, ['NoSchedule'])) return { shouldRun: false, shouldContinueRunning: true };
  return { shouldRun: true, shouldContinueRunning: true };
}

/** The daemon pod for one node: it still goes through the scheduler, pinned by a matchFields term. */
export function newDaemonPod(ds: DaemonSetObject, nodeName: string, hash: string, generation: string): PodObject {
  const template = ds.spec?.template ?? {};
  const spec = clone(template.spec ?? { containers: [] }) as PodSpec & { tolerations?: Toleration[]; affinity?: PodSpec['affinity'] };
  spec.tolerations = daemonTolerations(template.spec);
  // ReplaceDaemonSetPodNodeNameNodeAffinity: the node's name replaces any required node terms.
  spec.affinity = {
    ...spec.affinity,
    nodeAffinity: {
      ...spec.affinity?.nodeAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] },
    },
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace ?? 'default',
      labels: { ...template.metadata?.labels, [REVISION_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: generation },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [ownerRefTo(ds)],
    },
    spec,
  };
}
