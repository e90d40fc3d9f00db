import { request } from '../state/simClient';
import { ui } from '../state/ui';
import { editorBuffer } from './buffer';
import { lessonBridge } from '../lesson/bridge';

export type ApplyOutcome = { ok: true } | { ok: false; problems: number };

/**
 * Sends the editor's text to the API server (atomic: all objects or none). The text is
 * never touched here: on failure the learner fixes it where the markers point.
 */
export async function applyEditor(): Promise<ApplyOutcome> {
  const yaml = editorBuffer.getText();
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
