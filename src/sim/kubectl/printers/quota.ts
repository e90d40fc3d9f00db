import type { KubeObject } from '../../objects';
import { age } from '../duration';
import type { TableSpec } from './tables';
import type { ResourceQuotaObject } from '../../api/admission/quota';

/**
 * `kubectl get quota`: NAME AGE REQUEST LIMIT, each resource of status.hard as `used/hard`,
 * `limits.*` in LIMIT and everything else in REQUEST (kubectl's printResourceQuota).
 * Both are empty until the resourcequota controller has filled the status.
 */
const resourcequotas: TableSpec = {
  headers: ['NAME', 'AGE', 'REQUEST', 'LIMIT'],
  wideHeaders: [],
  row(obj: KubeObject, now: number) {
    const q = obj as ResourceQuotaObject;
    const hard = (q.status?.hard ?? {}) as Record<string, string>;
    const used = (q.status?.used ?? {}) as Record<string, string>;
    const request: string[] = [];
    const limit: string[] = [];
    for (const k of Object.keys(hard).sort()) {
      const cell = `${k}: ${used[k] ?? '0'}/${hard[k]}`;
      const pieces = k.split('.');
      (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(cell);
    }
    return [q.metadata.name, age(q.metadata.creationTimestamp, now), request.join(', '), limit.join(', ')];
  },
  wide: () => [],
};

/** `kubectl get limitrange`: NAME CREATED AT (the RFC 3339 timestamp, not an age). */
const limitranges: TableSpec = {
  headers: ['NAME', 'CREATED AT'],
  wideHeaders: [],
  row: (obj: KubeObject) => [obj.metadata.name, obj.metadata.creationTimestamp ?? ''],
  wide: () => [],
};

export const QUOTA_TABLES: Record<string, TableSpec> = { resourcequotas, limitranges };
