import type { Container } from 'kubernetes-types/core/v1';
import type { ImageEntry } from './registry';
import { productLogs } from './logs';

/**
 * What a container's process does, worked out from its image and command, so that Jobs
 * complete, `exit 1` crash-loops and `kubectl logs` prints what an echo said. This is a tiny
 * shell: `;`, `&&`, `||`, `while true; do …; done`, and the commands learners write in
 * manifests (sleep, echo, printf, date, true, false, exit, touch, rm, cat, hostname, env,
 * perl's bpi). A command it does not know runs for a second and exits 0 — the sim cannot run
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
}

export interface ProcessContext {
  /** Wall-clock millis at which this container started (for `date` and log timestamps). */
  startedAtMillis: number;
  podName: string;
  /** Simulate up to this many seconds after start; loops stop producing logs past it. */
  until: number;
  imageTag?: string;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const basename = (s: string) => s.slice(s.lastIndexOf('/') + 1);
/** A loop must take time, or it would print forever in no time at all. */
const MIN_LOOP_SECONDS = 1;
const MAX_LOG_LINES = 5000;

/** Splits a shell word list, honouring single and double quotes. */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      any = true;
    } else if (/\s/.test(ch)) {
      if (cur || any) out.push(cur);
      cur = '';
      any = false;
    } else cur += ch;
  }
  if (cur || any) out.push(cur);
  return out;
}

type Op = ';' | '&&' | '||';
interface Stmt {
  op: Op;
  text: string;
}

/** Cuts a script at `;`, `&&`, `||` and newlines outside quotes and `$(…)`. */
function statements(script: string): Stmt[] {
  const out: Stmt[] = [];
  let cur = '';
  let quote: string | undefined;
  let depth = 0;
  let op: Op = ';';
  const push = (next: Op) => {
    if (cur.trim()) out.push({ op, text: cur.trim() });
    cur = '';
    op = next;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    const two = script.slice(i, i + 2);
    if (quote) {
      if (ch === quote) quote = undefined;
      cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (two === '$(') {
      depth++;
      cur += two;
      i++;
    } else if (ch === ')' && depth > 0) {
      depth--;
      cur += ch;
    } else if (depth === 0 && (two === '&&' || two === '||')) {
      push(two);
      i++;
    } else if (depth === 0 && (ch === ';' || ch === '\n')) push(';');
    else cur += ch;
  }
  push(';');
  return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** busybox `date`: `Thu Jan  1 09:00:04 UTC 2026`. */
export function shellDate(millis: number): string {
  const d = new Date(millis);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** π to `digits` significant digits, as perl's `bpi(N)` prints it (Machin's formula on BigInt). */
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.min(digits, 10000));
  const scale = 10n ** BigInt(n + 10);
  const atanInv = (x: bigint): bigint => {
    let term = scale / x;
    let sum = term;
    const x2 = x * x;
    for (let k = 1n; term !== 0n; k++) {
      term /= x2;
      sum += (k % 2n === 1n ? -term : term) / (2n * k + 1n);
    }
    return sum;
  };
  const pi = (16n * atanInv(5n) - 4n * atanInv(239n)) / 10n ** 11n;
  const s = pi.toString();
  return `${s[0]}.${s.slice(1, n)}`;
}

class Shell {
  t = 0;
  code = 0;
  exited = false;
  forever = false;
  readonly logs: LogLine[] = [];
  readonly files: FileEvent[] = [];
  readonly listens: number[] = [];
  readonly vars = new Map<string, string>();

  constructor(
    readonly ctx: ProcessContext,
    readonly entry: ImageEntry,
  ) {}

  log(text: string): void {
    if (this.logs.length < MAX_LOG_LINES) for (const line of text.split('\n')) this.logs.push({ at: this.t, text: line });
  }

  exists(path: string): boolean {
    let on = false;
    for (const f of this.files) if (f.path === path && f.at <= this.t) on = f.exists;
    return on;
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
      this.command(shellWords(this.expand(s.text)));
    }
  }

  command(words: string[]): void {
    const [head, ...rest] = words;
    if (head === undefined) return;
    const name = basename(head);
    this.code = 0;
    if (/^\w+=/.test(head) && rest.length === 0) {
      this.vars.set(head.slice(0, head.indexOf('=')), head.slice(head.indexOf('=') + 1));
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
      case 'touch':
        for (const f of rest) this.files.push({ path: f, at: this.t, exists: true });
        return;
      case 'rm':
        for (const f of rest.filter((a) => !a.startsWith('-'))) this.files.push({ path: f, at: this.t, exists: false });
        return;
      case 'cat':
        for (const f of rest) {
          if (!this.exists(f)) {
            this.log(`cat: can't open '${f}': No such file or directory`);
            this.code = 1;
          }
        }
        return;
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

  server(ports: number[], product: ImageEntry['product']): void {
    for (const line of productLogs(product, this.ctx.startedAtMillis + this.t * 1000, this.ctx.imageTag ?? '')) this.log(line);
    this.listens.push(...ports);
    this.forever = true;
  }
}

/**
 * Runs a container's process on paper. `exitAfter` is undefined when it runs until stopped
 * (servers, `sleep infinity`, endless loops).
 */
export function runProcess(container: Container, entry: ImageEntry, ctx: ProcessContext): ProcessRun {
  const sh = new Shell(ctx, entry);
  for (const e of container.env ?? []) if (e.value !== undefined) sh.vars.set(e.name, e.value);
  sh.vars.set('HOSTNAME', ctx.podName);
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (argv.length === 0) {
    if (entry.behaviour === 'server') sh.server(entry.ports ?? [], entry.product);
    else if (entry.behaviour === 'pause') sh.forever = true;
    // A shell or interpreter without a terminal reads EOF and exits 0 at once.
  } else {
    sh.command(argv);
  }
  const finite = sh.exited || !sh.forever;
  return { ...(finite ? { exitAfter: sh.t } : {}), exitCode: finite ? sh.code : 0, logs: sh.logs, files: sh.files, listens: sh.listens };
}

/** Whether `path` exists `at` seconds after start, by the process's touch/rm timeline. */
export function fileExists(run: ProcessRun, path: string, at: number): boolean {
  let on = false;
  for (const f of run.files) if (f.path === path && f.at <= at) on = f.exists;
  return on;
}
