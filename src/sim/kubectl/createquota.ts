import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { Args } from './flags';
import { flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { toJson, toYaml } from './printers/output';
import { isQuantity, QUANTITY_REGEX_MSG } from '../quantity';
import type { KubectlResult } from './types';

/** populateResourceListV1: `cpu=1,memory=1G,pods=2` → spec.hard, kubectl's errors on a bad pair or quantity. */
function hardList(spec: string | undefined): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const items = pair.split('=');
    if (items.length !== 2) throw new KubectlError(`error: invalid argument ${pair}`);
    const [k, v] = items as [string, string];
    if (!isQuantity(v)) throw new KubectlError(`error: ${QUANTITY_REGEX_MSG}`);
    out[k] = v;
  }
  return out;
}

/**
 * `kubectl create quota NAME [--hard=cpu=1,memory=1G,pods=2] [--scopes=BestEffort,...]`
 * (alias `resourcequota`): kubectl builds the ResourceQuota and POSTs it.
 */
export function runCreateQuota(cluster: Cluster, args: Args, name: string | undefined, rest: string[]): KubectlResult {
  if (!name || rest.length) throw usage(`exactly one NAME is required, got ${name ? 1 + rest.length : 0}`);
  const hard = hardList(flag(args, 'hard'));
  const scopesFlag = flag(args, 'scopes');
  const scopes = scopesFlag ? scopesFlag.split(',').map((s) => s.trim()) : undefined;
  const spec: Record<string, unknown> = {};
  if (hard) spec.hard = hard;
  if (scopes?.length) spec.scopes = scopes;
  const obj: KubeObject = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: flag(args, 'namespace') ?? 'default' }, spec };
  const dry = flag(args, 'dry-run');
  const out = flag(args, 'output');
  if (dry !== undefined && dry !== 'false' && dry !== 'none') {
    if (out === 'yaml') return { stdout: toYaml(obj), stderr: '', exitCode: 0 };
    if (out === 'json') return { stdout: toJson(obj), stderr: '', exitCode: 0 };
    return { stdout: `resourcequota/${name} created (dry run)\n`, stderr: '', exitCode: 0 };
  }
  const res = cluster.userClient().create(obj, { reason: `kubectl created ResourceQuota ${name}`, code: 'record.kubectl.create', params: { kind: 'ResourceQuota', name } });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  if (out === 'yaml') return { stdout: toYaml(res.object), stderr: '', exitCode: 0 };
  if (out === 'json') return { stdout: toJson(res.object), stderr: '', exitCode: 0 };
  return { stdout: `resourcequota/${name} created\n`, stderr: '', exitCode: 0 };
}
