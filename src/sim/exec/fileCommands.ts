import type { Redirects } from '../kubelet/shellText';
import type { ContainerFs, Entry, FsError } from '../volumes/containerFs';
import { runCat, runLs, systemFile } from './files';
import type { ExecContext, ExecOutput } from './types';
import { fail, ok } from './types';

/**
 * File commands of `kubectl exec` over the container's volumes (src/sim/volumes): cat, ls [-l],
 * touch, rm, mkdir [-p], df [-h], mount, kill, and the shell's `>`/`>>` redirections, with
 * busybox's or coreutils' error texts by image. Without a file system (a caller that did not
 * set one up) cat and ls fall back to the kubelet-managed /etc files.
 */
const busybox = (ctx: ExecContext) => ctx.shell === 'ash';

const ERRNO: Record<FsError, string> = {
  EROFS: 'Read-only file system',
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  EBUSY: 'Device or resource busy',
};

const flagsOf = (args: string[]) => new Set(args.filter((a) => /^-[A-Za-z]+$/.test(a)).flatMap((a) => [...a.slice(1)]));
const operands = (args: string[]) => args.filter((a) => !/^-[A-Za-z]+$/.test(a) && a !== '--');

function collectOut(results: (string | undefined)[], ctx: ExecContext, badCode = 1): ExecOutput {
  const errs = results.filter((r): r is string => r !== undefined);
  return errs.length ? { stdout: '', stderr: errs.join(''), exitCode: badCode } : ok('');
}

export function fsCat(args: string[], ctx: ExecContext): ExecOutput {
  const fs = ctx.fs;
  if (!fs) return runCat(args, ctx);
  let stdout = '';
  let stderr = '';
  for (const path of operands(args)) {
    const kind = fs.stat(path);
    // The store's files first, then the kubelet-managed /etc files and other providers.
    const content = kind === 'dir' ? undefined : (fs.read(path) ?? ctx.files.map((f) => f.read(path)).find((c) => c !== undefined) ?? systemFile(ctx, path) ?? (kind === 'file' ? '' : undefined));
    if (content !== undefined) stdout += content;
    else if (kind === 'dir') stderr += busybox(ctx) ? 'cat: read error: Is a directory\n' : `cat: ${path}: Is a directory\n`;
    else stderr += busybox(ctx) ? `cat: can't open '${path}': No such file or directory\n` : `cat: ${path}: No such file or directory\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function lsDate(millis: number): string {
  const d = new Date(millis);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

function longLine(e: Entry, ctx: ExecContext, fs: ContainerFs, widths: number): string {
  const mode = e.link ? 'lrwxrwxrwx' : e.dir ? 'drwxr-xr-x' : '-rw-r--r--';
  const size = e.link ? e.link.length : e.size;
  const name = e.link ? `${e.name} -> ${e.link}` : e.name;
  const date = lsDate(fs.nowMillis);
  if (busybox(ctx)) return `${mode}    1 root     root     ${String(size).padStart(9)} ${date} ${name}`;
  return `${mode} ${e.dir ? 2 : 1} root root ${String(size).padStart(widths)} ${date} ${name}`;
}

export function fsLs(args: string[], ctx: ExecContext): ExecOutput {
  const fs = ctx.fs;
  if (!fs) return runLs(args, ctx);
  const flags = flagsOf(args);
  const targets = operands(args).length ? operands(args) : ['.'];
  let stdout = '';
  let stderr = '';
  for (const path of targets) {
    const kind = fs.stat(path) ?? (systemFile(ctx, path) !== undefined ? 'file' : undefined);
    if (!kind) {
      stderr += busybox(ctx) ? `ls: ${path}: No such file or directory\n` : `ls: cannot access '${path}': No such file or directory\n`;
      continue;
    }
    const entries: Entry[] = kind === 'dir' && !flags.has('d') ? (fs.list(path) ?? []) : [{ name: path, dir: kind === 'dir', size: (fs.read(path) ?? systemFile(ctx, path) ?? '').length }];
    const shown = flags.has('a') && kind === 'dir' ? [{ name: '.', dir: true, size: 4096 }, { name: '..', dir: true, size: 4096 }, ...entries] : entries.filter((e) => !e.name.startsWith('.'));
    if (targets.length > 1 && kind === 'dir') stdout += `${path}:\n`;
    if (flags.has('l')) {
      if (kind === 'dir') stdout += `total ${shown.reduce((n, e) => n + (e.link ? 0 : Math.ceil(e.size / 4096) * 4), 0)}\n`;
      const w = Math.max(...shown.map((e) => String(e.link ? e.link.length : e.size).length), 1);
      for (const e of shown) stdout += longLine(e, ctx, fs, w) + '\n';
    } else for (const e of shown) stdout += `${e.name}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? (busybox(ctx) ? 1 : 2) : 0 };
}

export function fsTouch(args: string[], ctx: ExecContext): ExecOutput {
  const fs = ctx.fs;
  if (!fs) return ok('');
  return collectOut(
    operands(args).map((p) => {
      const e = fs.touch(p);
      if (!e) return undefined;
      return busybox(ctx) ? `touch: ${p}: ${ERRNO[e]}\n` : `touch: cannot touch '${p}': ${ERRNO[e]}\n`;
    }),
    ctx,
  );
}

