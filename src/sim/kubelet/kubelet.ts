import type { Container, ContainerImage, ContainerStatus } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext, ReconcileResult } from '../controllers/types';
import type { Client } from '../api/client';
import type { EventSource } from '../events';
import { keyOf, splitKey } from '../objects';
import type { NodeObject, PodObject } from '../scheduler/types';
import { formatDuration, imageID, imageSizeBytes, normalizeImage } from './images';
import { PodIPAllocator } from './podIPs';
import { podConditions, qosClass, waitingStatus, withStatus } from './status';

/**
 * Where one pod is in the kubelet's start-up or shut-down. Containers start one after another
 * (init containers first), each going pull → create → start, as SyncPod does.
 */
export interface PodProgress {
  uid: string;
  /** Index into init containers followed by app containers. */
  step: number;
  stage: 'pull' | 'create' | 'ready' | 'stop';
  /** Tick at which the current stage is over. */
  due: number;
  started: { containerID: string; startedAt: string }[];
}

interface Step {
  container: Container;
  init: boolean;
  fieldPath: string;
}

function steps(pod: PodObject): Step[] {
  const init = (pod.spec?.initContainers ?? []).map((c) => ({ container: c, init: true, fieldPath: `spec.initContainers{${c.name}}` }));
  const app = (pod.spec?.containers ?? []).map((c) => ({ container: c, init: false, fieldPath: `spec.containers{${c.name}}` }));
  return [...init, ...app];
}

function pullPolicy(c: Container): string {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const ref = normalizeImage(c.image ?? '');
  return ref.endsWith(':latest') ? 'Always' : 'IfNotPresent';
}

function imageOnNode(node: NodeObject, image: string): boolean {
  const ref = normalizeImage(image);
  return (node.status?.images ?? []).some((i) => (i.names ?? []).includes(ref));
}

interface Cycle {
  ctx: ReconcileContext;
  pod: PodObject;
  node: NodeObject;
  client: Client;
  source: EventSource;
  now: number;
}

class Kubelet {
  readonly progress = new Map<string, PodProgress>();
  readonly ips = new PodIPAllocator();

  reconcile(ctx: ReconcileContext): ReconcileResult | void {
    const { namespace, name } = splitKey(ctx.key);
    const pod = ctx.store.get<PodObject>('pods', namespace, name);
    let p = this.progress.get(ctx.key);
    if (!pod || (p && p.uid !== pod.metadata.uid)) {
      this.progress.delete(ctx.key);
      p = undefined;
    }
    const nodeName = pod?.spec?.nodeName;
    // A pod bound to a node that is gone is the node lifecycle controller's business, not ours.
    const node = nodeName ? ctx.store.get<NodeObject>('nodes', undefined, nodeName) : undefined;
    if (!pod || !nodeName || !node) return;
    const c: Cycle = {
      ctx,
      pod,
      node,
      client: ctx.client.as(`kubelet/${nodeName}`),
      source: { component: 'kubelet', host: nodeName },
      now: ctx.clock.tick,
    };
    try {
      if (pod.metadata.deletionTimestamp) return this.stop(c, p);
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return;
      if (!p) {
        if (phase === 'Running') return;
        return this.start(c);
      }
      if (c.now < p.due) return { requeueAfterTicks: p.due - c.now };
      return this.advance(c, p);
    } finally {
      this.ips.markCurrent(ctx.store);
    }
  }

