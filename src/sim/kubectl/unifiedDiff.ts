/**
 * A line diff in `diff -u` form (what `kubectl diff` prints through the system's diff).
 * Manifests are small, so a plain LCS table is fast enough and keeps the output stable.
 */
type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

function lines(text: string): string[] {
  if (!text) return [];
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const next = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i++] as string, a: i, b: ++j });
    // Removals before additions, as diff prints them.
    else if (i < n && (j >= m || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) ops.push({ kind: '-', text: a[i++] as string, a: i, b: j });
    else ops.push({ kind: '+', text: b[j++] as string, a: i, b: j });
  }
  return ops;
}

function range(start: number, count: number): string {
  // diff -u names an empty range by the line before it.
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** The hunks of `diff -u` between two texts (no `---`/`+++` header); '' when they are equal. */
export function unifiedHunks(before: string, after: string, context = 3): string {
  const a = lines(before);
  const b = lines(after);
  const ops = editScript(a, b);
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (!changed.length) return '';
  // Group changes whose context overlaps into one hunk.
  const groups: [number, number][] = [];
  for (const k of changed) {
    const last = groups[groups.length - 1];
    if (last && k - last[1] <= context * 2) last[1] = k;
    else groups.push([k, k]);
  }
  let out = '';
  for (const [first, lastChanged] of groups) {
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, lastChanged + context);
    const slice = ops.slice(from, to + 1);
    let aCount = 0;
    let bCount = 0;
    for (const o of slice) {
      if (o.kind !== '+') aCount++;
      if (o.kind !== '-') bCount++;
    }
    // Line numbers before the hunk's first line, in each file.
    const head = ops.slice(0, from);
    const aStart = head.filter((o) => o.kind !== '+').length + (aCount ? 1 : 0);
    const bStart = head.filter((o) => o.kind !== '-').length + (bCount ? 1 : 0);
    out += `@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@\n`;
    for (const o of slice) out += `${o.kind}${o.text}\n`;
  }
  return out;
}
