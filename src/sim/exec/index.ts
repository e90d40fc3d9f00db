import type { Container, Pod } from 'kubernetes-types/core/v1';
import { pipeStages, redirects, shellWords, statements } from '../kubelet/shellText';
import type { TrafficEnv } from '../network/traffic';
import { runCurl } from './curl';
import { containerEnv, runEnv } from './env';
import { podHostname } from './files';
import { runNslookup } from './nslookup';
import { toolsOf } from './tools';
import type { ExecCommand, ExecContext, ExecFiles, ExecOutput } from './types';
import { fail, ok } from './types';
import { runWget } from './wget';
import type { ContainerFs } from '../volumes/containerFs';
import { fsCat, fsDf, fsKill, fsLs, fsMkdir, fsMount, fsRm, fsTouch, withRedirects } from './fileCommands';

/**
 * The command table of `kubectl exec`. One entry per program; a program runs only when the
 * image ships it (tools.ts). To add a command (e.g. file-backed `echo > /data/f`), add it here
 * and, for files, pass an `ExecFiles` provider in `ExecContext.files` (see types.ts).
 */
export const COMMANDS: Record<string, ExecCommand> = {
  curl: (args, ctx) => runCurl(ctx.env, { kind: 'pod', pod: ctx.pod }, args, false),
  wget: (args, ctx) => runWget(ctx.env, { kind: 'pod', pod: ctx.pod }, args),
  nslookup: runNslookup,
  cat: fsCat,
  ls: fsLs,
  touch: fsTouch,
  rm: fsRm,
  mkdir: fsMkdir,
  df: fsDf,
  mount: fsMount,
  kill: fsKill,
  env: runEnv,
  printenv: runEnv,
  hostname: (_args, ctx) => ok(podHostname(ctx.pod) + '\n'),
  echo: (args) => (args[0] === '-n' ? ok(args.slice(1).join(' ')) : ok(args.join(' ') + '\n')),
  true: () => ok(''),
  false: () => fail('', 1),
  sleep: () => ok(''),
  pwd: () => ok('/\n'),
  id: () => ok('uid=0(root) gid=0(root) groups=0(root)\n'),
  sh: (args, ctx) => runShell(args, ctx),
  bash: (args, ctx) => runShell(args, ctx),
  ash: (args, ctx) => runShell(args, ctx),
};

const basename = (s: string) => s.slice(s.lastIndexOf('/') + 1);

function expand(word: string, vars: Map<string, string>): string {
  return word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string | undefined, b: string | undefined) => vars.get(a ?? b ?? '') ?? '');
}

/** `sh -c 'one; two && three'` — statements and simple pipes into the table; no shell: an error as sh prints it. */
function runShell(args: string[], ctx: ExecContext): ExecOutput {
  const c = args.indexOf('-c');
  if (c < 0) return ok(''); // an interactive shell without a terminal reads EOF and exits
  const script = args[c + 1] ?? '';
  const vars = new Map(containerEnv(ctx.env.input, ctx.pod, ctx.container.name));
  let out: ExecOutput = ok('');
  let stdout = '';
  let stderr = '';
  for (const st of statements(script)) {
    if (st.op === '&&' && out.exitCode !== 0) continue;
    if (st.op === '||' && out.exitCode === 0) continue;
    let input = '';
    for (const stage of pipeStages(st.text)) {
      const { words, io } = redirects(shellWords(stage).map((w) => expand(w, vars)));
      const [name, ...rest] = words;
      if (!name) continue;
      if (name === 'exit') return { stdout, stderr, exitCode: Number(rest[0] ?? out.exitCode) || 0, ...(out.traffic ? { traffic: out.traffic } : {}) };
      const prog = basename(name);
      const cmd = COMMANDS[prog];
      // kill is a builtin of every shell, whether or not the image ships /bin/kill.
      if (!cmd || !(ctx.tools.has(prog) || prog === 'kill')) {
        out = fail(ctx.shell === 'dash' ? `sh: 1: ${name}: not found\n` : `sh: ${name}: not found\n`, 127);
      } else out = withRedirects(io, ctx, () => cmd(rest, ctx));
      input = out.stdout;
      stderr += out.stderr;
    }
    stdout += input;
  }
  return { stdout, stderr, exitCode: out.exitCode, ...(out.traffic ? { traffic: out.traffic } : {}) };
}

export interface ExecRequest {
  env: TrafficEnv;
  pod: Pod;
  container: Container;
  argv: string[];
  files?: ExecFiles[];
  fs?: ContainerFs;
  kill?: (signal: string) => void;
}

export type ExecResult = ExecOutput | { notFound: string };

/** Runs argv in the container: the program must exist in the image (no shell lookup at this level). */
export function execInContainer(req: ExecRequest): ExecResult {
  const { tools, shell } = toolsOf(req.container);
  const ctx: ExecContext = { env: req.env, pod: req.pod, container: req.container, tools, shell, files: req.files ?? [], ...(req.fs ? { fs: req.fs } : {}), ...(req.kill ? { kill: req.kill } : {}) };
  const [name, ...rest] = req.argv;
  const prog = basename(name ?? '');
  const cmd = COMMANDS[prog];
  if (!name || !cmd || !tools.has(prog)) return { notFound: name ?? '' };
  return cmd(rest, ctx);
}
