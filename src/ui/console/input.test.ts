import { describe, expect, it } from 'vitest';
import { splitInput } from './input';

describe('console input', () => {
  it('one command per line; a pasted last line without newline waits at the prompt', () => {
    expect(splitInput('get pods\nget svc\ntick', false)).toEqual({
      commands: [
        { line: 'get pods', raw: 'get pods' },
        { line: 'get svc', raw: 'get svc' },
      ],
      rest: 'tick',
    });
    expect(splitInput('get pods\n', false)).toEqual({ commands: [{ line: 'get pods', raw: 'get pods' }], rest: '' });
    expect(splitInput('get pods', true).commands).toEqual([{ line: 'get pods', raw: 'get pods' }]);
    expect(splitInput('\n  \n', true).commands).toEqual([]);
  });

  it('a trailing backslash continues the line', () => {
    expect(splitInput('kubectl create deployment web \\\n  --image=nginx', true).commands[0]?.line).toBe('kubectl create deployment web   --image=nginx');
    expect(splitInput('kubectl get \\', true)).toEqual({ commands: [], rest: 'kubectl get \\' });
  });

  it('a heredoc is the command’s standard input', () => {
    const text = "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\nEOF\nkubectl get ns dev";
    const r = splitInput(text, true);
    expect(r.commands[0]).toEqual({ line: 'kubectl apply -f -', stdin: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n', raw: text.split('\nkubectl get')[0] });
    expect(r.commands[1]?.line).toBe('kubectl get ns dev');
    expect(splitInput("cat <<'END'\nx\nEND", true).commands[0]?.stdin).toBe('x\n');
  });

  it('an unterminated heredoc stays at the prompt', () => {
    expect(splitInput('kubectl apply -f - <<EOF\napiVersion: v1', true)).toEqual({ commands: [], rest: 'kubectl apply -f - <<EOF\napiVersion: v1' });
  });
});
