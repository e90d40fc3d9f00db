/**
 * resource.Quantity, as far as the sim needs it: parse `100m`, `0.5`, `128Mi`, `1G`, `1e3`
 * into a number of base units (cores, bytes, pods). Binary suffixes are powers of 1024,
 * decimal ones powers of 1000, and `e<n>` / `E<n>` is a decimal exponent (`E` alone is exa).
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(.*)$/;

/** kube-apiserver's words for a string that is not a quantity. */
export const QUANTITY_REGEX_MSG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** The value in base units, or undefined when the string is not a Kubernetes quantity. */
export function parseQuantity(input: unknown): number | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const m = QUANTITY.exec(input.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return n * (BINARY[suffix] as number);
  if (suffix in DECIMAL) return n * (DECIMAL[suffix] as number);
  const exp = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (exp) return n * 10 ** Number(exp[1]);
  return undefined;
}

/** Millicores, rounded up as Quantity.MilliValue() does (`0.0001` → 1m). */
export function milliValue(input: string | number | undefined): number {
  const v = parseQuantity(input);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e9) / 1e6);
}

/** Whole units rounded up, as Quantity.Value() does (bytes, pods). */
export function intValue(input: string | number | undefined): number {
  const v = parseQuantity(input);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e6) / 1e6);
}

export function isQuantity(input: unknown): boolean {
  return parseQuantity(input) !== undefined;
}

/** Milli-units rounded up (`"500m"` → 500, `1` → 1000), or undefined when it does not parse. */
export function milliUnits(input: unknown): number | undefined {
  const v = parseQuantity(input);
  return v === undefined ? undefined : Math.ceil(Math.round(v * 1e9) / 1e6);
}

/** CPU as Quantity prints it: `2`, `250m`. */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Memory as Quantity prints a binary amount: the largest exact suffix. */
export function formatMemory(bytes: number): string {
  if (bytes === 0) return '0';
  for (const [suffix, factor] of [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const)
    if (bytes % factor === 0) return `${bytes / factor}${suffix}`;
  return String(bytes);
}

export function formatResource(name: string, value: number): string {
  return name === 'cpu' ? formatCpu(value) : formatMemory(value);
}
