import type { KubeObject } from './objects';
import { refOf } from './objects';
import { Store } from './store/store';
import type { WatchEvent } from './store/store';
import { SimClock } from './clock';
import { Random } from './random';
import { ApiServer } from './api/server';
import { Client } from './api/client';
import { EventRecorder } from './events';
import { ControllerManager } from './controllers/manager';
import type { Controller, ReconcileContext, ReconcileRecord } from './controllers/types';
import { defaultControllers } from './controllers/index';
import type { Timings } from './timings';
import { DEFAULT_TIMINGS } from './timings';
import { SYSTEM_NAMESPACES, namespaceObject, nodeObject } from './bootstrap';
import type { ClusterSettings } from './settings';
import { DEFAULT_SETTINGS } from './settings';
import type { PortForward } from './network/portforward';
import { bootstrapAddons } from './bootstrapAddons';
import { VolumeFiles } from './volumes/index';
import type { VolumeFilesState } from './volumes/index';
import { bootstrapRbac } from './api/authz/bootstrap';
import { bootstrapComponents } from './components/bootstrap';
import { scheduleLeases } from './components/schedule';
import { pausedControllers } from './components/status';
import { Hosts } from './hosts/registry';
import type { HostsState } from './hosts/registry';

export interface ClusterOptions {
  seed?: number;
  /** Worker nodes (the control-plane node comes on top). Default 2. */
  nodes?: number;
  timings?: Partial<Timings>;
  workerCpu?: string;
  workerMemory?: string;
  /**
   * kube-apiserver's --default-not-ready-toleration-seconds and
   * --default-unreachable-toleration-seconds: how long pods stay on a node that went NotReady
   * or unreachable before taint-based eviction. Default 300, as in Kubernetes.
   */
  defaultTolerationSeconds?: number;
  /** Start-up choices (CNI plugin, load-balancer provider ...); changeable later with `configure`. */
  settings?: Partial<ClusterSettings>;
}

/** What changed since the last drain: the worker posts exactly this, once per tick. */
export interface Delta {
  tick: number;
  changes: WatchEvent[];
  records: ReconcileRecord[];
  /** Present when the cluster settings changed since the last drain. */
  settings?: ClusterSettings;
}

export interface ClusterState {
  format: 'kube-orchestra/cluster';
  version: 1;
  options: Required<Pick<ClusterOptions, 'seed' | 'nodes'>> & ClusterOptions;
  tick: number;
  random: number;
  store: ReturnType<Store['dump']>;
  controllers: ReturnType<ControllerManager['dump']>;
  records: ReconcileRecord[];
  /** Absent in states saved before settings existed: those get the options' settings. */
  settings?: ClusterSettings;
  /** Open `kubectl port-forward`s (absent when none). */
  portForwards?: PortForward[];
  /** Files containers wrote into layers and volumes (src/sim/volumes; absent when none). */
  volumeFiles?: VolumeFilesState;
  /** Machines made with `machine create` or entered with `ssh` (src/sim/hosts; absent when none). */
  hosts?: HostsState;
  /** The kubeconfig context's namespace from `kubectl config set-context --current --namespace` (absent when default). */
  kubeconfig?: { namespace: string };
}

export const KUBERNETES_VERSION = 'v1.34.1';
/** The most ticks `runUntilSettled` takes before giving up (a crash loop never settles). */
export const SETTLE_LIMIT = 600;
/** Timers due further out than this many ticks do not keep the cluster from counting as settled. */
export const SETTLE_HORIZON = 600;

/**
 * One simulated cluster: store, API server, controllers, scheduler and kubelets on one
 * deterministic clock. The same object runs in the Web Worker, in tests, in the CLI and
 * in the benchmark.
 */
