import type { Cluster } from '../cluster';
import type { Args } from './flags';
import { flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { kindPrefix } from './resolve';
import { resolveTargets } from './target';
import type { KubectlResult } from './types';

/** `kubectl scale TYPE/NAME --replicas=N [--current-replicas=M]`, for every kind with a scale subresource. */
export function runScale(cluster: Cluster, args: Args): KubectlResult {
  const raw = flag(args, 'replicas');
  if (raw === undefined) throw usage('required flag(s) "replicas" not set');
  const replicas = Number(raw);
  if (!Number.isInteger(replicas) || replicas < 0) throw usage('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const current = flag(args, 'current-replicas');
  let stdout = '';
  for (const t of resolveTargets(cluster, args, args.positional, 'scale')) {
    if (!t.type.subresources?.includes('scale')) throw usage(`cannot scale ${t.type.plural}: no scale subresource`);
    const spec = (t.object.spec ?? {}) as { replicas?: number };
    const was = spec.replicas ?? 1;
    if (current !== undefined && current !== '-1' && Number(current) !== was) throw usage(`Expected replicas to be ${current}, was ${was}`);
    const res = cluster.userClient().update(
      { ...t.object, spec: { ...spec, replicas } },
      { reason: `kubectl scaled ${t.type.kind} ${t.object.metadata.name} to ${replicas} replicas`, code: 'record.kubectl.scale', params: { kind: t.type.kind, name: t.object.metadata.name, replicas } },
    );
    if (!res.ok) throw new KubectlError(formatStatus(res.status));
    stdout += `${kindPrefix(t.type)}/${t.object.metadata.name} scaled\n`;
  }
  return { stdout, stderr: '', exitCode: 0 };
}
