import type { Container, Volume } from 'kubernetes-types/core/v1';
import type { ImageEntry } from './registry';
import { entrypointServes } from './registry';
import { productLogs } from './logs';
import type { StartFiles } from './podFiles';
import { presentAtStart, startFiles } from './podFiles';
import type { Redirects } from './shellText';
import { piDigits, pipeStages, redirects, shellDate, shellWords, statements } from './shellText';

/**
 * What a container's process does, worked out from its image and command, so that Jobs
 * complete, `exit 1` crash-loops and `kubectl logs` prints what an echo said. This is a tiny
 * shell: `;`, `&&`, `||`, `|`, redirections, `while true; do …; done`, and the commands
 * learners write in manifests (sleep, echo, printf, date, true, false, exit, exec, touch, rm,
 * cat, ls, tail, hostname, stress, socat, perl's bpi, and the image's own server program). A command it does not know runs for a second and exits 0 — the sim cannot run
 * real programs, and a failure a learner did not ask for would teach the wrong thing.
 */

export interface FileEvent {
  path: string;
  /** Seconds after the container started. */
  at: number;
  exists: boolean;
}

export interface LogLine {
  at: number;
  text: string;
}

export interface ProcessRun {
  /** Seconds after start at which the process exits; undefined while it runs on. */
  exitAfter?: number;
  exitCode: number;
  logs: LogLine[];
  files: FileEvent[];
  /** Ports the process listens on (probes against others fail). */
  listens: number[];
  /** What the container found on disk when it started (see podFiles.ts). */
  start: StartFiles;
}

export interface ProcessContext {
  /** Wall-clock millis at which this container started (for `date` and log timestamps). */
  startedAtMillis: number;
  podName: string;
  /** Simulate up to this many seconds after start; loops stop producing logs past it. */
  until: number;
  imageTag?: string;
  /** The pod's volumes, to know which mounted paths exist (spec.volumes). */
  volumes?: Volume[];
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const basename = (s: string) => s.slice(s.lastIndexOf('/') + 1);
/** A loop must take time, or it would print forever in no time at all. */
const MIN_LOOP_SECONDS = 1;
const MAX_LOG_LINES = 5000;

class Shell {
  t = 0;
  code = 0;
  exited = false;
  forever = false;
  readonly logs: LogLine[] = [];
  readonly files: FileEvent[] = [];
  readonly listens: number[] = [];
  readonly vars = new Map<string, string>();
  /** The current command's redirections; `piped` while its stdout feeds the next stage. */
  private io: Redirects = { append: false };
  private piped = false;

  constructor(
    readonly ctx: ProcessContext,
    readonly entry: ImageEntry,
    readonly start: StartFiles,
  ) {}

  /** Sends output to a file (recording that it now exists); false when not redirected. */
  private write(target: string | undefined): boolean {
    if (target === undefined) return false;
    if (target !== '/dev/null' && target !== '&1') this.files.push({ path: target, at: this.t, exists: true });
    return true;
  }

  /** The command's stdout: the container log unless redirected or piped. */
  log(text: string): void {
    if (this.piped || this.write(this.io.stdout)) return;
    if (this.logs.length < MAX_LOG_LINES) for (const line of text.split('\n')) this.logs.push({ at: this.t, text: line });
  }

  /** The command's stderr, which the container log shows too. */
  err(text: string): void {
    if (this.io.stderr === '&1') this.log(text);
    else if (!this.write(this.io.stderr) && this.logs.length < MAX_LOG_LINES) this.logs.push({ at: this.t, text });
  }

  exists(path: string): boolean {
    let on: boolean | undefined;
    for (const f of this.files) if (f.path === path && f.at <= this.t) on = f.exists;
    return on ?? presentAtStart(this.start, path);
  }

