import { usage } from '../errors';

/**
 * A small subset of kubectl's JSONPath: literal text, `{.a.b[0].c}`, `[*]` over arrays,
 * `{.items[*].metadata.name}` (results joined by spaces) and `{"\n"}`. Enough for the
 * `-o jsonpath='{.status.podIP}'` lines learners use.
 */
export function jsonPath(template: string, value: unknown): string {
  let out = '';
  const re = /\{([^}]*)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(template))) {
    out += template.slice(last, m.index);
    last = re.lastIndex;
    const expr = (m[1] as string).trim();
    if (/^".*"$/.test(expr) || /^'.*'$/.test(expr)) {
      out += expr.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t');
      continue;
    }
    if (!expr.startsWith('.') && !expr.startsWith('$')) throw usage(`error parsing jsonpath ${template}, unrecognized identifier ${expr}`);
    const results = evaluate(expr.replace(/^\$/, ''), [value]);
    out += results.map(show).join(' ');
  }
  return out + template.slice(last);
}

/** The values one path (`.spec.nodeName`, `.items[*].metadata.name`) finds in `value`. */
export function jsonPathValues(expr: string, value: unknown): unknown[] {
  return evaluate(expr.replace(/^\$/, ''), [value]);
}

function evaluate(expr: string, current: unknown[]): unknown[] {
  const steps = expr.match(/\.[^.[\]]+|\[[^\]]*\]/g) ?? [];
  let cur = current;
  for (const s of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (s.startsWith('.')) {
        if (v && typeof v === 'object' && !Array.isArray(v) && s.slice(1) in v) next.push((v as Record<string, unknown>)[s.slice(1)]);
      } else if (Array.isArray(v)) {
        const inner = s.slice(1, -1);
        if (inner === '*') next.push(...v);
        else if (/^-?\d+$/.test(inner)) {
          const i = Number(inner);
          const item = v[i < 0 ? v.length + i : i];
          if (item !== undefined) next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v);
}
