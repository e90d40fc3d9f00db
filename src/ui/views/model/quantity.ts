import { parseQuantity as parseStrict } from '../../../sim/quantity';

/**
 * A resource.Quantity in base units (cores, bytes), through the sim's one parser. Returns
 * 0 for anything unparseable rather than throwing: a bar that reads zero is better than a
 * view that does not draw.
 */
export function parseQuantity(q: string | number | undefined): number {
  return parseStrict(q) ?? 0;
}

/**
 * Memory rounded to one decimal of the largest binary unit it reaches (`58.4Gi`), for the node
 * bars: short enough to read at a glance, where Quantity's exact form (`61202244Ki`) is not.
 * Exact amounts keep their exact text (`8Gi`, `192Mi`).
 */
export function approxMemory(bytes: number): string {
  if (bytes === 0) return '0';
  const units: [string, number][] = [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
  for (const [u, f] of units) {
    if (bytes >= f) {
      const v = bytes / f;
      return `${Number.isInteger(v) ? v : v.toFixed(1)}${u}`;
    }
  }
  return String(bytes);
}
