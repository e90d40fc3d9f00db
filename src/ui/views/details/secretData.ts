import type { KubeObject } from '../../../sim/objects';
import type { ClusterSettings } from '../../../sim/settings';
import { decodeBase64 } from '../../../sim/api/base64';
import { etcdEntry, etcdText } from '../../../sim/api/etcdView';

export interface SecretRow {
  key: string;
  base64: string;
  /** The value as text, or null when the bytes are not UTF-8 text (a keystore, an image). */
  text: string | null;
  bytes: number;
}

export interface SecretEtcd {
  key: string;
  text: string;
  bytes: number;
  encrypted: boolean;
  /** Encryption is on now but this copy was written before: the learner's usual surprise. */
  stale: boolean;
}

/** Each key with its base64 value and what it decodes to. */
export function secretRows(obj: KubeObject): SecretRow[] {
  const data = (obj as { data?: Record<string, string> }).data ?? {};
  return Object.keys(data)
    .sort()
    .map((key) => {
      const base64 = data[key] ?? '';
      const r = decodeBase64(base64);
      if (!r.ok) return { key, base64, text: null, bytes: 0 };
      let text: string | null = null;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(r.bytes);
      } catch {
        text = null;
      }
      return { key, base64, text, bytes: r.bytes.length };
    });
}

/** What etcd holds for this Secret right now, computed like the API server's storage does. */
export function secretEtcd(obj: KubeObject, settings: Readonly<ClusterSettings>): SecretEtcd {
  const entry = etcdEntry('secrets', obj, settings);
  return { key: entry.key, text: etcdText(entry), bytes: entry.value.length, encrypted: entry.encrypted, stale: !entry.encrypted && settings.encryptionAtRest };
}