  /** `$(date)`, `$((i+1))`, `$VAR` and `${VAR}`; unset variables are empty, as in sh. */
  expand(text: string): string {
    return text
      .replace(/\$\(date\)/g, () => shellDate(this.ctx.startedAtMillis + this.t * 1000))
      .replace(/\$\(\((.*?)\)\)/g, (_, e: string) => String(this.arith(e)))
      .replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a?: string, b?: string) => this.vars.get((a ?? b) as string) ?? '');
  }

  arith(expr: string): number {
    const m = /^\s*\$?(\w+)\s*([-+*])\s*(\d+)\s*$/.exec(expr);
    if (!m) return Number(this.vars.get(expr.trim()) ?? expr.trim()) || 0;
    const a = Number(/^\d+$/.test(m[1] as string) ? m[1] : (this.vars.get(m[1] as string) ?? 0)) || 0;
    const b = Number(m[3]);
    return m[2] === '+' ? a + b : m[2] === '-' ? a - b : a * b;
  }

  script(text: string): void {
    const loop = /^([\s\S]*?)\bwhile\s+(?:true|:|\[\s*(?:true|1)\s*\])\s*;?\s*do\b([\s\S]*?);?\s*done\s*;?\s*$/.exec(text.trim());
    if (loop) {
      this.sequence(loop[1] as string);
      if (this.exited) return;
      this.loop(loop[2] as string);
      return;
    }
    // `producer | while read line; do …; done` reads until the producer ends (the sim does not
    // know the lines, so the body's output is not shown).
    const reader = /^([\s\S]*?)([^;\n]*?)\|\s*while\s+read\b[\s\S]*?\bdone\s*;?\s*$/.exec(text.trim());
    if (reader) {
      this.sequence(reader[1] as string);
      if (this.exited || this.forever) return;
      this.pipeline([reader[2] as string, 'true']);
      return;
    }
    this.sequence(text);
  }

  private loop(body: string): void {
    for (let i = 0; !this.exited; i++) {
      if (this.t >= this.ctx.until || i >= MAX_LOG_LINES) {
        this.forever = true;
        return;
      }
      const before = this.t;
      this.sequence(body);
      if (this.t - before < MIN_LOOP_SECONDS) this.t = before + MIN_LOOP_SECONDS;
    }
  }

  sequence(text: string): void {
    for (const s of statements(text)) {
      if (this.exited || this.forever) return;
      if (s.op === '&&' && this.code !== 0) continue;
      if (s.op === '||' && this.code === 0) continue;
      this.pipeline(pipeStages(s.text));
    }
  }

  /**
   * Stages run side by side: the pipeline lasts as long as its longest stage, and its status
   * is the last stage's. A stage that never ends (`tail -f`) keeps a reader after it alive,
   * except `head`, which stops after its lines.
   */
  private pipeline(stages: string[]): void {
    if (stages.length <= 1) {
      this.command(shellWords(this.expand(stages[0] ?? '')));
      return;
    }
    const start = this.t;
    let end = start;
    let endless = false;
    stages.forEach((stage, i) => {
      const last = i === stages.length - 1;
      this.t = start;
      this.piped = !last;
      const words = shellWords(this.expand(stage));
      this.command(words);
      this.piped = false;
      end = Math.max(end, this.t);
      if (!last && this.forever && !this.exited) endless = true;
      if (!last) {
        this.forever = false;
        this.exited = false;
      } else if (endless && basename(words[0] ?? '') !== 'head') this.forever = true;
    });
    this.t = end;
  }

  command(all: string[]): void {
    const { words, io } = redirects(all);
    const outer = this.io;
    this.io = io;
    try {
      if (io.stdin !== undefined && !this.exists(io.stdin)) {
        this.io = outer;
        this.err(`sh: can't open '${io.stdin}': No such file or directory`);
        this.code = 1;
        return;
      }
      // `>` creates (or truncates) its file even when the command prints nothing.
      this.write(io.stdout);
      this.run(words);
    } finally {
      this.io = outer;
    }
  }

  private run(words: string[]): void {
    const [head, ...rest] = words;
    if (head === undefined) return;
    const name = basename(head);
    this.code = 0;
    if (/^\w+=/.test(head) && rest.length === 0) {
      this.vars.set(head.slice(0, head.indexOf('=')), head.slice(head.indexOf('=') + 1));
      return;
    }
    if (this.entry.servers?.includes(name)) {
      this.server(this.entry.ports ?? [], this.entry.product);
      return;
    }
    switch (name) {
      case 'sleep': {
        const arg = rest[0] ?? '0';
        const n = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
        if (arg === 'infinity' || !n) {
          this.forever = true;
          return;
        }
        const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[n[2] as '' | 's' | 'm' | 'h' | 'd'];
        this.t += Number(n[1]) * mult;
        return;
      }
      case 'echo': {
        const args = rest.filter((a, i) => !(i === 0 && (a === '-n' || a === '-e')));
        this.log(args.join(' ').replace(/\\n/g, '\n'));
        return;
      }
      case 'printf': {
        const [fmt = '', ...args] = rest;
        let i = 0;
        const out = fmt.replace(/%[sd]/g, () => args[i++] ?? '').replace(/\\n/g, '\n');
        this.log(out.replace(/\n$/, ''));
        return;
      }
      case 'date':
        this.log(shellDate(this.ctx.startedAtMillis + this.t * 1000));
        return;
      case 'true':
      case ':':
        return;
      case 'false':
        this.code = 1;
        return;
      case 'exit':
        this.code = Number(rest[0] ?? 0) & 255;
        this.exited = true;
        return;
      case 'exec':
        this.run(rest);
        return;
      case 'touch':
        for (const f of rest) this.files.push({ path: f, at: this.t, exists: true });
        return;
      case 'rm':
        for (const f of rest.filter((a) => !a.startsWith('-'))) this.files.push({ path: f, at: this.t, exists: false });
        return;
      case 'cat':
      case 'ls':
        // The sim knows whether a file is there, not what it holds: a present file prints nothing.
        for (const f of rest.filter((a) => !a.startsWith('-') || a === '-')) {
          if (f !== '-' && !this.exists(f)) {
            this.err(name === 'cat' ? `cat: can't open '${f}': No such file or directory` : `ls: ${f}: No such file or directory`);
            this.code = 1;
          }
        }
        return;
      case 'head':
        // Prints the start of its files (unknown to the sim) and exits.
        for (const f of rest.filter((a, i) => !a.startsWith('-') && !['-n', '-c'].includes(rest[i - 1] ?? ''))) {
          if (!this.exists(f)) {
            this.err(`head: ${f}: No such file or directory`);
            this.code = 1;
          }
        }
        return;
      case 'tail':
        this.tail(rest);
        return;
      case 'stress': {
        // stress runs its workers until --timeout (or -t), and forever without one.
        const i = rest.findIndex((a) => a === '--timeout' || a === '-t');
        const secs = i >= 0 ? /^(\d+)s?$/.exec(rest[i + 1] ?? '') : null;
        if (secs) this.t += Number(secs[1]);
        else this.forever = true;
        return;
      }
      case 'socat': {
        const listen = rest.map((a) => /^(?:tcp|tcp4|tcp6|udp|udp4|udp6)-listen:(\d+)/i.exec(a)).find((m) => m);
        if (listen) this.server([Number(listen[1])], undefined);
        else this.t += 1;
        return;
      }
      case 'hostname':
        this.log(this.ctx.podName);
        return;
      case 'perl': {
        const m = /bpi\((\d+)\)/.exec(rest.join(' '));
        if (m) this.log(piDigits(Number(m[1])));
        this.t += m ? 2 : 1;
        return;
      }
      case 'nginx':
        if (rest.includes('-T') || rest.includes('-t')) {
          this.log('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful');
          return;
        }
        this.server([80], 'nginx');
        return;
      default:
        if (SHELLS.has(name)) {
          const c = rest.indexOf('-c');
          if (c >= 0) this.script(rest[c + 1] ?? '');
          return;
        }
        this.t += 1;
    }
  }

  /**
   * `tail -f`/`-F` follow their files until killed. `-f` (busybox and GNU alike) gives up
   * when no file can be opened; `-F` retries until the file appears. Without a follow flag,
   * tail prints the file's end (unknown to the sim) and exits.
   */
  private tail(args: string[]): void {
    let follow = false;
    let retry = false;
    const paths: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '-n' || a === '-c' || a === '-s') i++;
      else if (a === '-F' || a === '--retry') {
        follow = true;
        retry = true;
      } else if (a === '-f' || a.startsWith('--follow')) follow = true;
      else if (/^-[a-zA-Z]+$/.test(a)) {
        if (a.includes('F')) retry = follow = true;
        else if (a.includes('f')) follow = true;
      } else if (!a.startsWith('-')) paths.push(a);
    }
    const missing = paths.filter((p) => !this.exists(p));
    for (const p of missing) this.err(`tail: can't open '${p}': No such file or directory`);
    if (follow && (retry || missing.length < paths.length)) {
      this.forever = true;
      return;
    }
    if (missing.length > 0) this.code = 1;
  }

  server(ports: number[], product: ImageEntry['product']): void {
    for (const line of productLogs(product, this.ctx.startedAtMillis + this.t * 1000, this.ctx.imageTag ?? '')) this.log(line);
    this.listens.push(...ports);
    this.forever = true;
  }
}

