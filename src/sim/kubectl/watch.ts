import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { ResourceType } from '../api/resources';
import { storageKey } from '../api/resources';
import type { KubeObject } from '../objects';
import { SimClock } from '../clock';
import { matchesSelector, parseSelector } from '../store/labels';
import { bool, flag, parseArgs } from './flags';
import { DEFAULT_TABLE, TABLES } from './printers/tables';
import { width } from './tabwriter';
import { resolveType } from './resolve';
import { splitArgs } from './shell';

/**
 * `kubectl get TYPE -w`: the console prints the table once (the same `get` without `-w`),
 * then one row per change of a watched object, as kubectl does for each watch event. The sim
 * cannot stream a reply, so the UI subscribes to its mirror's deltas; this file is the pure
 * part: which objects a watch covers and how their rows read.
 */
export interface WatchSpec {
  /** The command to run for the first table: the line without `-w`/`--watch`. */
  line: string;
  type: ResourceType;
  /** The mirror's bucket (`pods`, `deployments.apps`). */
  resource: string;
  /** Undefined with `-A`. */
  namespace: string | undefined;
  selector: LabelSelector | undefined;
  names: string[];
  wide: boolean;
}

const WATCH_FLAGS = new Set(['-w', '--watch', '--watch=true']);

/**
 * The watch a console line asks for, or undefined when it is not `get ... -w` (or cannot be
 * one: several types, `-o yaml` ...; then the line runs as typed and `get` explains).
 */
export function parseWatch(line: string): WatchSpec | undefined {
  try {
    let argv = splitArgs(line.trim());
    if (argv[0] === 'kubectl') argv = argv.slice(1);
    if (argv[0] !== 'get' || !argv.some((a) => WATCH_FLAGS.has(a))) return undefined;
    const rest = argv.slice(1).filter((a) => !WATCH_FLAGS.has(a));
    const args = parseArgs(rest);
    const output = flag(args, 'output') ?? '';
    if (output !== '' && output !== 'wide') return undefined;
    const [first, ...names] = args.positional;
    if (!first || first.includes(',')) return undefined;
    let typeWord = first;
    if (first.includes('/')) {
      typeWord = first.slice(0, first.indexOf('/'));
      names.unshift(first.slice(first.indexOf('/') + 1));
    }
    const type = resolveType(typeWord);
    const sel = flag(args, 'selector');
    const allNs = bool(args, 'all-namespaces');
    return {
      line: ['get', ...rest].map(quote).join(' '),
      type,
      resource: storageKey(type),
      namespace: allNs || !type.namespaced ? undefined : (flag(args, 'namespace') ?? 'default'),
      selector: sel === undefined ? undefined : parseSelector(sel),
      names,
      wide: output === 'wide',
    };
  } catch {
    return undefined;
  }
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Whether a change to `obj` is an event of this watch. */
export function watches(spec: WatchSpec, obj: KubeObject): boolean {
  if (spec.namespace !== undefined && obj.metadata.namespace !== spec.namespace) return false;
  if (spec.names.length && !spec.names.includes(obj.metadata.name)) return false;
  return !spec.selector || matchesSelector(spec.selector, obj.metadata.labels);
}

/** Column widths a watch remembers, as kubectl's tabwriter fork does with RememberWidths. */
export type WatchWidths = number[];

/** kubectl get's tabwriter: minwidth 6, padding 3. */
const MIN_WIDTH = 6;
const PADDING = 3;

function cells(spec: WatchSpec, obj: KubeObject, now: number): string[] {
  const t = spec.type;
  const table = TABLES[t.group ? `${t.plural}.${t.group}` : t.plural] ?? DEFAULT_TABLE;
  const withNs = spec.namespace === undefined && t.namespaced;
  return [...(withNs ? [obj.metadata.namespace ?? ''] : []), ...table.row(obj, now), ...(spec.wide ? table.wide(obj, now) : [])];
}

function headerCells(spec: WatchSpec): string[] {
  const t = spec.type;
  const table = TABLES[t.group ? `${t.plural}.${t.group}` : t.plural] ?? DEFAULT_TABLE;
  return [...(spec.namespace === undefined && t.namespaced ? ['NAMESPACE'] : []), ...table.headers, ...(spec.wide ? table.wideHeaders : [])];
}

function grow(widths: WatchWidths, rows: string[][]): WatchWidths {
  const out = [...widths];
  for (const r of rows) r.forEach((c, i) => (out[i] = Math.max(out[i] ?? MIN_WIDTH, width(c) + PADDING)));
  return out;
}

/** The widths of the table `get` printed first (its header and the objects it listed). */
export function watchWidths(spec: WatchSpec, objects: KubeObject[], tick: number, clock: SimClock = new SimClock()): WatchWidths {
  const now = clock.millisAt(tick);
  return grow([], [headerCells(spec), ...objects.map((o) => cells(spec, o, now))]);
}

/**
 * The rows kubectl prints for watch events at `tick`: each object's row without the header,
 * ages as of that tick, aligned to the widths seen so far (a wider cell widens its column
 * from then on, so earlier rows stay as printed).
 */
export function watchRows(spec: WatchSpec, objects: KubeObject[], tick: number, widths: WatchWidths, clock: SimClock = new SimClock()): { text: string; widths: WatchWidths } {
  if (!objects.length) return { text: '', widths };
  const now = clock.millisAt(tick);
  const rows = objects.map((o) => cells(spec, o, now));
  const next = grow(widths, rows);
  const text = rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c + ' '.repeat(Math.max(0, (next[i] as number) - width(c))) : c)).join('') + '\n').join('');
  return { text, widths: next };
}
