import type { Component } from '../../../sim/trace';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ComponentBox extends Box {
  component: Component;
  /** The worker node (kubelet/containerd/kube-proxy); absent for the control plane and kubectl. */
  node?: string;
}

export interface MachineBox extends Box {
  /** `control-plane`, a worker's name, or '' for the summary of the workers not drawn. */
  node: string;
  role: 'control-plane' | 'worker' | 'more';
  /** For `more`: how many workers it stands for. */
  count?: number;
}

export interface ArchLayout {
  width: number;
  height: number;
  machines: MachineBox[];
  components: ComponentBox[];
  /** Workers drawn, in order; the rest are summarised in the `more` box. */
  shownNodes: string[];
}

/** Workers drawn one by one; more than this and the rest become one "N more nodes" box. */
export const MAX_SHOWN_NODES = 4;

const PAD = 16;
const GAP = 14;
const COMP_H = 34;
const HEAD = 26;

/**
 * kubectl at the top left, the control-plane node as a box holding kube-apiserver, etcd,
 * kube-controller-manager, kube-scheduler and CoreDNS, and below it one box per worker with
 * kubelet, containerd and kube-proxy (the first few workers; the rest summarised).
 * `focus` (a worker a message is about) is always among the drawn ones.
 */
export function layoutArchitecture(workers: readonly string[], width: number, focus: readonly string[] = []): ArchLayout {
  const w = Math.max(300, width);
  const machines: MachineBox[] = [];
  const components: ComponentBox[] = [];

  // Wide: kubectl left of the control plane, its components in three columns.
  // Narrow: kubectl above it, two columns.
  const wide = w >= 640;
  const kubectlW = 110;
  components.push({ component: 'kubectl', x: PAD, y: PAD + (wide ? HEAD : 0), w: kubectlW, h: COMP_H });
  const cpX = wide ? PAD + kubectlW + GAP * 2 : PAD;
  const cpY = wide ? PAD : PAD + COMP_H + GAP * 2;
  const cpW = w - cpX - PAD;
  const cols = wide ? 3 : 2;
  const order: Component[] = wide ? ['kube-apiserver', 'etcd', 'coredns', 'kube-controller-manager', 'kube-scheduler'] : ['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler', 'coredns'];
  const colW = (cpW - GAP * (cols + 1)) / cols;
  order.forEach((c, i) => {
    const row = Math.floor(i / cols);
    const col = i % cols;
    // The second row of the wide layout has two components: share the width between them.
    const inRow = Math.min(cols, order.length - row * cols);
    const cw = (cpW - GAP * (inRow + 1)) / inRow;
    components.push({ component: c, x: cpX + GAP + col * (cw + GAP), y: cpY + HEAD + row * (COMP_H + GAP), w: inRow === cols ? colW : cw, h: COMP_H });
  });
  const rowsCp = Math.ceil(order.length / cols);
  const cpH = HEAD + COMP_H * rowsCp + GAP * rowsCp;
  machines.push({ node: 'control-plane', role: 'control-plane', x: cpX, y: cpY, w: cpW, h: cpH });

  // Workers: the focused ones first kept in cluster order, then the others, up to MAX_SHOWN_NODES.
  const wanted = new Set(focus.filter((n) => workers.includes(n)));
  const shown: string[] = [];
  for (const n of workers) if (wanted.has(n) && shown.length < MAX_SHOWN_NODES) shown.push(n);
  for (const n of workers) if (!shown.includes(n) && shown.length < MAX_SHOWN_NODES) shown.push(n);
  shown.sort((a, b) => workers.indexOf(a) - workers.indexOf(b));
  const rest = workers.length - shown.length;
  const slots = shown.length + (rest > 0 ? 1 : 0);
  const perRow = Math.max(1, Math.min(slots, Math.floor((w - PAD * 2 + GAP) / (200 + GAP))));
  const nodeW = (w - PAD * 2 - GAP * (perRow - 1)) / perRow;
  const nodeH = HEAD + COMP_H * 3 + GAP * 3 - 4;
  const top = cpY + cpH + GAP * 3;
  let i = 0;
  for (const n of shown) {
    const x = PAD + (i % perRow) * (nodeW + GAP);
    const y = top + Math.floor(i / perRow) * (nodeH + GAP);
    machines.push({ node: n, role: 'worker', x, y, w: nodeW, h: nodeH });
    (['kubelet', 'containerd', 'kube-proxy'] as const).forEach((c, k) => components.push({ component: c, node: n, x: x + GAP, y: y + HEAD + k * (COMP_H + GAP - 4), w: nodeW - GAP * 2, h: COMP_H }));
    i++;
  }
  if (rest > 0) {
    const x = PAD + (i % perRow) * (nodeW + GAP);
    const y = top + Math.floor(i / perRow) * (nodeH + GAP);
    machines.push({ node: '', role: 'more', count: rest, x, y, w: nodeW, h: nodeH });
    i++;
  }
  const rows = Math.max(1, Math.ceil(i / perRow));
  const height = top + rows * (nodeH + GAP) + PAD;
  return { width: w, height, machines, components, shownNodes: shown };
}

/** The box a message end lands on: the component on that node, or the summary box when it is not drawn. */
export function boxFor(layout: ArchLayout, component: Component, node: string | undefined): Box | undefined {
  const c = layout.components.find((b) => b.component === component && (b.node === undefined || b.node === node));
  if (c) return c;
  return layout.machines.find((m) => m.role === 'more');
}
