/**
 * The text side of the sim's tiny shell: words, statements, pipelines and redirections, cut
 * the way sh cuts them (quotes and `$(…)` protect what is inside), plus the outputs of the
 * few commands whose output the sim prints exactly (`date`, perl's `bpi`).
 */

/** Splits a shell word list, honouring single and double quotes. */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      any = true;
    } else if (/\s/.test(ch)) {
      if (cur || any) out.push(cur);
      cur = '';
      any = false;
    } else cur += ch;
  }
  if (cur || any) out.push(cur);
  return out;
}

export type Op = ';' | '&&' | '||';
export interface Stmt {
  op: Op;
  text: string;
}

/** Cuts a script at `;`, `&&`, `||` and newlines outside quotes and `$(…)`. */
export function statements(script: string): Stmt[] {
  const out: Stmt[] = [];
  let cur = '';
  let quote: string | undefined;
  let depth = 0;
  let op: Op = ';';
  const push = (next: Op) => {
    if (cur.trim()) out.push({ op, text: cur.trim() });
    cur = '';
    op = next;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    const two = script.slice(i, i + 2);
    if (quote) {
      if (ch === quote) quote = undefined;
      cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (two === '$(') {
      depth++;
      cur += two;
      i++;
    } else if (ch === ')' && depth > 0) {
      depth--;
      cur += ch;
    } else if (depth === 0 && (two === '&&' || two === '||')) {
      push(two);
      i++;
    } else if (depth === 0 && (ch === ';' || ch === '\n')) push(';');
    else cur += ch;
  }
  push(';');
  return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** busybox `date`: `Thu Jan  1 09:00:04 UTC 2026`. */
export function shellDate(millis: number): string {
  const d = new Date(millis);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** π to `digits` significant digits, as perl's `bpi(N)` prints it (Machin's formula on BigInt). */
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.min(digits, 10000));
  const scale = 10n ** BigInt(n + 10);
  const atanInv = (x: bigint): bigint => {
    let term = scale / x;
    let sum = term;
    const x2 = x * x;
    for (let k = 1n; term !== 0n; k++) {
      term /= x2;
      sum += (k % 2n === 1n ? -term : term) / (2n * k + 1n);
    }
    return sum;
  };
  const pi = (16n * atanInv(5n) - 4n * atanInv(239n)) / 10n ** 11n;
  const s = pi.toString();
  return `${s[0]}.${s.slice(1, n)}`;
}

/** Cuts one statement at single `|` outside quotes and `$(…)` (`||` never reaches here). */
export function pipeStages(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (text.startsWith('$(', i)) depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (ch === '|' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur.trim());
  return out.filter(Boolean);
}

export interface Redirects {
  /** Where stdout goes: undefined for the container log, a path, or /dev/null. */
  stdout?: string;
  append: boolean;
  stderr?: string;
  stdin?: string;
}

/**
 * Takes `>`, `>>`, `2>`, `2>&1`, `&>` and `<` out of a command's words (already unquoted, so
 * a quoted `">"` would be taken too — rare enough in manifests to accept).
 */
export function redirects(words: string[]): { words: string[]; io: Redirects } {
  const io: Redirects = { append: false };
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const m = /^(\d?|&)(>>|>|<)(&\d)?(.*)$/.exec(w);
    if (!m) {
      out.push(w);
      continue;
    }
    const [, fd, op, dup, attached] = m as unknown as [string, string, string, string | undefined, string];
    if (dup) {
      if (fd === '2' && dup === '&1') io.stderr = io.stdout ?? '&1';
      continue;
    }
    const target = attached || (words[++i] ?? '');
    if (op === '<') io.stdin = target;
    else if (fd === '2') io.stderr = target;
    else {
      io.stdout = target;
      io.append = op === '>>';
      if (fd === '&') io.stderr = target;
    }
  }
  return { words: out, io };
}
