const SUFFIX: Record<string, number> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6,
};

/** A resource.Quantity as a number of base units (cores, bytes); NaN when it does not parse. */
export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = q.trim().match(/^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/);
  if (!m) return NaN;
  return Number(m[1]) * (SUFFIX[m[2] ?? ''] as number);
}

/** CPU as Quantity prints it: `2`, `250m`. */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Memory as Quantity prints a binary amount: the largest exact suffix. */
export function formatMemory(bytes: number): string {
  if (bytes === 0) return '0';
  for (const [s, f] of [['Ei', 1024 ** 6], ['Pi', 1024 ** 5], ['Ti', 1024 ** 4], ['Gi', 1024 ** 3], ['Mi', 1024 ** 2], ['Ki', 1024]] as const)
    if (bytes % f === 0) return `${bytes / f}${s}`;
  return String(bytes);
}

export function formatResource(name: string, v: number): string {
  return name === 'cpu' ? formatCpu(v) : formatMemory(v);
}
