import type { Cluster } from '../cluster';
import { KUBERNETES_VERSION } from '../cluster';
import { RESOURCE_TYPES, apiVersionOf } from '../api/resources';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { table } from './tabwriter';
import { usage } from './errors';
import type { KubectlResult } from './types';

const ok = (stdout: string, stderr = ''): KubectlResult => ({ stdout, stderr, exitCode: 0 });

export function runVersion(args: Args): KubectlResult {
  const output = flag(args, 'output');
  const info = { clientVersion: { gitVersion: KUBERNETES_VERSION }, kustomizeVersion: 'v5.7.1', serverVersion: { gitVersion: KUBERNETES_VERSION } };
  if (output === 'json') return ok(JSON.stringify(info, null, 2) + '\n');
  return ok(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: v5.7.1\nServer Version: ${KUBERNETES_VERSION}\n`);
}

export function runClusterInfo(): KubectlResult {
  return ok(
    "Kubernetes control plane is running at https://127.0.0.1:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
  );
}

/**
 * `api-resources` lists what the sim serves. Types a real cluster serves but the sim does not
 * model yet are left out, and a note on stderr says how many, so nothing pretends to work.
 */
export function runApiResources(args: Args): KubectlResult {
  const nsFilter = flag(args, 'namespaced');
  const group = flag(args, 'api-group');
  const shown = RESOURCE_TYPES.filter(
    (t) => t.simulated && (nsFilter === undefined || String(t.namespaced) === nsFilter) && (group === undefined || t.group === group),
  );
  const hidden = RESOURCE_TYPES.filter((t) => !t.simulated).length;
  const output = flag(args, 'output');
  if (output === 'name') return ok(shown.map((t) => (t.group ? `${t.plural}.${t.group}` : t.plural) + '\n').join(''));
  const rows = shown.map((t) => [t.plural, (t.shortNames ?? []).join(','), apiVersionOf(t), String(t.namespaced), t.kind]);
  const out = table(bool(args, 'no-headers') ? rows : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], ...rows]);
  return ok(out, hidden ? `note: ${hidden} more resource types exist in Kubernetes but are not simulated by Kube Orchestra yet\n` : '');
}

/** `tick [N]`: the sim's own command, advancing the clock N ticks. */
export function runTick(cluster: Cluster, words: string[]): KubectlResult {
  const n = words[0] === undefined ? 1 : Number(words[0]);
  if (!Number.isInteger(n) || n < 1 || n > 10000) throw usage(`tick: expected a whole number of ticks between 1 and 10000, got "${words[0]}"`);
  const before = cluster.store.resourceVersion;
  const recordsBefore = cluster.records.length;
  for (let i = 0; i < n; i++) cluster.step();
  const writes = cluster.store.resourceVersion - before;
  const records = cluster.records.length - recordsBefore;
  return ok(`tick ${cluster.tick} (+${n}): ${writes} ${writes === 1 ? 'change' : 'changes'}, ${records} reconcile ${records === 1 ? 'record' : 'records'}${cluster.settled() ? ', settled' : ''}\n`);
}

/** `settle`: run until nothing is left to reconcile (bounded, since a crash loop never settles). */
export function runSettle(cluster: Cluster): KubectlResult {
  const ticks = cluster.runUntilSettled();
  if (!cluster.settled()) return ok(`not settled after ${ticks} ticks (tick ${cluster.tick}): something keeps changing, e.g. a crash loop\n`);
  return ok(`settled after ${ticks} ${ticks === 1 ? 'tick' : 'ticks'} (tick ${cluster.tick})\n`);
}
