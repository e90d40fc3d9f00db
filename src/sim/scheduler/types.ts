import type { Node, Pod, Toleration, Taint, NodeSelectorTerm, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';
import type { ClaimInfo } from './plugins/volumeBinding';
import type { KubeObject } from '../objects';

export type PodObject = Pod & KubeObject;
export type NodeObject = Node & KubeObject;

/** cpu in millicores, memory in bytes, pods as a count. */
export interface Resources {
  cpu: number;
  memory: number;
  pods: number;
}

/** What the scheduler knows about a node this cycle: the node and what is already placed on it. */
export interface NodeInfo {
  node: NodeObject;
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  allocatable: Resources;
  requested: Resources;
  /** Requests with the scheduler's non-zero defaults, used only for scoring (as kube-scheduler does). */
  nonZeroRequested: { cpu: number; memory: number };
  /** Pods placed on the node (InterPodAffinity and PodTopologySpread count them). */
  pods: PodObject[];
  /** The subset with required pod anti-affinity, which every incoming pod must respect (symmetry). */
  podsWithRequiredAntiAffinity: PodObject[];
}

/** The pod, read once per scheduling attempt. */
export interface PodInfo {
  pod: PodObject;
  key: string;
  requests: { cpu: number; memory: number };
  nonZeroRequests: { cpu: number; memory: number };
  tolerations: Toleration[];
  nodeSelectorEntries: [string, string][];
  requiredTerms: NodeSelectorTerm[] | undefined;
  preferredTerms: PreferredSchedulingTerm[];
  /** The pod's PersistentVolumeClaims as the scheduler found them (VolumeBinding, see plugins/volumeBinding.ts). */
  claims: ClaimInfo[];
  /** kube-scheduler's CycleState: what PreFilter/PreScore computed for this attempt, by plugin name. */
  cycle: Map<string, unknown>;
}

/** A filter's verdict on one node; `unresolvable` reasons are ones preemption cannot fix. */
export interface FilterFailure {
  reasons: string[];
  unresolvable: boolean;
}

export interface FilterPlugin {
  name: string;
  /**
   * Once per attempt, before any node: may compute state into `pod.cycle`, or reject the pod
   * for every node at once (its reason then stands alone in the FailedScheduling message).
   */
  preFilter?(pod: PodInfo, nodes: NodeInfo[]): FilterFailure | undefined;
  filter(pod: PodInfo, node: NodeInfo): FilterFailure | undefined;
  /**
   * After PreFilter: true when Filter would pass every node for this pod (kube-scheduler's
   * PreFilter "Skip" status), so the cycle does not call it once per node.
   */
  skip?(pod: PodInfo): boolean;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  /** Once per attempt, over the feasible nodes and all nodes, before scoring. */
  preScore?(pod: PodInfo, feasible: NodeInfo[], all: NodeInfo[]): void;
  /** Raw score for one feasible node. */
  score(pod: PodInfo, node: NodeInfo): number;
  /** Rescales raw scores to 0..100 across the feasible nodes, in place (NormalizeScore). */
  normalize?(scores: number[]): void;
}

/**
 * The table as kept: node names in the order they were evaluated, the reasons of each node
 * that failed (null when it passed), and per score plugin the weighted scores of the nodes
 * that passed, in the same order. Compact because a big cluster schedules thousands of pods
 * a tick; `expandResult` turns it into rows.
 */
export interface CompactResult {
  tick: number;
  nodes: string[];
  reasons: (string[] | null)[];
  scores: Record<string, number[]>;
  chosen?: string;
  message?: string;
}

export function maxOf(values: number[]): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** One node's row in the scheduler's table for a pod. */
export interface NodeResult {
  node: string;
  passed: boolean;
  reasons: string[];
  /** Plugin name → weighted score, for nodes that passed every filter. */
  scores?: Record<string, number>;
  total?: number;
}

/** What the scheduler decided for one pod, and why: the UI's "why this node?" panel. */
export interface SchedulingResult {
  tick: number;
  nodes: NodeResult[];
  chosen?: string;
  /** The FailedScheduling message when no node fit. */
  message?: string;
}

export const MAX_NODE_SCORE = 100;
