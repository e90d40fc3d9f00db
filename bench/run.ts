/**
 * `npm run bench`: measures the budgets of DESIGN.md and writes BENCHMARKS.md.
 * Numbers come from this machine, in Node; nothing here is asserted by a unit test.
 */
import { writeFileSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCluster } from '../src/sim/cluster';
import type { KubeObject } from '../src/sim/objects';

interface Row {
  what: string;
  value: string;
  budget: string;
  ok: boolean | null;
}

function podManifest(i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'default', labels: { app: `app-${i % 200}` } },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '50m', memory: '64Mi' } } }] },
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function clusterScale(nodes: number, pods: number): Row[] {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const cluster = createCluster({ seed: 42, nodes });
  for (let i = 0; i < pods; i++) {
    const r = cluster.api.create(podManifest(i));
    if (!r.ok) throw new Error(r.status.message);
  }
  let ticks = 0;
  const running = () => cluster.store.list('pods').filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running').length;
  while (ticks < 200) {
    cluster.step();
    // The worker drains every tick (one delta per tick); do the same so old versions can be freed.
    cluster.drainDelta();
    ticks++;
    if (cluster.settled()) break;
  }
  const converge = performance.now() - t0;
  const runningPods = running();
  const peakHeap = process.memoryUsage().heapUsed - heapBefore;
  // Steady state: nothing changes, so a tick should cost almost nothing.
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s = performance.now();
    cluster.step();
    cluster.drainDelta();
    samples.push(performance.now() - s);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] as number;
  const p95 = samples[Math.floor(samples.length * 0.95)] as number;
  return [
    { what: `${nodes} nodes, ${pods} pods: wall time from empty to settled`, value: `${converge.toFixed(0)} ms (${ticks} ticks, ${runningPods} Running)`, budget: '≤ 2,000 ms', ok: converge <= 2000 && runningPods === pods },
    { what: 'steady-state tick, median / p95', value: `${median.toFixed(2)} / ${p95.toFixed(2)} ms`, budget: '≤ 8 ms', ok: p95 <= 8 },
    { what: 'heap growth for that cluster', value: mb(peakHeap), budget: '—', ok: null },
  ];
}

function bundle(): Row[] {
  const dir = 'dist/assets';
  if (!existsSync(dir)) return [{ what: 'initial JavaScript (gzip)', value: 'not measured: run `vite build` first', budget: '≤ 250 KB', ok: null }];
  const html = readFileSync('dist/index.html', 'utf8');
  const entry = [...html.matchAll(/assets\/([^"']+\.js)/g)].map((m) => m[1] as string);
  // The initial load is the entry script and the chunks it imports statically (modulepreload).
  const initial = new Set(entry);
  let size = 0;
  for (const f of initial) size += gzipSync(readFileSync(join(dir, f))).length;
  const all = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const monaco = all.filter((f) => /editor|monaco/i.test(f)).reduce((s, f) => s + gzipSync(readFileSync(join(dir, f))).length, 0);
  return [
    { what: `initial JavaScript, gzip (${[...initial].join(', ')})`, value: `${(size / 1024).toFixed(1)} KB`, budget: '≤ 250 KB', ok: size <= 250 * 1024 },
    { what: 'Monaco chunks, gzip (lazy)', value: `${(monaco / 1024).toFixed(1)} KB`, budget: 'not on first paint', ok: null },
  ];
}

const rows = [...clusterScale(500, 5000), ...bundle()];
const now = new Date().toISOString().slice(0, 10);
const md = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${now}, Node ${process.version}, ${process.arch}, on this project's 2-core machine.`,
  'Pods here are created directly (Deployments come with the workloads issue); each requests 50m cpu / 64Mi.',
  '',
  '| what | measured | budget | within |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.budget} | ${r.ok === null ? '—' : r.ok ? 'yes' : '**no**'} |`),
  '',
].join('\n');
if (!process.argv.includes('--no-write')) writeFileSync('BENCHMARKS.md', md);
console.log(md);