export class Cluster {
  readonly store = new Store();
  readonly clock = new SimClock();
  readonly random: Random;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly manager: ControllerManager;
  readonly timings: Timings;
  /** Every reconcile record since the cluster was created. */
  readonly records: ReconcileRecord[] = [];
  private recordsDrained = 0;
  private settingsChanged = false;
  readonly options: ClusterState['options'];
  /** The cluster's current add-on and network choices; change them with `configure`. */
  settings: ClusterSettings;
  /** `kubectl port-forward`s the learner left open (network/portforward.ts). */
  portForwards: PortForward[] = [];
  /** The current kubeconfig context's namespace (`kubectl config set-context --current --namespace=NS`). */
  kubeconfig: { namespace?: string } = {};
  /** What containers wrote, where it lives, and how long it lasts (`kubectl exec … > FILE`). */
  readonly volumeFiles = new VolumeFiles();
  /** The host model of machines (swap, modules, sysctls, containerd, kubelet): `machine create`, `ssh NAME -- CMD`. */
  readonly hosts = new Hosts();

  constructor(options: ClusterOptions = {}, controllers: Controller[] = defaultControllers()) {
    this.options = { ...options, seed: options.seed ?? 1, nodes: options.nodes ?? 2 };
    this.random = new Random(this.options.seed);
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.api = new ApiServer(this.store, this.clock, this.random, { defaultTolerationSeconds: options.defaultTolerationSeconds }, () => this.settings);
    this.events = new EventRecorder(this.store, this.clock, this.random);
    this.manager = new ControllerManager(this.store);
    for (const c of controllers) this.manager.register(c);
    // A stopped kube-scheduler or kube-controller-manager (its static pod manifest moved away) pauses its controllers.
    this.manager.setGate(pausedControllers);
  }

  get tick(): number {
    return this.clock.tick;
  }

  /** Lays out what `kubeadm init` + `kubeadm join` leave behind. */
  bootstrap(): this {
    const version = KUBERNETES_VERSION;
    const add = (resource: string, obj: KubeObject, reason: string, code: string) => {
      const created = this.store.create(resource, {
        ...obj,
        metadata: { ...obj.metadata, uid: this.random.uid(), creationTimestamp: this.clock.nowRFC3339() },
      });
      this.records.push({ tick: 0, controller: 'kubeadm', key: created.metadata.name, action: 'create', target: refOf(created), reason, code, params: { name: created.metadata.name } });
    };
    for (const ns of SYSTEM_NAMESPACES) add('namespaces', namespaceObject(ns), `kubeadm init creates the ${ns} namespace`, 'record.kubeadm.namespace');
    add(
      'nodes',
      nodeObject('control-plane', 0, { controlPlane: true, cpu: '2', memory: '4Gi', version }),
      'kubeadm init registers the control-plane node and taints it NoSchedule',
      'record.kubeadm.controlPlane',
    );
    for (let i = 1; i <= this.options.nodes; i++) {
      add(
        'nodes',
        nodeObject(`worker-${i}`, i, { controlPlane: false, cpu: this.options.workerCpu ?? '4', memory: this.options.workerMemory ?? '8Gi', version }),
        `kubeadm join registers worker-${i}; its podCIDR comes from 10.244.0.0/16`,
        'record.kubeadm.worker',
      );
    }
    // The add-ons were running before the learner arrives: the controllers' informers list them
    // on start, so their creation is no change to replay in tick 1.
    const pending = this.manager.dump().pending.length;
    bootstrapRbac({ store: this.store, clock: this.clock, seed: this.options.seed, namespaces: SYSTEM_NAMESPACES, record: (r) => this.records.push(r) });
    bootstrapAddons({ store: this.store, clock: this.clock, seed: this.options.seed, settings: () => this.settings, controlPlane: { name: 'control-plane', ip: '172.18.0.2' }, record: (r) => this.records.push(r) });
    bootstrapComponents({ store: this.store, clock: this.clock, seed: this.options.seed, settings: () => this.settings, record: (r) => this.records.push(r) });
    const queued = this.manager.dump();
    this.manager.restore({ ...queued, pending: queued.pending.slice(0, pending) });
    scheduleLeases(this.manager, this.store, this.clock, this.settings);
    return this;
  }

  private context(controller: Controller, key: string): ReconcileContext {
    return {
      store: this.store,
      client: new Client(this.api, (r) => this.records.push(r), { controller: controller.name, key, tick: this.clock.tick }, true),
      events: this.events,
      clock: this.clock,
      random: this.random,
      timings: this.timings,
      settings: this.settings,
      hosts: this.hosts,
      key,
    };
  }

