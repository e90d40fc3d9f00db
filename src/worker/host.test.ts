import { describe, expect, it } from 'vitest';
import { SimHost } from './host';
import type { SimToUi } from './protocol';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

function host() {
  const out: SimToUi[] = [];
  const h = new SimHost((m) => out.push(m), { seed: 7, nodes: 2 });
  return { h, out };
}

describe('SimHost', () => {
  it('answers init with a snapshot holding the bootstrapped nodes', () => {
    const { h, out } = host();
    h.handle({ seq: 1, type: 'init', options: { seed: 3, nodes: 3 } });
    const snap = out.find((m) => m.type === 'snapshot' && m.re === 1);
    expect(snap?.type).toBe('snapshot');
    if (snap?.type !== 'snapshot') return;
    expect(snap.snapshot.objects.nodes?.map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
  });

  it('posts the apply delta before the result, so the mirror shows the write when the reply resolves', () => {
    const { h, out } = host();
    h.handle({ seq: 5, type: 'apply', file: 'web.yaml', yaml: pod });
    const i = out.findIndex((m) => m.type === 'delta');
    const j = out.findIndex((m) => m.type === 'kubectlResult' && m.re === 5);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(j).toBeGreaterThan(i);
    const d = out[i];
    if (d?.type !== 'delta') throw new Error('no delta');
    expect(d.delta.changes.some((c) => c.resource === 'pods' && c.object.metadata.name === 'web')).toBe(true);
    const r = out[j];
    if (r?.type !== 'kubectlResult') throw new Error('no result');
    expect(r.result.stdout).toBe('pod/web created\n');
  });

  it('posts one delta per tick and answers the request with the last', () => {
    const { h, out } = host();
    h.handle({ seq: 1, type: 'apply', file: 'web.yaml', yaml: pod });
    out.length = 0;
    h.handle({ seq: 2, type: 'tick', count: 3 });
    expect(out.map((m) => (m.type === 'delta' ? m.delta.tick : -1))).toEqual([1, 2, 3]);
    expect(out[2]?.re).toBe(2);
    expect(out.slice(0, 2).every((m) => m.re === undefined)).toBe(true);
  });

  it('settle answers with one delta and whether the cluster is idle', () => {
    const { h, out } = host();
    h.handle({ seq: 1, type: 'apply', file: 'web.yaml', yaml: pod });
    h.handle({ seq: 2, type: 'settle' });
    const reply = out.find((m) => m.re === 2);
    if (reply?.type !== 'delta') throw new Error('settle did not reply with a delta');
    expect(reply.settled).toBe(true);
    expect(reply.delta.tick).toBeGreaterThan(0);
    h.handle({ seq: 3, type: 'kubectl', line: 'get pod web -o name' });
    const got = out.find((m) => m.re === 3);
    expect(got?.type === 'kubectlResult' && got.result.stdout).toBe('pod/web\n');
  });

  it('replies kubectl errors as a result, not as a crash', () => {
    const { h, out } = host();
    h.handle({ seq: 9, type: 'kubectl', line: 'get pod nope' });
    const r = out.find((m) => m.re === 9);
    if (r?.type !== 'kubectlResult') throw new Error(`expected kubectlResult, got ${r?.type}`);
    expect(r.result.exitCode).toBe(1);
    expect(r.result.stderr).toContain('pods "nope" not found');
  });

  it('survives garbage: a bad message becomes an error reply', () => {
    const { h, out } = host();
    h.handle({ seq: 4, type: 'import', state: { format: 'nope' } as never });
    h.handle({ seq: 5, type: 'bogus' } as never);
    expect(out.filter((m) => m.type === 'error').map((m) => m.re)).toEqual([4, 5]);
    h.handle({ seq: 6, type: 'kubectl', line: 'get nodes' });
    const r = out.find((m) => m.re === 6);
    expect(r?.type === 'kubectlResult' && r.result.stdout.startsWith('NAME')).toBe(true);
  });

  it('reset applies the lesson manifests into a fresh cluster; export/import round-trips', () => {
    const { h, out } = host();
    h.handle({ seq: 1, type: 'reset', options: { seed: 2, nodes: 1 }, manifests: [{ file: 'web.yaml', yaml: pod }] });
    const snap = out.find((m) => m.re === 1);
    if (snap?.type !== 'snapshot') throw new Error('no snapshot');
    expect(snap.snapshot.objects.pods?.filter((d) => d.metadata.namespace === 'default').map((d) => d.metadata.name)).toEqual(['web']);
    expect(snap.snapshot.objects.nodes).toHaveLength(2);
    h.handle({ seq: 2, type: 'export' });
    const exp = out.find((m) => m.re === 2);
    if (exp?.type !== 'exported') throw new Error('no export');
    const other = host();
    other.h.handle({ seq: 3, type: 'import', state: exp.state });
    const imported = other.out.find((m) => m.re === 3);
    if (imported?.type !== 'snapshot') throw new Error('no import snapshot');
    expect(imported.snapshot.objects.pods?.filter((d) => d.metadata.namespace === 'default').map((d) => d.metadata.name)).toEqual(['web']);
  });

  it('answers schedulingResult with the scheduler\'s filter/score table for a scheduled pod', () => {
    const { h, out } = host();
    h.handle({ seq: 1, type: 'apply', file: 'web.yaml', yaml: pod });
    h.handle({ seq: 2, type: 'settle' });
    h.handle({ seq: 3, type: 'schedulingResult', podKey: 'default/web' });
    const r = out.find((m) => m.re === 3);
    if (r?.type !== 'schedulingResult') throw new Error('no schedulingResult');
    const result = r.result as { nodes: { node: string }[]; chosen?: string };
    expect(result.chosen).toMatch(/^worker-/);
    expect(result.nodes.length).toBe(3);
  });
});
