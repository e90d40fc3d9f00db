/**
 * Picking part of a file to apply: the document under the cursor, or the selected lines.
 * The part keeps its line numbers (lines before it are blanked), so the API server's
 * markers land where the learner sees them in the whole file.
 */
export interface LineRange {
  /** 1-based, inclusive. */
  start: number;
  end: number;
}

const SEPARATOR = /^---(\s|$)/;

/** The `---`-separated document containing `line` (separator lines belong to the next one). */
export function documentRange(text: string, line: number): LineRange {
  const lines = text.split('\n');
  const at = Math.min(Math.max(1, line), lines.length);
  let start = 1;
  for (let i = at; i >= 1; i--) {
    if (SEPARATOR.test(lines[i - 1] ?? '')) {
      start = i;
      break;
    }
  }
  let end = lines.length;
  for (let i = at + 1; i <= lines.length; i++) {
    if (SEPARATOR.test(lines[i - 1] ?? '')) {
      end = i - 1;
      break;
    }
  }
  return { start, end };
}

/** The text of `range` only, with the lines before it left empty so line numbers hold. */
export function textOfLines(text: string, range: LineRange): string {
  const lines = text.split('\n');
  const out = lines.slice(range.start - 1, range.end);
  return '\n'.repeat(range.start - 1) + out.join('\n') + (range.end < lines.length ? '\n' : '');
}
