import type { KubeObject } from '../objects';
import type { ClusterSettings, EncryptionSwitch } from '../settings';
import { decodeBase64 } from './base64';

/**
 * How kube-apiserver stores an object in etcd, for the learner to look at: the key
 * (`/registry/secrets/NS/NAME`) and the value. Without encryption at rest the value is the
 * `k8s\0` magic followed by the object in protobuf — and a Secret's data sits there as its raw
 * bytes (not even base64). With an EncryptionConfiguration using aescbc, a Secret written
 * afterwards is stored as `k8s:enc:aescbc:v1:key1:` followed by ciphertext. The sim does no real
 * cryptography: its "ciphertext" is deterministic pseudo-random bytes derived from a hash of the
 * object, only so the learner can see that the content no longer shows.
 */

export const ENCRYPTION_PREFIX = 'k8s:enc:aescbc:v1:key1:';

/** The etcd key kube-apiserver uses: `/registry/<resource>/<namespace>/<name>` (no namespace for cluster objects). */
export function etcdKey(resource: string, namespace: string | undefined, name: string): string {
  return namespace ? `/registry/${resource}/${namespace}/${name}` : `/registry/${resource}/${name}`;
}

/**
 * Whether the stored copy of a Secret is encrypted: encryption applies to writes, so it depends
 * on whether encryption was on when this object was last written (its resourceVersion), not on
 * the setting now. Existing Secrets stay plaintext until something rewrites them.
 */
export function storedEncrypted(obj: KubeObject, settings: Readonly<ClusterSettings>): boolean {
  const rv = Number(obj.metadata.resourceVersion ?? 0);
  const switches = settings.encryptionSwitches ?? [];
  let on = switches.length ? !(switches[0] as EncryptionSwitch).on : settings.encryptionAtRest;
  for (const s of switches) if (s.resourceVersion < rv) on = s.on;
  return on;
}

// --- a small protobuf writer: enough for runtime.Unknown { TypeMeta, raw Secret } ---

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 127) {
    out.push((v & 127) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const bytesField = (field: number, bytes: number[]) => [(field << 3) | 2, ...varint(bytes.length), ...bytes];
const strField = (field: number, s: string | undefined) => (s === undefined ? [] : bytesField(field, utf8(s)));
const intField = (field: number, n: number | undefined) => (n === undefined ? [] : [field << 3, ...varint(n)]);

function mapField(field: number, map: Record<string, string> | undefined, value: (v: string) => number[] = utf8): number[] {
  const out: number[] = [];
  for (const k of Object.keys(map ?? {}).sort()) out.push(...bytesField(field, [...strField(1, k), ...bytesField(2, value((map ?? {})[k] as string))]));
  return out;
}

/** ObjectMeta as generated.proto numbers it (name 1, namespace 3, uid 5, generation 7, creationTimestamp 8, labels 11, annotations 12). */
function objectMeta(meta: KubeObject['metadata']): number[] {
  const created = meta.creationTimestamp ? Math.floor(Date.parse(meta.creationTimestamp) / 1000) : undefined;
  return [
    ...strField(1, meta.name),
    ...strField(3, meta.namespace),
    ...strField(5, meta.uid),
    // resourceVersion is not stored: etcd's own revision is it.
    ...intField(7, meta.generation),
    ...(created === undefined ? [] : bytesField(8, intField(1, created))),
    ...mapField(11, meta.labels),
    ...mapField(12, meta.annotations),
  ];
}

function rawBytes(b64: string): number[] {
  const r = decodeBase64(b64);
  return r.ok ? [...r.bytes] : [];
}

/** The protobuf body of a Secret (metadata 1, data 2 as raw bytes, type 3, immutable 5). */
function secretProto(obj: KubeObject): number[] {
  const s = obj as KubeObject & { data?: Record<string, string>; type?: string; immutable?: boolean };
  return [...bytesField(1, objectMeta(obj.metadata)), ...mapField(2, s.data, rawBytes), ...strField(3, s.type), ...(s.immutable === undefined ? [] : [5 << 3, s.immutable ? 1 : 0])];
}

/** A ConfigMap's protobuf body (metadata 1, data 2, binaryData 3, immutable 4). */
function configMapProto(obj: KubeObject): number[] {
  const c = obj as KubeObject & { data?: Record<string, string>; binaryData?: Record<string, string>; immutable?: boolean };
  return [...bytesField(1, objectMeta(obj.metadata)), ...mapField(2, c.data), ...mapField(3, c.binaryData, rawBytes), ...(c.immutable === undefined ? [] : [4 << 3, c.immutable ? 1 : 0])];
}

/** `k8s\0` + runtime.Unknown{typeMeta{apiVersion, kind}, raw} as kube-apiserver's protobuf serializer writes it. */
export function serialize(obj: KubeObject): number[] {
  const body = obj.kind === 'Secret' ? secretProto(obj) : obj.kind === 'ConfigMap' ? configMapProto(obj) : utf8(JSON.stringify({ ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }));
  const typeMeta = [...strField(1, obj.apiVersion), ...strField(2, obj.kind)];
  return [...utf8('k8s'), 0, ...bytesField(1, typeMeta), ...bytesField(2, body), ...strField(3, ''), ...strField(4, '')];
}

function fnv(bytes: number[], seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Stand-in ciphertext: a 16-byte IV then the plaintext length padded to AES's 16-byte blocks,
 * all pseudo-random from a hash of the content and the write's resourceVersion. Not AES.
 */
function pseudoCiphertext(plain: number[], rv: string): number[] {
  const seed = fnv([...plain, ...utf8(rv)], 7);
  const len = 16 + (Math.floor(plain.length / 16) + 1) * 16;
  const out: number[] = [];
  let state = seed || 1;
  for (let i = 0; i < len; i++) {
    // xorshift32: deterministic, uniform-looking bytes.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out.push(state & 255);
  }
  return out;
}

export interface EtcdEntry {
  key: string;
  /** The stored bytes. */
  value: number[];
  encrypted: boolean;
}

/** What etcd holds for an object right now. Only Secrets are encrypted (the EncryptionConfiguration lists `secrets`). */
export function etcdEntry(resource: string, obj: KubeObject, settings: Readonly<ClusterSettings>): EtcdEntry {
  const key = etcdKey(resource, obj.metadata.namespace, obj.metadata.name);
  const plain = serialize(obj);
  if (resource !== 'secrets' || !storedEncrypted(obj, settings)) return { key, value: plain, encrypted: false };
  return { key, value: [...utf8(ENCRYPTION_PREFIX), ...pseudoCiphertext(plain, obj.metadata.resourceVersion ?? '')], encrypted: true };
}

/** Bytes as a terminal would show them, printable ASCII as is and every other byte as `\xNN`. */
export function printableBytes(bytes: number[]): string {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}

/**
 * Reads UTF-8 runs back as text so multi-byte characters in values stay readable; everything
 * else as printableBytes does.
 */
export function etcdText(entry: EtcdEntry): string {
  if (entry.encrypted) return printableBytes(entry.value);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(entry.value));
    return [...text].map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\x7f' || ch === '\\' ? printableBytes(utf8(ch)) : ch)).join('');
  } catch {
    return printableBytes(entry.value);
  }
}
