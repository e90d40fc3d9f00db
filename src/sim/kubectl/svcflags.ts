import type { Args } from './flags';
import { parseArgs } from './flags';

/**
 * Pulls the flags of `expose`, `create service` and `run` out of argv (they are not in the
 * shared flag table), then parses the rest as usual (-n, -o, --dry-run ...).
 */
export function parseWith(argv: string[], valued: readonly string[], booleans: readonly string[] = []): { args: Args; own: Map<string, string[]> } {
  const own = new Map<string, string[]>();
  const rest: string[] = [];
  const add = (k: string, v: string) => own.set(k, [...(own.get(k) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
    if (a.startsWith('--') && valued.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new Error(`flag needs an argument: --${name}`);
      add(name, v);
    } else if (a.startsWith('--') && booleans.includes(name)) add(name, eq > 0 ? a.slice(eq + 1) : 'true');
    else rest.push(a);
  }
  return { args: parseArgs(rest), own };
}

export function ownFlag(own: Map<string, string[]>, name: string): string | undefined {
  const v = own.get(name);
  return v ? v[v.length - 1] : undefined;
}
