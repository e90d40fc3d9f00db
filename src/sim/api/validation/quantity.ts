/**
 * resource.Quantity as kube-apiserver reads it. Values are kept as milli-units (a number):
 * exact enough to compare requests with limits and to sum pods on a node.
 */
export const QUANTITY_REGEX_MSG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const QUANTITY = /^([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** Milli-units of a quantity (`"500m"` → 500, `1` → 1000, `"1Gi"` → 1073741824000), or undefined if it does not parse. */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? Math.round(q * 1000) : undefined;
  if (typeof q !== 'string') return undefined;
  const m = QUANTITY.exec(q.trim());
  if (!m) return undefined;
  const num = Number(m[1]);
  const suffix = m[2] ?? '';
  const mult = suffix.startsWith('e') || suffix.startsWith('E') ? 10 ** Number(suffix.slice(1)) : SUFFIX[suffix];
  if (mult === undefined || !Number.isFinite(num)) return undefined;
  // Sub-milli precision rounds up, as Quantity does (0.1m → 1m).
  return Math.ceil(num * mult * 1000 - 1e-9);
}

export function isQuantity(q: unknown): boolean {
  return parseQuantity(q) !== undefined;
}
