/**
 * Base64 as Go's encoding/base64 StdEncoding does it, because a Secret's `data` (and a
 * ConfigMap's `binaryData`) are []byte fields that kube-apiserver's JSON decoder reads with
 * it: the same input fails at the same byte with `illegal base64 data at input byte N`.
 * Pure and byte-exact (no atob/btoa, whose errors and Latin-1 handling differ).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const letter = (i: number) => ALPHABET.charAt(i);
const DECODE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += letter((n >> 18) & 63) + letter((n >> 12) & 63);
    out += b === undefined ? '=' : letter((n >> 6) & 63);
    out += c === undefined ? '=' : letter(n & 63);
  }
  return out;
}

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; offset: number };

/** Go's StdEncoding.Decode: newlines are skipped, padding is required, the first bad byte is reported. */
export function decodeBase64(src: string): Base64Result {
  const out: number[] = [];
  let si = 0;
  const skipNewlines = () => {
    while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
  };
  for (;;) {
    const buf: number[] = [];
    let dlen = 4;
    let end = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: Uint8Array.from(out) };
        return { ok: false, offset: si - j };
      }
      const ch = src[si] as string;
      si++;
      const v = DECODE.get(ch);
      if (v !== undefined) {
        buf[j] = v;
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        j--;
        continue;
      }
      if (ch !== '=') return { ok: false, offset: si - 1 };
      // Padding: only after two or three characters of a quantum.
      if (j < 2) return { ok: false, offset: si - 1 };
      if (j === 2) {
        skipNewlines();
        if (si === src.length) return { ok: false, offset: src.length };
        if (src[si] !== '=') return { ok: false, offset: si - 1 };
        si++;
      }
      skipNewlines();
      if (si < src.length) return { ok: false, offset: si };
      dlen = j;
      end = true;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = buf;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    out.push(...bytes.slice(0, dlen - 1));
    if (end) return { ok: true, bytes: Uint8Array.from(out) };
    skipNewlines();
  }
}

export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function utf8Text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** base64 of a string's UTF-8 bytes (what `stringData` and `kubectl create secret` store). */
export function base64OfText(text: string): string {
  return encodeBase64(utf8Bytes(text));
}

/** The text a base64 value decodes to, or undefined when it is not valid base64. */
export function textOfBase64(b64: string): string | undefined {
  const r = decodeBase64(b64);
  return r.ok ? utf8Text(r.bytes) : undefined;
}

/** Decoded byte length (for `describe secret`'s `password:  11 bytes`); 0 for invalid input. */
export function base64ByteLength(b64: string): number {
  const r = decodeBase64(b64);
  return r.ok ? r.bytes.length : 0;
}

/** The decode error kube-apiserver reports for a []byte field that is not base64, if any. */
export function byteFieldsError(kind: string, object: object): string | undefined {
  const obj = object as { data?: unknown; binaryData?: unknown };
  const field = kind === 'Secret' ? obj.data : kind === 'ConfigMap' ? obj.binaryData : undefined;
  if (!field || typeof field !== 'object') return undefined;
  for (const v of Object.values(field as Record<string, unknown>)) {
    if (typeof v !== 'string') continue;
    const r = decodeBase64(v);
    if (!r.ok) return `illegal base64 data at input byte ${r.offset}`;
  }
  return undefined;
}
