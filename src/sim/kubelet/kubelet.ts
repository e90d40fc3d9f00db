import type { Container, ContainerImage, NodeCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext, ReconcileResult, Why } from '../controllers/types';
import type { Client } from '../api/client';
import type { EventSource } from '../events';
import { jsonEqual, keyOf, splitKey } from '../objects';
import type { NodeObject, PodObject } from '../scheduler/types';
import { imageID, imageSizeBytes, normalizeImage } from './images';
import { catalogueSizeBytes } from './registry';
import { PodIPAllocator } from './podIPs';
import { containerStatus, podConditions, qosClass, waitingStatus, withStatus } from './status';
import type { ContainerRuntime, Env } from './containers';
import { advance, isSidecar, newRuntime, sidecarStarted, stopSidecar } from './containers';
import { kubeletStopped, nodeReady } from './node';
import { mountsBlocked, refOfObject, waitingPods } from './configStart';

/** What the kubelet remembers of one pod: its containers' state machines, or that it is stopping. */
export interface PodRuntime {
  uid: string;
  containers: ContainerRuntime[];
  /** Tick the containers are stopped by, once the pod is being deleted. */
  stopDue?: number;
  /** ConfigMaps/Secrets (`configmaps/ns/name`) a volume waits for (FailedMount). */
  waitsFor?: string[];
}

const NODE_KEY = 'node:';

interface Cycle {
  ctx: ReconcileContext;
  pod: PodObject;
  node: NodeObject;
  client: Client;
  source: EventSource;
  now: number;
}

/**
 * The machine's containerd and kubelet disagree on the cgroup driver (src/sim/hosts): every
 * sandbox is killed and re-created, so the pod never starts. The node shell's fix resyncs pods.
 */
