import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** A structured selector (matchLabels/matchExpressions) or a plain equality map (Service.spec.selector). */
export type LabelSelectorLike = LabelSelector | Record<string, string>;

function isStructured(sel: LabelSelectorLike): sel is LabelSelector {
  return 'matchLabels' in sel || 'matchExpressions' in sel;
}

/**
 * Kubernetes semantics: an empty structured selector matches everything; a plain map
 * requires every pair. (An empty Service selector means "no automatic endpoints", which is
 * the caller's decision, not this function's.)
 */
export function matchesSelector(sel: LabelSelectorLike, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  if (!isStructured(sel)) {
    for (const [k, v] of Object.entries(sel)) if (l[k] !== v) return false;
    return true;
  }
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(l[e.key] as string)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[e.key] as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export class SelectorParseError extends Error {}

/**
 * Parses kubectl's `-l` syntax: `app=web,tier!=db,env in (a,b),!legacy,release`.
 */
export function parseSelector(text: string): LabelSelector {
  const sel: Required<Pick<LabelSelector, 'matchExpressions'>> & { matchLabels: Record<string, string> } = {
    matchLabels: {},
    matchExpressions: [],
  };
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = p.match(/^([^\s=!]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      sel.matchExpressions.push({
        key: m[1] as string,
        operator: m[2] === 'in' ? 'In' : 'NotIn',
        values: (m[3] as string).split(',').map((v) => v.trim()).filter(Boolean),
      });
    } else if ((m = p.match(/^([^\s=!]+)\s*!=\s*(\S*)$/))) {
      sel.matchExpressions.push({ key: m[1] as string, operator: 'NotIn', values: [m[2] as string] });
    } else if ((m = p.match(/^([^\s=!]+)\s*==?\s*(\S*)$/))) {
      sel.matchLabels[m[1] as string] = m[2] as string;
    } else if ((m = p.match(/^!([^\s=!]+)$/))) {
      sel.matchExpressions.push({ key: m[1] as string, operator: 'DoesNotExist' });
    } else if ((m = p.match(/^([^\s=!(),]+)$/))) {
      sel.matchExpressions.push({ key: m[1] as string, operator: 'Exists' });
    } else {
      throw new SelectorParseError(`unable to parse requirement: found '${p}', expected: identifier`);
    }
  }
  return sel;
}