export function fsRm(args: string[], ctx: ExecContext): ExecOutput {
  const fs = ctx.fs;
  if (!fs) return ok('');
  const flags = flagsOf(args);
  const recursive = flags.has('r') || flags.has('R');
  return collectOut(
    operands(args).map((p) => {
      const e = fs.remove(p, recursive);
      if (!e || (e === 'ENOENT' && flags.has('f'))) return undefined;
      if (e === 'EISDIR') return busybox(ctx) ? `rm: '${p}' is a directory\n` : `rm: cannot remove '${p}': Is a directory\n`;
      const text = busybox(ctx) && e === 'EBUSY' ? 'Resource busy' : ERRNO[e];
      return busybox(ctx) ? `rm: can't remove '${p}': ${text}\n` : `rm: cannot remove '${p}': ${text}\n`;
    }),
    ctx,
  );
}

export function fsMkdir(args: string[], ctx: ExecContext): ExecOutput {
  const fs = ctx.fs;
  if (!fs) return ok('');
  const parents = flagsOf(args).has('p');
  return collectOut(
    operands(args).map((p) => {
      const e = fs.mkdir(p, parents);
      if (!e) return undefined;
      return busybox(ctx) ? `mkdir: can't create directory '${p}': ${ERRNO[e]}\n` : `mkdir: cannot create directory '${p}': ${ERRNO[e]}\n`;
    }),
    ctx,
  );
}

/** 1.5G / 59G as coreutils prints sizes (one decimal below 10), or busybox's 58.4G. */
function human(bytes: number, bb: boolean): string {
  if (bytes === 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (bb) return i === 0 ? String(v) : `${v.toFixed(1)}${units[i]}`;
  const s = v < 10 && i > 0 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v));
  return `${s}${units[i]}`;
}

export function fsDf(args: string[], ctx: ExecContext): ExecOutput {
  const fs = ctx.fs;
  if (!fs) return fail('df: no file systems processed\n');
  const h = flagsOf(args).has('h');
  const bb = busybox(ctx);
  const rows = fs.dfRows();
  const fmt = (n: number) => (h ? human(n, bb) : String(Math.ceil(n / 1024)));
  const table = rows.map((r) => [r.device, fmt(r.size), fmt(r.used), fmt(Math.max(0, r.size - r.used)), `${r.size ? Math.ceil((r.used * 100) / r.size) : 0}%`, r.path]);
  const head = ['Filesystem', h ? 'Size' : '1K-blocks', 'Used', bb ? 'Available' : h ? 'Avail' : 'Available', bb ? 'Use%' : 'Use%', 'Mounted on'];
  const widths = head.map((x, i) => Math.max(x.length, ...table.map((r) => (r[i] as string).length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[0] as number) : i === 5 ? c : c.padStart(widths[i] as number))).join(' ');
  return ok([head, ...table].map(line).join('\n') + '\n');
}

export function fsMount(_args: string[], ctx: ExecContext): ExecOutput {
  const fs = ctx.fs;
  if (!fs) return ok('');
  return ok(
    fs
      .dfRows()
      .map((r) => `${r.device} on ${r.path} type ${r.fsType} (${r.readOnly ? 'ro' : 'rw'},relatime)`)
      .join('\n') + '\n',
  );
}

/** `kill [-SIG] PID`: only PID 1, the container's main process, exists in the sim. */
export function fsKill(args: string[], ctx: ExecContext): ExecOutput {
  const ops = args.filter((a) => !a.startsWith('-'));
  const sIdx = args.indexOf('-s');
  const signal = sIdx >= 0 ? (args[sIdx + 1] ?? 'TERM') : (args.find((a) => /^-[A-Z0-9]+$/.test(a))?.slice(1) ?? 'TERM');
  const pids = sIdx >= 0 ? ops.filter((p) => p !== args[sIdx + 1]) : ops;
  if (!pids.length) return fail(busybox(ctx) ? 'kill: usage: kill [-s SIG] PID...\n' : 'sh: 1: kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n', busybox(ctx) ? 1 : 2);
  let stderr = '';
  for (const pid of pids) {
    if (pid === '1') {
      ctx.kill?.(signal);
      continue;
    }
    stderr += busybox(ctx) ? `kill: can't kill pid ${pid}: No such process\n` : `sh: 1: kill: No such process\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}

/**
 * Runs one command under the shell's redirections: the target is opened before the command
 * runs (so a read-only or missing directory stops it with the shell's own error), and the
 * command's stdout goes to the file instead of the terminal.
 */
export function withRedirects(io: Redirects, ctx: ExecContext, run: () => ExecOutput): ExecOutput {
  const target = io.stdout;
  const fs = ctx.fs;
  if (target && target !== '/dev/null' && target !== '/dev/stdout' && target !== '/dev/stderr' && fs) {
    const e = fs.write(target, '', io.append || true);
    if (e) {
      const text = e === 'ENOENT' ? (ctx.shell === 'ash' ? 'nonexistent directory' : ctx.shell === 'bash' ? 'No such file or directory' : 'Directory nonexistent') : ERRNO[e];
      if (ctx.shell === 'ash') return fail(`sh: can't create ${target}: ${text}\n`, 1);
      if (ctx.shell === 'bash') return fail(`bash: ${target}: ${text}\n`, 1);
      return fail(`sh: 1: cannot create ${target}: ${text}\n`, 2);
    }
    if (!io.append) fs.write(target, '', false);
  }
  const out = run();
  let { stdout, stderr } = out;
  if (io.stderr === '&1' || (target !== undefined && io.stderr === target)) {
    stdout += stderr;
    stderr = '';
  } else if (io.stderr === '/dev/null') stderr = '';
  if (target === '/dev/stderr') {
    stderr += stdout;
    stdout = '';
  } else if (target && target !== '/dev/stdout') {
    if (target !== '/dev/null' && fs) fs.write(target, stdout, true);
    stdout = '';
  }
  return { ...out, stdout, stderr };
}
