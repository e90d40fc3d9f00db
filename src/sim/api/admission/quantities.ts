import { milliUnits } from '../../quantity';

/**
 * A resource.Quantity with its format, as admission and the quota controller need it: the
 * amount in milli-units (exact for cpu and for memory up to many TiB) and whether it was
 * written with a binary suffix. Quantity.String() prints the canonical form in that format,
 * which is what kube-apiserver's messages show (`1.5` → `1500m`, `1.5Gi` → `1536Mi`).
 * Parsing itself is THE parser in src/sim/quantity.ts.
 */
export interface Qty {
  milli: number;
  binary: boolean;
}

export type ResourceList = Record<string, string>;

export function toQty(input: unknown): Qty | undefined {
  const milli = milliUnits(input);
  if (milli === undefined) return undefined;
  return { milli, binary: typeof input === 'string' && /[KMGTPE]i$/.test(input.trim()) };
}

const DECIMAL_SUFFIXES: [string, number][] = [['E', 18], ['P', 15], ['T', 12], ['G', 9], ['M', 6], ['k', 3]];
const BINARY_SUFFIXES: [string, number][] = [['Ei', 60], ['Pi', 50], ['Ti', 40], ['Gi', 30], ['Mi', 20], ['Ki', 10]];

/** Quantity.String(): the canonical text of `q` in its own format. */
export function formatQty(q: Qty): string {
  const { milli } = q;
  if (milli === 0) return '0';
  const whole = milli % 1000 === 0 ? milli / 1000 : undefined;
  if (q.binary && whole !== undefined && Math.abs(whole) >= 1024) {
    for (const [s, p] of BINARY_SUFFIXES) if (whole % 2 ** p === 0) return `${whole / 2 ** p}${s}`;
    return String(whole);
  }
  if (whole === undefined) return `${milli}m`;
  for (const [s, p] of DECIMAL_SUFFIXES) if (whole % 10 ** p === 0) return `${whole / 10 ** p}${s}`;
  return String(whole);
}

/** The canonical text of a quantity the user wrote (`0.5` → `500m`, `1` → `1`); the input when it does not parse. */
export function canonical(input: unknown): string {
  const q = toQty(input);
  return q ? formatQty(q) : String(input);
}

export const ZERO: Qty = { milli: 0, binary: false };

/** Quantity.Add: the sum keeps the receiver's format (a zero receiver takes the other's). */
export function addQty(a: Qty | undefined, b: Qty): Qty {
  if (!a) return { ...b };
  return { milli: a.milli + b.milli, binary: a.milli === 0 ? b.binary : a.binary };
}

/** ResourceList with parsed values, unparsable entries dropped (validation reports them). */
export function parseList(list: Record<string, unknown> | undefined): Map<string, Qty> {
  const out = new Map<string, Qty>();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = toQty(v);
    if (q) out.set(k, q);
  }
  return out;
}

export function formatList(list: Map<string, Qty>): ResourceList {
  const out: ResourceList = {};
  for (const k of [...list.keys()].sort()) out[k] = formatQty(list.get(k) as Qty);
  return out;
}

/** quota's prettyPrint: `requests.memory=700Mi,requests.cpu=...` in sorted resource order. */
export function prettyPrint(list: Map<string, Qty>): string {
  return [...list.keys()]
    .sort()
    .map((k) => `${k}=${formatQty(list.get(k) as Qty)}`)
    .join(',');
}
