import { Cluster, createCluster } from '../sim/cluster';
import type { ClusterOptions } from '../sim/cluster';
import { applyManifest, runKubectl } from '../sim/kubectl/index';
import type { KubectlResult } from '../sim/kubectl/types';
import { schedulingResultFor } from '../sim/scheduler/scheduler';
import type { Snapshot, SimToUi, UiToSim } from './protocol';

/** Ticks one `tick` request may ask for: a stray huge count must not freeze the worker. */
export const MAX_TICKS_PER_REQUEST = 1000;

/**
 * The worker's brain, kept free of Worker globals so Node tests can drive it: it owns one
 * Cluster and turns each UiToSim message into SimToUi replies through `post`.
 */
export class SimHost {
  private cluster: Cluster;
  private seq = 0;

  constructor(
    private readonly post: (msg: SimToUi) => void,
    options: ClusterOptions = {},
    /** Sees every exception with its stack (the worker logs them for developers). */
    private readonly onError: (e: unknown) => void = () => {},
  ) {
    this.cluster = createCluster(options);
  }

  /** Never throws: a bad message or a sim bug becomes an `error` reply, not a dead worker. */
  handle(msg: UiToSim): void {
    try {
      this.dispatch(msg);
    } catch (e) {
      this.onError(e);
      const message = e instanceof Error ? e.message : String(e);
      this.post({ seq: this.next(), re: typeof msg?.seq === 'number' ? msg.seq : undefined, type: 'error', message });
    }
  }

  private next(): number {
    return ++this.seq;
  }

  private dispatch(msg: UiToSim): void {
    switch (msg.type) {
      case 'init':
        this.cluster = msg.state ? Cluster.fromState(msg.state) : createCluster(msg.options);
        this.sendSnapshot(msg.seq);
        return;
      case 'reset':
        this.reset(msg.options, msg.manifests ?? [], msg.seq);
        return;
      case 'kubectl': {
        const files = msg.files ?? {};
        const result = runKubectl(this.cluster, msg.line, (name) => files[name]);
        this.replyWithResult(msg.seq, result);
        return;
      }
      case 'apply': {
        const result = applyManifest(this.cluster, msg.yaml, msg.file, { atomic: true });
        this.replyWithResult(msg.seq, result);
        return;
      }
      case 'tick': {
        const count = Math.max(1, Math.min(MAX_TICKS_PER_REQUEST, Math.floor(msg.count)));
        // One delta per tick, so the UI can pulse each tick's changes on that tick.
        for (let i = 1; i < count; i++) this.post({ seq: this.next(), type: 'delta', delta: this.cluster.tickN(1) });
        this.post({ seq: this.next(), re: msg.seq, type: 'delta', delta: this.cluster.tickN(1), settled: this.cluster.settled() });
        return;
      }
      case 'settle':
        this.cluster.runUntilSettled();
        this.post({ seq: this.next(), re: msg.seq, type: 'delta', delta: this.cluster.drainDelta(), settled: this.cluster.settled() });
        return;
      case 'export':
        this.post({ seq: this.next(), re: msg.seq, type: 'exported', state: this.cluster.exportState() });
        return;
      case 'import':
        this.cluster = Cluster.fromState(msg.state);
        this.sendSnapshot(msg.seq);
        return;
      case 'schedulingResult':
        this.post({ seq: this.next(), re: msg.seq, type: 'schedulingResult', result: schedulingResultFor(this.cluster, msg.podKey) ?? null });
        return;
      default: {
        const unknown: { type?: unknown } = msg;
        throw new Error(`unknown message type ${String(unknown.type)}`);
      }
    }
  }

  private reset(options: ClusterOptions, manifests: { file: string; yaml: string }[], re: number): void {
    const cluster = createCluster(options);
    for (const m of manifests) {
      const r = applyManifest(cluster, m.yaml, m.file, { atomic: true });
      if (r.exitCode !== 0) throw new Error(`${m.file}: ${r.stderr.trim()}`);
    }
    cluster.drainDelta();
    this.cluster = cluster;
    this.sendSnapshot(re);
  }

  /** The delta goes first so that, when the reply resolves, the mirror already shows the write. */
  private replyWithResult(re: number, result: KubectlResult): void {
    const delta = this.cluster.drainDelta();
    if (delta.changes.length || delta.records.length || delta.settings) this.post({ seq: this.next(), type: 'delta', delta });
    this.post({ seq: this.next(), re, type: 'kubectlResult', result });
  }

  snapshot(): Snapshot {
    const c = this.cluster;
    c.drainDelta();
    return { tick: c.tick, objects: c.store.dump().objects, records: c.records.slice(-5000), settings: c.settings };
  }

  private sendSnapshot(re: number): void {
    this.post({ seq: this.next(), re, type: 'snapshot', snapshot: this.snapshot() });
  }
}