function sandboxesFail(c: Cycle): boolean {
  if (!c.ctx.hosts?.problemsOf(c.node.metadata.name)?.cgroupMismatch) return false;
  c.ctx.events.record(c.pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.', c.source);
  return true;
}

function specOf(pod: PodObject, rt: ContainerRuntime): Container | undefined {
  return (rt.init ? pod.spec?.initContainers : pod.spec?.containers)?.find((c) => c.name === rt.name);
}

class Kubelet {
  readonly pods = new Map<string, PodRuntime>();
  readonly ips = new PodIPAllocator();

  reconcile(ctx: ReconcileContext): ReconcileResult | void {
    if (ctx.key.startsWith(NODE_KEY)) return this.syncNode(ctx, ctx.key.slice(NODE_KEY.length));
    const { namespace, name } = splitKey(ctx.key);
    const pod = ctx.store.get<PodObject>('pods', namespace, name);
    let rt = this.pods.get(ctx.key);
    if (!pod || (rt && rt.uid !== pod.metadata.uid)) {
      this.pods.delete(ctx.key);
      rt = undefined;
    }
    const nodeName = pod?.spec?.nodeName;
    // A pod bound to a node that is gone is the node lifecycle controller's business, not ours.
    const node = nodeName ? ctx.store.get<NodeObject>('nodes', undefined, nodeName) : undefined;
    // A stopped kubelet does nothing at all: no status, no deletions, no timers.
    if (!pod || !nodeName || !node || kubeletStopped(node)) return;
    const c: Cycle = { ctx, pod, node, client: ctx.client.as(`kubelet/${nodeName}`), source: { component: 'kubelet', host: nodeName }, now: ctx.clock.tick };
    try {
      if (pod.metadata.deletionTimestamp) return this.stop(c, rt);
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return;
      if (!rt) {
        if (phase === 'Running') return;
        if (sandboxesFail(c)) return;
        return this.start(c);
      }
      return this.sync(c, rt);
    } finally {
      this.ips.markCurrent(ctx.store);
    }
  }

  /** A node whose kubelet came back posts Ready again, as the kubelet's status loop does. */
  private syncNode(ctx: ReconcileContext, nodeName: string): void {
    const node = ctx.store.get<NodeObject>('nodes', undefined, nodeName);
    if (!node || kubeletStopped(node) || nodeReady(node) === 'True') return;
    // Its machine's runtime cannot start sandboxes (cgroup driver mismatch): it does not post Ready.
    if (ctx.hosts?.problemsOf(nodeName)?.cgroupMismatch) return;
    const now = ctx.clock.nowRFC3339();
    const fresh: Record<string, [string, string, string]> = {
      MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
    };
    const conditions: NodeCondition[] = (node.status?.conditions ?? []).map((cond) => {
      const f = fresh[cond.type];
      if (!f) return cond;
      const [status, reason, message] = f;
      return { ...cond, status, reason, message, lastHeartbeatTime: now, ...(cond.status !== status ? { lastTransitionTime: now } : {}) };
    });
    ctx.client.as(`kubelet/${nodeName}`).updateStatus(
      { ...node, status: { ...node.status, conditions } },
      { reason: `The kubelet on ${nodeName} is running again and posts Ready`, code: 'record.kubelet.nodeReady', params: { node: nodeName } },
    );
    ctx.events.record(node, 'Normal', 'NodeReady', `Node ${nodeName} status is now: NodeReady`, { component: 'kubelet', host: nodeName });
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
    const rt: PodRuntime = {
      uid: pod.metadata.uid ?? '',
      containers: [...(pod.spec?.initContainers ?? []).map((x) => newRuntime(x, true)), ...(pod.spec?.containers ?? []).map((x) => newRuntime(x, false))],
    };
    for (const x of rt.containers) x.due = c.now;
    this.pods.set(ctx.key, rt);
    return this.sync({ ...c, pod: res.object as PodObject }, rt);
  }

  /**
   * The containers that may move now: init containers in order (a sidecar stays active once
   * started, and the next one may start), then the app containers in order.
   */
  private active(pod: PodObject, rt: PodRuntime): ContainerRuntime[] {
    const out: ContainerRuntime[] = [];
    for (const x of rt.containers) {
      if (!x.init) continue;
      if (isSidecar(specOf(pod, x), x)) {
        out.push(x);
        if (!sidecarStarted(x)) return out;
        continue;
      }
      if (x.phase === 'exited' && x.term?.exitCode === 0) continue;
      out.push(x);
      return out;
    }
    // App containers start one after another, as SyncPod starts them in order.
    for (const x of rt.containers) {
      if (x.init) continue;
      out.push(x);
      if (x.restarts === 0 && ['waiting', 'pulling', 'creating'].includes(x.phase)) break;
    }
    return out;
  }

  private sync(c: Cycle, rt: PodRuntime): ReconcileResult | void {
    const env: Env = { ctx: c.ctx, pod: c.pod, node: c.node, source: c.source, now: c.now, rememberImage: (image) => this.rememberImage(c, image) };
    rt.waitsFor = mountsBlocked(env, rt.containers);
    if (rt.waitsFor) return;
    for (const x of rt.containers) if (x.phase === 'configError') x.due = c.now;
    for (let guard = 0; guard < 50; guard++) {
      let moved = false;
      for (const x of this.active(c.pod, rt)) {
        const spec = specOf(c.pod, x);
        if (spec && advance(env, spec, x)) moved = true;
      }
      if (!moved) break;
    }
    const apps = rt.containers.filter((x) => !x.init);
    if (apps.length && apps.every((x) => x.phase === 'exited' && !x.restartPending))
      for (const x of rt.containers) if (isSidecar(specOf(c.pod, x), x)) stopSidecar(env, x);
    this.writeStatus(c, rt);
    const dues = rt.containers.map((x) => x.due).filter((d) => d > c.now);
    return dues.length ? { requeueAfterTicks: Math.min(...dues) - c.now } : undefined;
  }

  /** Pod phase, conditions and container statuses from the containers' state machines. */
  private writeStatus(c: Cycle, rt: PodRuntime): void {
    const { pod, ctx } = c;
    const inits = rt.containers.filter((x) => x.init);
    const apps = rt.containers.filter((x) => !x.init);
    const sidecar = (x: ContainerRuntime) => isSidecar(specOf(pod, x), x);
    const initialized = inits.every((x) => (sidecar(x) ? sidecarStarted(x) : x.phase === 'exited' && x.term?.exitCode === 0));
    const initFailed = inits.some((x) => !sidecar(x) && x.phase === 'exited' && !x.restartPending && (x.term?.exitCode ?? 0) !== 0);
    const appsDone = apps.every((x) => x.phase === 'exited' && !x.restartPending);
    const ever = apps.some((x) => x.containerID !== '');
    let phase: string;
    if (initFailed) phase = 'Failed';
    else if (!initialized) phase = 'Pending';
    else if (appsDone) phase = apps.every((x) => x.term?.exitCode === 0) ? 'Succeeded' : 'Failed';
    else phase = ever ? 'Running' : 'Pending';
    const ready = phase === 'Running' && apps.every((x) => x.phase === 'running' && x.ready);
    const view = (x: ContainerRuntime) => ({ ...x, startedAt: ctx.clock.rfc3339At(x.startedTick) });
    const spec = (x: ContainerRuntime) => specOf(pod, x) as Container;
    const now = ctx.clock.nowRFC3339();
    let conditions = podConditions(pod, now, { initialized, ready });
    if (phase === 'Succeeded' || phase === 'Failed') {
      conditions = conditions.map((k) => (k.type === 'Ready' || k.type === 'ContainersReady' ? { type: k.type, status: 'False', lastTransitionTime: k.lastTransitionTime, reason: 'PodCompleted' } : k.type === 'PodReadyToStartContainers' ? { ...k, status: 'False' } : k));
    }
    const status: Partial<PodStatus> = {
      phase,
      conditions,
      ...(inits.length ? { initContainerStatuses: inits.map((x) => containerStatus(spec(x), view(x), pod, false, imageID)) } : {}),
      containerStatuses: apps.map((x) => containerStatus(spec(x), view(x), pod, !initialized, imageID)),
    };
    const next = withStatus(pod, status);
    if (jsonEqual(next.status, pod.status)) return;
    const res = c.client.updateStatus(next, this.why(c, pod.status, phase, ready, rt));
    if (res.ok) c.pod = res.object as PodObject;
  }

  private why(c: Cycle, old: PodStatus | undefined, phase: string, ready: boolean, rt: PodRuntime): Why {
    const pod = c.ctx.key;
    const node = c.node.metadata.name;
    const wasReady = old?.conditions?.some((k) => k.type === 'Ready' && k.status === 'True') ?? false;
    if (phase !== old?.phase) {
      if (phase === 'Running')
        return ready
          ? { reason: `kubelet on ${node} started every container of ${pod}; the pod is Running and Ready`, code: 'record.kubelet.podRunningReady', params: { pod, node } }
          : { reason: `kubelet on ${node} started the containers of ${pod}; the pod is Running`, code: 'record.kubelet.podRunning', params: { pod, node } };
      if (phase === 'Succeeded') return { reason: `Every container of ${pod} exited 0 and will not restart: the pod Succeeded`, code: 'record.kubelet.podSucceeded', params: { pod, node } };
      if (phase === 'Failed') return { reason: `A container of ${pod} failed and the restart policy does not restart it: the pod Failed`, code: 'record.kubelet.podFailed', params: { pod, node } };
    }
    if (ready && !wasReady) return { reason: `Every container of ${pod} is ready`, code: 'record.kubelet.podReady', params: { pod, node } };
    if (!ready && wasReady) return { reason: `A container of ${pod} is no longer ready, so the pod is not Ready`, code: 'record.kubelet.podNotReady', params: { pod, node } };
    const x = rt.containers.find((k) => k.phase !== 'running') ?? rt.containers[0];
    const state = x ? { exited: 'Terminated', crashBackOff: 'CrashLoopBackOff', pullFailed: 'ErrImagePull', pullBackOff: 'ImagePullBackOff', neverPull: 'ErrImageNeverPull', configError: 'CreateContainerConfigError' }[x.phase as string] ?? 'ContainerCreating' : '';
    return {
      reason: `kubelet on ${node} reports container ${x?.name ?? ''} of ${pod} as ${state} (restarts: ${x?.restarts ?? 0})`,
      code: 'record.kubelet.containerState',
      params: { pod, node, container: x?.name ?? '', state, restarts: x?.restarts ?? 0 },
    };
  }

  /** The node reports the images it holds in status.images, which is how "already present" is known. */
  private rememberImage(c: Cycle, image: string): void {
    const node = c.ctx.store.get<NodeObject>('nodes', undefined, c.node.metadata.name);
    if (!node) return;
    const ref = normalizeImage(image);
    if ((node.status?.images ?? []).some((i) => (i.names ?? []).includes(ref))) return;
    const entry: ContainerImage = { names: [imageID(image), ref], sizeBytes: catalogueSizeBytes(image) ?? imageSizeBytes(image) };
    const images = [...(node.status?.images ?? []), entry].sort((a, b) => (b.sizeBytes ?? 0) - (a.sizeBytes ?? 0));
    const res = c.client.updateStatus(
      { ...node, status: { ...node.status, images } },
      { reason: `${node.metadata.name} pulled ${image}; it is now in the node's image cache`, code: 'record.kubelet.imageCached', params: { node: node.metadata.name, image } },
    );
    if (res.ok) c.node = res.object as NodeObject;
  }

  /** `kubectl delete`: stop the containers (SIGTERM, within the grace period), then remove the pod for good. */
  private stop(c: Cycle, rt: PodRuntime | undefined): ReconcileResult | void {
    const { pod, ctx } = c;
    if (rt?.stopDue === undefined) {
      for (const s of pod.status?.containerStatuses ?? []) {
        if (s.state?.running) ctx.events.record(pod, 'Normal', 'Killing', `Stopping container ${s.name}`, c.source, `spec.containers{${s.name}}`);
      }
      const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      const wait = grace <= 0 ? 0 : Math.min(ctx.clock.ticksFor(grace), ctx.clock.ticksFor(ctx.timings.podStopSeconds));
      if (wait > 0) {
        this.pods.set(ctx.key, { uid: pod.metadata.uid ?? '', containers: rt?.containers ?? [], stopDue: c.now + wait });
        return { requeueAfterTicks: wait };
      }
    } else if (c.now < rt.stopDue) {
      return { requeueAfterTicks: rt.stopDue - c.now };
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
    this.pods.delete(ctx.key);
  }
}

/** The hook `kubectl exec … kill 1` uses: the main process exits, and the next sync sees it (kubelet/signal.ts). */
export interface KubeletSignals {
  /** Marks the running container `container` of pod `namespace/name` as exited with `exitCode`; false when it is not running. */
  signalMain(key: string, container: string, exitCode: number): boolean;
}

/**
 * The kubelets of all nodes as one controller: each pod is handled by the kubelet of its
 * node, and its writes are signed `kubelet/<node>`. Containers follow their image and
 * command (containers.ts); only pods with something pending (a pull, a back-off, an exit, a
 * probe that can change) hold a timer, so a cluster of running servers settles.
 */
export function createKubelet(): Controller & KubeletSignals {
  const k = new Kubelet();
  return {
    name: 'kubelet',
    signalMain: (key, container, exitCode) => {
      const x = k.pods.get(key)?.containers.find((c) => c.name === container && c.phase === 'running');
      if (!x) return false;
      x.signalled = exitCode;
      x.due = 0;
      return true;
    },
    watches: [
      {
        resource: 'pods',
        map: (ev) => (ev.type !== 'DELETED' && (ev.object.spec as { nodeName?: string } | undefined)?.nodeName ? [keyOf(ev.object)] : []),
      },
      {
        resource: 'nodes',
        // A kubelet coming back picks up its pods where it left them.
        map: (ev, store) => {
          const node = ev.object as NodeObject;
          if (ev.type === 'DELETED' || kubeletStopped(node) || !kubeletStopped(ev.oldObject as NodeObject | undefined)) return [];
          const pods = store.list<PodObject>('pods').filter((p) => p.spec?.nodeName === node.metadata.name);
          return [NODE_KEY + node.metadata.name, ...pods.map((p) => keyOf(p))];
        },
      },
      // A pod waiting for a ConfigMap or Secret (FailedMount, CreateContainerConfigError) tries again when it changes.
      { resource: 'configmaps', map: (ev) => waitingPods(k.pods, refOfObject('configmaps', ev.object)) },
      { resource: 'secrets', map: (ev) => waitingPods(k.pods, refOfObject('secrets', ev.object)) },
    ],
    reconcile: (ctx) => k.reconcile(ctx),
    saveState: () => [...k.pods],
    loadState: (saved) => {
      k.pods.clear();
      for (const [key, p] of saved as [string, PodRuntime][]) k.pods.set(key, p);
    },
  };
}