  /** Sandbox and IP, the first status the kubelet posts: Pending, containers ContainerCreating. */
  private start(c: Cycle): ReconcileResult | void {
    const { pod, node, ctx } = c;
    const hostIP = (node.status?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address ?? '';
    const podIP = pod.spec?.hostNetwork ? hostIP : (pod.status?.podIP ?? this.ips.allocate(ctx.store, node.metadata.name, node.spec?.podCIDR));
    if (!podIP) {
      ctx.events.record(
        pod,
        'Warning',
        'FailedCreatePodSandBox',
        `Failed to create pod sandbox: plugin type="bridge" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${node.spec?.podCIDR ?? ''}`,
        c.source,
      );
      return { requeueAfterTicks: 10 };
    }
    const now = ctx.clock.nowRFC3339();
    const hasInit = (pod.spec?.initContainers ?? []).length > 0;
    const res = c.client.updateStatus(
      withStatus(pod, {
        phase: 'Pending',
        conditions: podConditions(pod, now, { initialized: !hasInit, ready: false }),
        hostIP,
        hostIPs: [{ ip: hostIP }],
        podIP,
        podIPs: [{ ip: podIP }],
        startTime: pod.status?.startTime ?? now,
        ...(hasInit ? { initContainerStatuses: (pod.spec?.initContainers ?? []).map((x) => waitingStatus(x, 'PodInitializing')) } : {}),
        containerStatuses: (pod.spec?.containers ?? []).map((x) => waitingStatus(x, hasInit ? 'PodInitializing' : 'ContainerCreating')),
        qosClass: pod.status?.qosClass ?? qosClass(pod),
      }),
      {
        reason: `kubelet on ${node.metadata.name} took ${ctx.key}: its sandbox got IP ${podIP} from ${node.spec?.podCIDR ?? 'the node'}; containers are being created`,
        code: 'record.kubelet.podAccepted',
        params: { pod: ctx.key, node: node.metadata.name, ip: podIP },
      },
    );
    if (!res.ok) return { requeueAfterTicks: 1 };
    const p: PodProgress = { uid: pod.metadata.uid ?? '', step: 0, stage: 'pull', due: c.now, started: [] };
    this.progress.set(ctx.key, p);
    return this.beginStep({ ...c, pod: res.object as PodObject }, p);
  }

  /** Pull (or find) the image of the current container. */
  private beginStep(c: Cycle, p: PodProgress): ReconcileResult {
    const step = steps(c.pod)[p.step] as Step;
    const image = step.container.image ?? '';
    const t = c.ctx.timings;
    if (pullPolicy(step.container) !== 'Always' && imageOnNode(c.node, image)) {
      c.ctx.events.record(c.pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`, c.source, step.fieldPath);
      p.stage = 'create';
      p.due = c.now + c.ctx.clock.ticksFor(t.cachedImageSeconds + t.containerCreateSeconds);
    } else {
      c.ctx.events.record(c.pod, 'Normal', 'Pulling', `Pulling image "${image}"`, c.source, step.fieldPath);
      p.stage = 'pull';
      p.due = c.now + c.ctx.clock.ticksFor(t.imagePullSeconds);
    }
    return { requeueAfterTicks: p.due - c.now };
  }

  private advance(c: Cycle, p: PodProgress): ReconcileResult | void {
    const all = steps(c.pod);
    const step = all[p.step];
    if (p.stage === 'ready') return this.markReady(c);
    if (!step) return this.running(c, p);
    if (p.stage === 'pull') {
      const image = step.container.image ?? '';
      const took = formatDuration(c.ctx.timings.imagePullSeconds);
      c.ctx.events.record(
        c.pod,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSizeBytes(image)} bytes.`,
        c.source,
        step.fieldPath,
      );
      this.rememberImage(c, image);
      p.stage = 'create';
      p.due = c.now + c.ctx.clock.ticksFor(c.ctx.timings.containerCreateSeconds);
      return { requeueAfterTicks: p.due - c.now };
    }
    c.ctx.events.record(c.pod, 'Normal', 'Created', 'Container created', c.source, step.fieldPath);
    c.ctx.events.record(c.pod, 'Normal', 'Started', 'Container started', c.source, step.fieldPath);
    p.started[p.step] = { containerID: `containerd://${c.ctx.random.hex(64)}`, startedAt: c.ctx.clock.nowRFC3339() };
    p.step++;
    if (p.step < all.length) return this.beginStep(c, p);
    return this.running(c, p);
  }

  /** Every container started: Running (and Ready at once unless the timings say otherwise). */
  private running(c: Cycle, p: PodProgress): ReconcileResult | void {
    const { pod, ctx } = c;
    const ready = ctx.timings.readySeconds <= 0;
    const initCount = (pod.spec?.initContainers ?? []).length;
    const status = (x: Container, i: number, init: boolean): ContainerStatus => {
      const s = p.started[i] ?? { containerID: '', startedAt: ctx.clock.nowRFC3339() };
      const base = { name: x.name, image: normalizeImage(x.image ?? ''), imageID: imageID(x.image ?? ''), containerID: s.containerID, restartCount: 0 };
      // Init containers are treated as finishing at once; finite commands are simulated later.
      if (init) return { ...base, ready: true, started: false, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: s.startedAt, finishedAt: s.startedAt, containerID: s.containerID } } };
      return { ...base, ready, started: true, state: { running: { startedAt: s.startedAt } } };
    };
    const res = c.client.updateStatus(
      withStatus(pod, {
        phase: 'Running',
        conditions: podConditions(pod, ctx.clock.nowRFC3339(), { initialized: true, ready }),
        ...(initCount ? { initContainerStatuses: (pod.spec?.initContainers ?? []).map((x, i) => status(x, i, true)) } : {}),
        containerStatuses: (pod.spec?.containers ?? []).map((x, i) => status(x, initCount + i, false)),
      }),
      {
        reason: `kubelet on ${c.node.metadata.name} started every container of ${ctx.key}; the pod is Running${ready ? ' and Ready' : ''}`,
        code: ready ? 'record.kubelet.podRunningReady' : 'record.kubelet.podRunning',
        params: { pod: ctx.key, node: c.node.metadata.name },
      },
    );
    if (!res.ok) return { requeueAfterTicks: 1 };
    if (ready) {
      this.progress.delete(ctx.key);
      return;
    }
    p.stage = 'ready';
    p.due = c.now + ctx.clock.ticksFor(ctx.timings.readySeconds);
    return { requeueAfterTicks: p.due - c.now };
  }

  private markReady(c: Cycle): ReconcileResult | void {
    const { pod, ctx } = c;
    const res = c.client.updateStatus(
      withStatus(pod, {
        conditions: podConditions(pod, ctx.clock.nowRFC3339(), { initialized: true, ready: true }),
        containerStatuses: (pod.status?.containerStatuses ?? []).map((s) => ({ ...s, ready: true })),
      }),
      { reason: `Every container of ${ctx.key} is ready`, code: 'record.kubelet.podReady', params: { pod: ctx.key, node: c.node.metadata.name } },
    );
    if (!res.ok) return { requeueAfterTicks: 1 };
    this.progress.delete(ctx.key);
  }

  /** The node reports the images it holds in status.images, which is how "already present" is known. */
  private rememberImage(c: Cycle, image: string): void {
    const node = c.ctx.store.get<NodeObject>('nodes', undefined, c.node.metadata.name);
    if (!node || imageOnNode(node, image)) return;
    const entry: ContainerImage = { names: [imageID(image), normalizeImage(image)], sizeBytes: imageSizeBytes(image) };
    const images = [...(node.status?.images ?? []), entry].sort((a, b) => (b.sizeBytes ?? 0) - (a.sizeBytes ?? 0));
    const res = c.client.updateStatus(
      { ...node, status: { ...node.status, images } },
      {
        reason: `${node.metadata.name} pulled ${image}; it is now in the node's image cache`,
        code: 'record.kubelet.imageCached',
        params: { node: node.metadata.name, image },
      },
    );
    if (res.ok) c.node = res.object as NodeObject;
  }

  /** `kubectl delete`: stop the containers (SIGTERM, within the grace period), then remove the pod for good. */
  private stop(c: Cycle, p: PodProgress | undefined): ReconcileResult | void {
    const { pod, ctx } = c;
    if (!p || p.stage !== 'stop') {
      for (const s of pod.status?.containerStatuses ?? []) {
        if (s.state?.running) ctx.events.record(pod, 'Normal', 'Killing', `Stopping container ${s.name}`, c.source, `spec.containers{${s.name}}`);
      }
      const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      const wait = grace <= 0 ? 0 : Math.min(ctx.clock.ticksFor(grace), ctx.clock.ticksFor(ctx.timings.podStopSeconds));
      if (wait > 0) {
        this.progress.set(ctx.key, { uid: pod.metadata.uid ?? '', step: 0, stage: 'stop', due: c.now + wait, started: [] });
        return { requeueAfterTicks: wait };
      }
    } else if (c.now < p.due) {
      return { requeueAfterTicks: p.due - c.now };
    }
    c.client.delete(
      pod,
      {
        reason: `kubelet on ${c.node.metadata.name} stopped the containers of ${ctx.key}, so the pod object is removed`,
        code: 'record.kubelet.podDeleted',
        params: { pod: ctx.key, node: c.node.metadata.name },
      },
      { gracePeriodSeconds: 0 },
    );
    this.progress.delete(ctx.key);
  }
}

/**
 * The kubelets of all nodes as one controller: each pod is handled by the kubelet of its
 * node, and its writes are signed `kubelet/<node>`. Containers run until deleted (servers);
 * a command that finishes (Jobs, Completed, CrashLoopBackOff) is not simulated yet.
 */
export function createKubelet(): Controller {
  const k = new Kubelet();
  return {
    name: 'kubelet',
    watches: [
      {
        resource: 'pods',
        map: (ev) => (ev.type !== 'DELETED' && (ev.object.spec as { nodeName?: string } | undefined)?.nodeName ? [keyOf(ev.object)] : []),
      },
    ],
    reconcile: (ctx) => k.reconcile(ctx),
    saveState: () => [...k.progress],
    loadState: (saved) => {
      k.progress.clear();
      for (const [key, p] of saved as [string, PodProgress][]) k.progress.set(key, p);
    },
  };
}
