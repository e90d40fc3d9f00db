import type { Cluster } from '../../cluster';
import type { ResourceQuotaObject } from '../../api/admission/quota';
import type { LimitRangeObject } from '../../api/admission/limitranger';
import { formatQty, toQty } from '../../api/admission/quantities';
import { DescribeWriter } from './common';

/** helpTextForResourceQuotaScope: what each scope matches, as kubectl explains it. */
const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** `used` printed in hard's format when the two differ, as kubectl does (whole units). */
function usedText(used: string | undefined, hard: string): string {
  const u = toQty(used ?? '0');
  const h = toQty(hard);
  if (!u || !h || u.binary === h.binary) return used ?? '0';
  return formatQty({ milli: Math.ceil(u.milli / 1000) * 1000, binary: h.binary });
}

/** kubectl describe quota: Name, Namespace, Scopes with their help, and the Resource/Used/Hard table. */
export function describeResourceQuota(_cluster: Cluster, q: ResourceQuotaObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${q.metadata.name}\n`);
  w.write(0, `Namespace:\t${q.metadata.namespace ?? ''}\n`);
  const scopes = [...(q.spec?.scopes ?? [])].sort();
  if (scopes.length) {
    w.write(0, `Scopes:\t${scopes.join(', ')}\n`);
    for (const s of scopes) if (SCOPE_HELP[s]) w.write(0, ` * ${SCOPE_HELP[s]}\n`);
  }
  w.write(0, 'Resource\tUsed\tHard\n');
  w.write(0, '--------\t----\t----\n');
  const hard = (q.status?.hard ?? {}) as Record<string, string>;
  const used = (q.status?.used ?? {}) as Record<string, string>;
  for (const k of Object.keys(hard).sort()) w.write(0, `${k}\t${usedText(used[k], hard[k] as string)}\t${hard[k]}\n`);
  return w.text;
}

/** kubectl describe limitrange: one row per item and resource; `-` where the item says nothing. */
export function describeLimitRange(_cluster: Cluster, lr: LimitRangeObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${lr.metadata.name}\n`);
  w.write(0, `Namespace:\t${lr.metadata.namespace ?? ''}\n`);
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const item of lr.spec?.limits ?? []) {
    const maps = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio] as (Record<string, unknown> | undefined)[];
    const names = new Set<string>();
    for (const m of maps) for (const k of Object.keys(m ?? {})) names.add(k);
    for (const k of [...names].sort()) {
      const cells = maps.map((m) => (m && k in m ? String(m[k]) : '-'));
      w.write(0, `${item.type}\t${k}\t${cells.join('\t')}\n`);
    }
  }
  return w.text;
}
