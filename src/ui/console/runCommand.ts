import { request } from '../state/simClient';
import { ui } from '../state/ui';
import { editorBuffer } from '../editor/buffer';
import { lessonBridge } from '../lesson/bridge';
import { showTrace } from '../state/traffic';

/** What `kubectl apply -f NAME` can read: the editor's buffer under its file name. */
function consoleFiles(): Record<string, string> {
  return { [editorBuffer.file]: editorBuffer.getText() };
}

/**
 * Runs one console line. The sim produces kubectl's exact text; it is printed untouched.
 * `clear` is the console's own command, as in a terminal.
 */
export async function runConsoleLine(raw: string): Promise<void> {
  const s = ui.getState();
  const line = raw.trim();
  if (!line) return;
  s.remember(line);
  if (line === 'clear') {
    s.clear();
    return;
  }
  s.print('input', line);
  // People type the word kubectl out of habit: accept it.
  const args = line.replace(/^kubectl(\s+|$)/, '');
  const reply = await request({ type: 'kubectl', line: args, files: consoleFiles() });
  const print = ui.getState().print;
  if (reply.type === 'kubectlResult') {
    if (reply.result.stdout) print('stdout', reply.result.stdout.replace(/\n$/, ''));
    if (reply.result.stderr) print('stderr', reply.result.stderr.replace(/\n$/, ''));
    // A traced request (curl, wget ...): the Services view animates its hops.
    if (reply.result.traffic) showTrace(reply.result.traffic);
    lessonBridge.reportResult({ command: args, exitCode: reply.result.exitCode, stdout: reply.result.stdout, stderr: reply.result.stderr });
  } else if (reply.type === 'error') {
    print('stderr', reply.message);
  }
}
