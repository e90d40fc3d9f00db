import type { PodTemplateSpec } from 'kubernetes-types/core/v1';

/** k8s.io/apimachinery's rand.SafeEncodeString alphabet: no vowels, no look-alike digits. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The hash kube's history package gives a ControllerRevision: FNV-32a of the template,
 * printed in decimal and mapped through SafeEncodeString (so `6d4c8b9f7`-like, never a
 * vowel). The bytes hashed differ from kube's (it hashes the Go-serialized revision), so the
 * values are ours; their shape and their use (same template ⇒ same hash) are kube's.
 */
export function templateHash(template: PodTemplateSpec | undefined, collisionCount = 0): string {
  const digits = String(fnv32a(stable(template ?? {}) + (collisionCount ? `#${collisionCount}` : '')));
  let out = '';
  for (const ch of digits) out += ALPHANUMS[ch.charCodeAt(0) % ALPHANUMS.length];
  return out;
}
