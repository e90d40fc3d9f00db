import type { Container, Node } from 'kubernetes-types/core/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import type { PodObject } from '../printers/pod';
import { nodeRoles } from '../printers/tables';
import { age, rfc1123z } from '../duration';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common';
import { formatResource, parseQuantity as parseOrUndefined } from '../../quantity';

const parseQuantity = (q: unknown): number => parseOrUndefined(q) ?? 0;

type NodeObject = Node & KubeObject;

function sum(containers: readonly Container[], kind: 'requests' | 'limits', res: string): number {
  return containers.reduce((n, c) => n + parseQuantity((c.resources?.[kind] as Record<string, string> | undefined)?.[res]), 0);
}

function pct(v: number, total: number): string {
  return `${total > 0 ? Math.floor((v / total) * 100) : 0}%`;
}

/** `kubectl describe node`: kubectl's NodeDescriber layout, without the Lease section. */
export function describeNode(cluster: Cluster, node: NodeObject): string {
  const w = new DescribeWriter();
  const now = cluster.clock.nowMillis();
  const st = node.status ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node)}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  const taints = node.spec?.taints ?? [];
  if (!taints.length) w.write(0, 'Taints:\t<none>\n');
  else
    taints.forEach((t, i) => w.write(0, `${i === 0 ? 'Taints:' : ''}\t${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`));
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}\n`);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    const created = node.metadata.creationTimestamp;
    for (const c of st.conditions)
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime ?? created)} \t${rfc1123z(c.lastTransitionTime ?? created)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    w.write(0, `${title}:\n`);
    for (const [k, v] of Object.entries((list ?? {}) as Record<string, string>)) w.write(1, `${k}:\t${v}\n`);
  }
  const info = st.nodeInfo;
  w.write(0, 'System Info:\n');
  for (const [k, v] of [
    ['Machine ID', info?.machineID], ['System UUID', info?.systemUUID], ['Boot ID', info?.bootID],
    ['Kernel Version', info?.kernelVersion], ['OS Image', info?.osImage], ['Operating System', info?.operatingSystem],
    ['Architecture', info?.architecture], ['Container Runtime Version', info?.containerRuntimeVersion],
    ['Kubelet Version', info?.kubeletVersion], ['Kube-Proxy Version', info?.kubeProxyVersion],
  ] as const)
    w.write(1, `${k}:\t${v ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);

  const alloc = (st.allocatable ?? {}) as Record<string, string>;
  const pods = cluster.store
    .list<PodObject>('pods', { fieldFilter: (p) => (p as PodObject).spec?.nodeName === node.metadata.name })
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  const cpuA = parseQuantity(alloc.cpu);
  const memA = parseQuantity(alloc.memory);
  const cell = (res: string, v: number, total: number) => `${formatResource(res, v)} (${pct(v, total)})`;
  if (pods.length) {
    w.write(1, 'Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
    w.write(1, '---------\t----\t------------\t----------\t---------------\t-------------\t---\n');
    for (const p of pods) {
      const cs = p.spec?.containers ?? [];
      w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t${cell('cpu', sum(cs, 'requests', 'cpu'), cpuA)}\t${cell('cpu', sum(cs, 'limits', 'cpu'), cpuA)}\t${cell('memory', sum(cs, 'requests', 'memory'), memA)}\t${cell('memory', sum(cs, 'limits', 'memory'), memA)}\t${age(p.metadata.creationTimestamp, now)}\n`);
    }
  }
  const all = pods.flatMap((p) => p.spec?.containers ?? []);
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const [res, total] of [['cpu', cpuA], ['memory', memA]] as const)
    w.write(1, `${res}\t${cell(res, sum(all, 'requests', res), total)}\t${cell(res, sum(all, 'limits', res), total)}\n`);
  w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  w.write(1, 'hugepages-2Mi\t0 (0%)\t0 (0%)\n');
  writeEvents(w, eventsFor(cluster, node), now);
  return w.text;
}

/** `kubectl describe namespace`. */
export function describeNamespace(ns: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  writeLabels(w, 'Labels', ns.metadata.labels);
  writeAnnotations(w, ns.metadata.annotations);
  w.write(0, `Status:\t${(ns.status as { phase?: string } | undefined)?.phase ?? ''}\n`);
  w.write(0, '\nNo resource quota.\n\nNo LimitRange resource.\n');
  return w.text;
}
