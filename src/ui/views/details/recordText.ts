import type { ReconcileRecord } from '../../../sim/controllers/types';

type T = (key: string | string[], opts?: Record<string, unknown>) => string;

/**
 * A reconcile record in the learner's language. Record strings live in the shell's
 * namespace (the reconcile log owns them); ours are the fallback; the sim's English
 * sentence is the last resort, so a record is never shown as a raw key.
 */
export function translateRecord(t: T, r: ReconcileRecord): string {
  if (!r.code) return r.reason;
  const key = r.code.startsWith('record.') ? r.code : `record.${r.code}`;
  return t(key, { ...r.params, ns: ['shell', 'views'], defaultValue: r.reason });
}