/**
 * Runs a container's process on paper. `exitAfter` is undefined when it runs until stopped
 * (servers, `sleep infinity`, endless loops, `tail -f`).
 */
export function runProcess(container: Container, entry: ImageEntry, ctx: ProcessContext): ProcessRun {
  const start = startFiles(container, ctx.volumes);
  const sh = new Shell(ctx, entry, start);
  for (const e of container.env ?? []) if (e.value !== undefined) sh.vars.set(e.name, e.value);
  sh.vars.set('HOSTNAME', ctx.podName);
  const command = container.command ?? [];
  const args = container.args ?? [];
  if (command.length > 0) sh.command([...command, ...args]);
  else if (entry.behaviour === 'pause') sh.forever = true;
  else if (args.length === 0 || (entry.behaviour === 'server' && entrypointServes(entry, args))) {
    // args alone go to the image's entrypoint: a server's flags keep it a server.
    if (entry.behaviour === 'server') sh.server(entry.ports ?? [], entry.product);
    // A shell or interpreter without a terminal reads EOF and exits 0 at once.
  } else if (entry.entrypoint === 'binary' && entry.program) sh.command([entry.program, ...args]);
  // Without an ENTRYPOINT (or through an entrypoint script that execs them), args are the command.
  else sh.command(args);
  const finite = sh.exited || !sh.forever;
  return { ...(finite ? { exitAfter: sh.t } : {}), exitCode: finite ? sh.code : 0, logs: sh.logs, files: sh.files, listens: sh.listens, start };
}

/** Whether `path` exists `at` seconds after start: the process's writes and removals, else what it started with. */
export function fileExists(run: ProcessRun, path: string, at: number): boolean {
  let on: boolean | undefined;
  for (const f of run.files) if (f.path === path && f.at <= at) on = f.exists;
  return on ?? presentAtStart(run.start, path);
}
