import { describe, expect, it } from 'vitest';
import { traffic, showTrace } from './traffic';
import type { TrafficTrace } from '../../sim/network/types';

const trace: TrafficTrace = { tick: 3, request: 'GET http://web/', hops: [{ kind: 'client', text: 'curl from pod client' }], outcome: 'ok', status: 200 };

describe('traffic slice', () => {
  it('each trace is new until a view shows it, even the same request twice', () => {
    showTrace(trace);
    const a = traffic.getState();
    expect(a.trace).toBe(trace);
    expect(a.seq).toBeGreaterThan(a.seen);
    a.markSeen();
    expect(traffic.getState().seen).toBe(traffic.getState().seq);
    showTrace(trace);
    expect(traffic.getState().seq).toBe(traffic.getState().seen + 1);
    traffic.getState().dismiss();
    expect(traffic.getState().trace).toBeNull();
    expect(traffic.getState().seen).toBe(traffic.getState().seq);
  });
});
