import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { LineCounter, Node, Pair } from 'yaml';
import type { SourceSpan } from '../kubectl/types';
import type { ManifestDocument } from './parse';

/** `spec.containers[0].imagee` → ['spec', 'containers', 0, 'imagee']. */
export function splitFieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(field))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

function spanOf(doc: ManifestDocument, lc: LineCounter, range: [number, number] | undefined): SourceSpan | undefined {
  if (!range) return undefined;
  const a = lc.linePos(range[0]);
  // A multi-line value would mark the whole block; the first line is what the reader needs.
  let b = lc.linePos(Math.max(range[0], range[1]));
  if (b.line !== a.line) b = { line: a.line, col: a.col + 1 };
  return { document: doc.index, line: a.line, column: a.col, endLine: b.line, endColumn: Math.max(b.col, a.col + 1) };
}

function pairRange(p: Pair): [number, number] | undefined {
  const k = p.key as Node | null;
  const v = p.value as Node | null;
  const start = k?.range?.[0] ?? v?.range?.[0];
  if (start === undefined) return undefined;
  // Point at `key: value` when the value is a scalar on the same line, at the key otherwise.
  const end = isScalar(v) && v.range ? v.range[1] : (k?.range?.[1] ?? start + 1);
  return [start, end];
}

/**
 * Where a field path the API server blamed sits in the document: the key when it exists
 * (`imagee:`), otherwise the deepest part of the path that does (a Required field's parent).
 */
export function spanForField(doc: ManifestDocument, lc: LineCounter, field: string): SourceSpan {
  const path = splitFieldPath(field);
  let node: unknown = doc.doc.contents;
  let best: [number, number] | undefined;
  for (const part of path) {
    if (typeof part === 'number' && isSeq(node)) {
      const item = node.items[part] as Node | undefined;
      if (!item) break;
      best = item.range ? [item.range[0], item.range[0] + 1] : best;
      if (isMap(item) && item.items[0] && isPair(item.items[0])) best = pairRange(item.items[0]) ?? best;
      node = item;
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      best = pairRange(pair) ?? best;
      node = pair.value;
    } else break;
  }
  return (best && spanOf(doc, lc, best)) ?? spanForKind(doc, lc);
}

/** The `kind:` line, where an error about the whole object belongs. */
export function spanForKind(doc: ManifestDocument, lc: LineCounter): SourceSpan {
  const c = doc.doc.contents;
  if (isMap(c)) {
    const pair = c.items.find((p) => isScalar(p.key) && p.key.value === 'kind') ?? c.items[0];
    const s = pair && spanOf(doc, lc, pairRange(pair));
    if (s) return s;
  }
  return { document: doc.index, line: doc.startLine, column: 1, endLine: doc.startLine, endColumn: 2 };
}
