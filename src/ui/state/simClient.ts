import type { SimToUi, UiToSim } from '../../worker/protocol';
import { applyDelta, applySnapshot } from './mirror';
import { forgetDeltas, rememberDelta } from './recentDeltas';

/** A request as the caller writes it: the client assigns `seq`. */
type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;
export type Request = WithoutSeq<UiToSim>;

type Pending = { resolve: (msg: SimToUi) => void };

/** The endpoint the client talks to: a Worker, or a fake in tests. */
export interface Port {
  postMessage(msg: UiToSim): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent<SimToUi>) => void): void;
}

/**
 * The UI's only way to reach the cluster. Snapshots and deltas always go into the mirror
 * (whoever asked for them); replies also resolve the request that carried their seq.
 * An `error` reply resolves too (it is an answer, not a transport failure).
 */
export class SimClient {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(msg: SimToUi) => void>();

  constructor(private readonly port: Port) {
    port.addEventListener('message', (ev) => this.receive(ev.data));
  }

  request(msg: Request): Promise<SimToUi> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, { resolve });
      this.port.postMessage({ ...msg, seq } as UiToSim);
    });
  }

  /** Every message from the worker, after the mirror has applied it. */
  onMessage(listener: (msg: SimToUi) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private receive(msg: SimToUi): void {
    if (msg.type === 'snapshot') {
      applySnapshot(msg.snapshot);
      forgetDeltas();
    } else if (msg.type === 'delta') {
      applyDelta(msg.delta);
      rememberDelta(msg.delta);
    }
    for (const l of this.listeners) l(msg);
    if (msg.re === undefined) return;
    const p = this.pending.get(msg.re);
    if (!p) return;
    this.pending.delete(msg.re);
    p.resolve(msg);
  }
}

let client: SimClient | undefined;

/** The app's one client, with the worker in its own chunk. */
export function simClient(): SimClient {
  if (!client) {
    const worker = new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'kube-orchestra-sim' });
    client = new SimClient(worker as unknown as Port);
  }
  return client;
}

export function request(msg: Request): Promise<SimToUi> {
  return simClient().request(msg);
}