  /**
   * Changes cluster settings (the learner switched the CNI plugin, installed a load-balancer
   * provider ...). Recorded like any write; `resync` names the resources whose objects every
   * watching controller must look at again, because what they should do has changed.
   */
  configure(patch: Partial<ClusterSettings>, why: { reason: string; code?: string; params?: Record<string, string | number> }, resync: string[] = []): void {
    this.settings = { ...this.settings, ...patch };
    this.settingsChanged = true;
    this.records.push({ tick: this.clock.tick, controller: 'cluster-admin', key: '', action: 'update', target: { kind: 'Cluster', name: 'settings' }, ...why });
    for (const resource of resync) this.manager.resync(resource, this.store);
  }

  /** Client for the learner's own writes (editor, console, CLI), recorded as `kubectl`. */
  userClient(): Client {
    return new Client(this.api, (r) => this.records.push(r), { controller: 'kubectl', key: '', tick: this.clock.tick });
  }

  /** Advances the clock one step and runs every controller once over what was queued. */
  step(): void {
    this.clock.tick++;
    this.manager.runTick(this.clock.tick, (c, k) => this.context(c, k), this.store);
  }

  /** Steps `n` ticks and returns what changed. */
  tickN(n = 1): Delta {
    for (let i = 0; i < n; i++) this.step();
    return this.drainDelta();
  }

  /**
   * True when no controller has anything to do now or within SETTLE_HORIZON ticks. A timer
   * further out (a `sleep 3600` that ends in an hour) is the cluster at rest until then, not
   * unfinished work: settling must not burn ten simulated minutes waiting for it.
   */
  settled(): boolean {
    return !this.manager.hasWorkAt(this.clock.tick + SETTLE_HORIZON);
  }

  /**
   * Steps until `settled()`, or `limit` ticks pass. Returns the ticks taken.
   */
  runUntilSettled(limit = SETTLE_LIMIT): number {
    let n = 0;
    while (!this.settled() && n < limit) {
      this.step();
      n++;
    }
    return n;
  }

  drainDelta(): Delta {
    const records = this.records.slice(this.recordsDrained);
    this.recordsDrained = this.records.length;
    const delta: Delta = { tick: this.clock.tick, changes: this.store.drainLog(), records };
    if (this.settingsChanged) delta.settings = this.settings;
    this.settingsChanged = false;
    return delta;
  }

  exportState(): ClusterState {
    return {
      format: 'kube-orchestra/cluster',
      version: 1,
      options: this.options,
      tick: this.clock.tick,
      random: this.random.getState(),
      store: this.store.dump(),
      controllers: this.manager.dump(),
      records: this.records,
      settings: this.settings,
      ...(this.portForwards.length ? { portForwards: this.portForwards } : {}),
      ...(this.kubeconfig.namespace ? { kubeconfig: { namespace: this.kubeconfig.namespace } } : {}),
      ...(this.volumeFiles.dump() ? { volumeFiles: this.volumeFiles.dump() } : {}),
      ...(this.hosts.dump() ? { hosts: this.hosts.dump() } : {}),
    };
  }

  static fromState(state: ClusterState, controllers: Controller[] = defaultControllers()): Cluster {
    if (state.format !== 'kube-orchestra/cluster' || state.version !== 1) throw new Error('not a Kube Orchestra cluster state (format/version)');
    const c = new Cluster(state.options, controllers);
    c.clock.tick = state.tick;
    c.random.setState(state.random);
    c.store.restore(state.store);
    c.manager.restore(state.controllers);
    c.records.push(...state.records);
    if (state.settings) c.settings = { ...DEFAULT_SETTINGS, ...state.settings };
    if (state.portForwards) c.portForwards = [...state.portForwards];
    if (state.kubeconfig) c.kubeconfig = { ...state.kubeconfig };
    c.volumeFiles.restore(state.volumeFiles);
    c.hosts.restore(state.hosts);
    c.recordsDrained = c.records.length;
    return c;
  }
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  const c = new Cluster(options).bootstrap();
  c.drainDelta();
  return c;
}
