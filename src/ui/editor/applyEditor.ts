import { request } from '../state/simClient';
import { ui } from '../state/ui';
import { editorBuffer } from './buffer';
import { lessonBridge } from '../lesson/bridge';
import type { LineRange } from './parts';
import { textOfLines } from './parts';

export type ApplyOutcome = { ok: true } | { ok: false; problems: number };

/**
 * Sends the editor's text to the API server (atomic: all objects or none). The text is
 * never touched here: on failure the learner fixes it where the markers point.
 */
export async function applyEditor(part?: LineRange): Promise<ApplyOutcome> {
  const whole = editorBuffer.getText();
  // Part of the file keeps its line numbers, so markers still land on the learner's lines.
  const yaml = part ? textOfLines(whole, part) : whole;
  const file = editorBuffer.file;
  const print = ui.getState().print;
  print('input', `apply -f ${file}`);
  const reply = await request({ type: 'apply', file, yaml });
  if (reply.type === 'error') {
    print('stderr', reply.message);
    editorBuffer.setDiagnostics([]);
    return { ok: false, problems: 1 };
  }
  if (reply.type !== 'kubectlResult') return { ok: false, problems: 1 };
  const { stdout, stderr, exitCode, diagnostics = [] } = reply.result;
  if (stdout) print('stdout', stdout.replace(/\n$/, ''));
  if (stderr) print('stderr', stderr.replace(/\n$/, ''));
  editorBuffer.setDiagnostics(diagnostics);
  lessonBridge.reportResult({ command: `apply -f ${file}`, exitCode, stdout, stderr });
  return exitCode === 0 ? { ok: true } : { ok: false, problems: Math.max(1, diagnostics.length) };
}

export interface DiffOutcome {
  /** `kubectl diff`'s stdout: empty when nothing would change. */
  diff: string;
  error: string;
}

/** `kubectl diff -f FILE` on the active file: what Apply would change in the live objects. */
export async function diffEditor(): Promise<DiffOutcome> {
  const file = editorBuffer.file;
  const reply = await request({ type: 'kubectl', line: `diff -f ${file}`, files: { [file]: editorBuffer.getText() } });
  if (reply.type === 'error') return { diff: '', error: reply.message };
  if (reply.type !== 'kubectlResult') return { diff: '', error: '' };
  editorBuffer.setDiagnostics(reply.result.diagnostics ?? []);
  return { diff: reply.result.stdout, error: reply.result.stdout ? '' : reply.result.stderr };
}
