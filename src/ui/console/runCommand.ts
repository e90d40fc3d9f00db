import { request } from '../state/simClient';
import { ui } from '../state/ui';
import { editorBuffer } from '../editor/buffer';
import { lessonBridge } from '../lesson/bridge';
import { showTrace } from '../state/traffic';
import { stopWatch } from './watchState';

/** What `kubectl apply -f NAME` can read: every file of the editor's workspace, and `-` a heredoc's text. */
function consoleFiles(stdin?: string): Record<string, string> {
  return { ...editorBuffer.fileMap(), ...(stdin !== undefined ? { '-': stdin } : {}) };
}

/** A `get ... -w` line: the watch's parser (and the printers) load only when one is typed. */
const WATCH_WORD = /(^|\s)(-w|--watch)(=true)?(\s|$)/;

/**
 * Runs one console line. The sim produces kubectl's exact text; it is printed untouched.
 * `clear` is the console's own command, as in a terminal.
 */
export async function runConsoleLine(raw: string, stdin?: string, echo = raw): Promise<void> {
  const s = ui.getState();
  const line = raw.trim();
  if (!line) return;
  // Another command ends a running `get -w`, as typing into a terminal after Ctrl+C would.
  stopWatch(false);
  s.remember(echo.trim());
  if (line === 'clear') {
    s.clear();
    return;
  }
  s.print('input', echo.trim());
  // People type the word kubectl out of habit: accept it.
  let args = line.replace(/^kubectl(\s+|$)/, '');
  const watch = WATCH_WORD.test(args) ? (await import('../../sim/kubectl/watch')).parseWatch(args) : undefined;
  if (watch) args = watch.line;
  const reply = await request({ type: 'kubectl', line: args, files: consoleFiles(stdin) });
  const print = ui.getState().print;
  if (reply.type === 'kubectlResult') {
    if (reply.result.stdout) print('stdout', reply.result.stdout.replace(/\n$/, ''));
    if (reply.result.stderr) print('stderr', reply.result.stderr.replace(/\n$/, ''));
    // A traced request (curl, wget ...): the Services view animates its hops.
    if (reply.result.traffic) showTrace(reply.result.traffic);
    // `kubectl edit`: the editor is the browser's $EDITOR; Apply saves the change.
    if (reply.result.edit) editorBuffer.setText(reply.result.edit.yaml, reply.result.edit.file);
    lessonBridge.reportResult({ command: args, exitCode: reply.result.exitCode, stdout: reply.result.stdout, stderr: reply.result.stderr });
    if (watch && reply.result.exitCode === 0) (await import('./watch')).startWatch(watch);
  } else if (reply.type === 'error') {
    print('stderr', reply.message);
  }
}
