/**
 * How the console turns typed or pasted text into commands, as bash does: one command per
 * line, a trailing backslash continues the line, and `<<EOF` ... `EOF` feeds the lines
 * between as the command's standard input (`kubectl apply -f - <<EOF`). Pure, for tests.
 */
export interface ConsoleCommand {
  /** The command line without the heredoc marker. */
  line: string;
  /** The heredoc's text, for `-f -`. */
  stdin?: string;
  /** What the learner typed, to echo and remember. */
  raw: string;
}

export interface SplitInput {
  commands: ConsoleCommand[];
  /** The unfinished tail: an open heredoc, a line ending in `\`, or (not final) a last line without newline. */
  rest: string;
}

const HEREDOC = /\s*<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2\s*$/;

/** `final`: Enter was pressed, so a last line without a newline is complete. */
export function splitInput(text: string, final: boolean): SplitInput {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const commands: ConsoleCommand[] = [];
  let start = 0;
  let cur = '';
  let heredoc: { delimiter: string; strip: boolean; body: string[] } | undefined;
  const endOfText = (i: number) => i === lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (endOfText(i) && !final) break; // not yet ended by a newline
    if (heredoc) {
      const h = heredoc;
      const candidate = h.strip ? line.replace(/^\t+/, '') : line;
      if (candidate === h.delimiter) {
        commands.push({ line: cur.trim(), stdin: h.body.map((b) => b + '\n').join(''), raw: lines.slice(start, i + 1).join('\n') });
        heredoc = undefined;
        cur = '';
        start = i + 1;
      } else h.body.push(h.strip ? candidate : line);
      continue;
    }
    const backslashes = /\\*$/.exec(line)?.[0].length ?? 0;
    if (backslashes % 2 === 1) {
      cur += line.slice(0, -1);
      continue;
    }
    cur += line;
    const m = HEREDOC.exec(cur);
    if (m) {
      cur = cur.slice(0, m.index);
      heredoc = { delimiter: m[3] as string, strip: m[1] === '-', body: [] };
      continue;
    }
    if (cur.trim()) commands.push({ line: cur.trim(), raw: lines.slice(start, i + 1).join('\n') });
    cur = '';
    start = i + 1;
  }
  return { commands, rest: lines.slice(start).join('\n') };
}
