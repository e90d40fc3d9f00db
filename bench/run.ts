/**
 * `npm run bench`: measures the budgets of DESIGN.md and writes BENCHMARKS.md.
 * Numbers come from this machine, in Node; nothing here is asserted by a unit test.
 */
import { writeFileSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCluster } from '../src/sim/cluster';
import type { Delta } from '../src/sim/cluster';
import type { KubeObject } from '../src/sim/objects';

interface Row {
  what: string;
  value: string;
  budget: string;
  ok: boolean | null;
}

const DEPLOYMENTS = 200;
const REPLICAS = 25;

function deploymentManifest(i: number): KubeObject {
  const labels = { app: `web-${i}` };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `web-${i}`, namespace: 'default', labels },
    spec: {
      replicas: REPLICAS,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      },
    },
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] as number;
}

/**
 * Issue 3's scenario: 200 Deployments x 25 replicas on 500 nodes, from the API calls to every
 * pod Running. Each tick drains the delta as the worker does; the Running count is kept from
 * those deltas (not by listing pods), so the bench costs what the worker costs.
 */
function clusterScale(nodes: number): Row[] {
  const pods = DEPLOYMENTS * REPLICAS;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };
  const t0 = performance.now();
  const cluster = createCluster({ seed: 42, nodes });
  for (let i = 0; i < DEPLOYMENTS; i++) {
    const r = cluster.api.create(deploymentManifest(i));
    if (!r.ok) throw new Error(r.status.message);
  }
  const running = new Set<string>();
  const watch = (d: Delta) => {
    for (const ch of d.changes) {
      if (ch.resource !== 'pods') continue;
      const key = `${ch.object.metadata.namespace}/${ch.object.metadata.name}`;
      if (ch.type !== 'DELETED' && (ch.object.status as { phase?: string } | undefined)?.phase === 'Running') running.add(key);
      else running.delete(key);
    }
  };
  let ticks = 0;
  let convergeMs = NaN;
  let convergeTicks = 0;
  while (ticks < 300) {
    cluster.step();
    watch(cluster.drainDelta());
    ticks++;
    sample();
    if (Number.isNaN(convergeMs) && running.size === pods) {
      convergeMs = performance.now() - t0;
      convergeTicks = ticks;
    }
    if (!Number.isNaN(convergeMs) && cluster.settled()) break;
  }
  const settledTicks = ticks;
  // Steady state: nothing changes, so a tick should cost almost nothing.
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s = performance.now();
    cluster.step();
    watch(cluster.drainDelta());
    samples.push(performance.now() - s);
    sample();
  }
  samples.sort((a, b) => a - b);
  const median = quantile(samples, 0.5);
  const p95 = quantile(samples, 0.95);
  const converged = !Number.isNaN(convergeMs) && running.size === pods;
  return [
    {
      what: `${nodes} nodes, ${DEPLOYMENTS} Deployments x ${REPLICAS}: wall time from the API calls to ${pods} pods Running`,
      value: converged ? `${convergeMs.toFixed(0)} ms (${convergeTicks} ticks; settled at ${settledTicks})` : `not converged in ${ticks} ticks (${running.size} Running)`,
      budget: '≤ 2,000 ms',
      ok: converged && convergeMs <= 2000,
    },
    { what: 'steady-state tick (50 ticks, delta drained), median / p95', value: `${median.toFixed(2)} / ${p95.toFixed(2)} ms`, budget: '≤ 8 ms', ok: p95 <= 8 },
    { what: 'peak heap used (sampled each tick; growth over the start)', value: `${mb(peakHeap)} (+${mb(peakHeap - heapBefore)})`, budget: '—', ok: null },
    { what: 'peak RSS', value: mb(peakRss), budget: '—', ok: null },
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

const rows = [...clusterScale(500), ...bundle()];
const now = new Date().toISOString().slice(0, 10);
const md = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${now}, Node ${process.version}, ${process.arch}, on this project's 2-core machine.`,
  'Pods come from 200 apps/v1 Deployments of 25 replicas (nginx:1.27, requests 10m cpu / 16Mi), created through the API server; every tick drains its delta as the worker does.',
  '',
  '| what | measured | budget | within |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.budget} | ${r.ok === null ? '—' : r.ok ? 'yes' : '**no**'} |`),
  '',
].join('\n');
if (!process.argv.includes('--no-write')) writeFileSync('BENCHMARKS.md', md);
console.log(md);
