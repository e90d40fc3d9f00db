import { request } from '../state/simClient';
import { ui } from '../state/ui';

/** Files `kubectl apply -f NAME` can read besides the editor (lessons may add theirs). */
export const consoleFiles: { current: () => Record<string, string> } = { current: () => ({}) };

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
  const reply = await request({ type: 'kubectl', line: args, files: consoleFiles.current() });
  const print = ui.getState().print;
  if (reply.type === 'kubectlResult') {
    if (reply.result.stdout) print('stdout', reply.result.stdout.replace(/\n$/, ''));
    if (reply.result.stderr) print('stderr', reply.result.stderr.replace(/\n$/, ''));
  } else if (reply.type === 'error') {
    print('stderr', reply.message);
  }
}
