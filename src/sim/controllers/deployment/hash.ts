import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { stable } from './util';

/** The alphabet of rand.SafeEncodeString: no vowels, no look-alikes, so no accidental words. */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  const bytes = new TextEncoder().encode(text);
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * ComputeHash: FNV-32a of the pod template (plus the collision count, when there is one),
 * its decimal digits safe-encoded: `7c5ddbdf54`. Kubernetes hashes Go's printing of the
 * struct; we hash key-sorted JSON, so the values differ from a real cluster's but are as
 * stable: the same template always gives the same name.
 */
export function podTemplateHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let text = stable(template ?? {});
  if (collisionCount) text += String(collisionCount);
  return [...String(fnv32a(text))].map((ch) => SAFE[ch.charCodeAt(0) % SAFE.length]).join('');
}
