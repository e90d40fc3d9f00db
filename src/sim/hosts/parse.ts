/** One simple command of a shell line: its words and where its output goes. */
export interface SimpleCommand {
  words: string[];
  redirect?: { file: string; append: boolean };
}

/** A pipeline, and how it joins the next one (`&&`, `||`, `;`). */
export interface Pipeline {
  commands: SimpleCommand[];
  then?: '&&' | '||' | ';';
}

/**
 * Splits one shell line into pipelines the way sh does for the forms node preparation uses:
 * quotes, backslashes, `|`, `&&`, `||`, `;`, `>` and `>>`. No expansion, no subshells.
 * Throws a sh-style message on unbalanced quotes.
 */
export function parseLine(line: string): Pipeline[] {
  const out: Pipeline[] = [];
  let commands: SimpleCommand[] = [];
  let words: string[] = [];
  let cur = '';
  let has = false;
  let redirect: SimpleCommand['redirect'];
  let pendingRedirect: boolean | undefined;
  const endWord = () => {
    if (!has) return;
    if (pendingRedirect !== undefined) {
      redirect = { file: cur, append: pendingRedirect };
      pendingRedirect = undefined;
    } else words.push(cur);
    cur = '';
    has = false;
  };
  const endCommand = () => {
    endWord();
    if (pendingRedirect !== undefined) throw new Error("sh: 1: Syntax error: newline unexpected");
    if (words.length) commands.push({ words, ...(redirect ? { redirect } : {}) });
    words = [];
    redirect = undefined;
  };
  const endPipeline = (then?: Pipeline['then']) => {
    endCommand();
    if (commands.length) out.push({ commands, ...(then ? { then } : {}) });
    else if (then && then !== ';') throw new Error(`sh: 1: Syntax error: "${then}" unexpected`);
    commands = [];
  };
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) cur += line[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (ch === '&' && line[i + 1] === '&') {
      endPipeline('&&');
      i++;
    } else if (ch === '|' && line[i + 1] === '|') {
      endPipeline('||');
      i++;
    } else if (ch === '|') {
      endCommand();
    } else if (ch === ';') {
      endPipeline(';');
    } else if (ch === '>') {
      endWord();
      pendingRedirect = line[i + 1] === '>';
      if (pendingRedirect) i++;
    } else if (/\s/.test(ch)) {
      endWord();
    } else {
      cur += ch;
      has = true;
    }
  }
  if (quote) throw new Error('sh: 1: Syntax error: Unterminated quoted string');
  endPipeline();
  return out;
}
