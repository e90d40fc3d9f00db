import type { HostState } from './state';
import { parseLine } from './parse';
import type { Clock, Out } from './system';
import { containerdCommand, fail, free, journalctl, lsmod, modprobe, ok, swapCommand, sysctl, systemctl } from './system';

/** What the shell needs from outside the machine: the clock, and kubeadm (which talks to the cluster). */
export interface ShellEnv extends Clock {
  kubeadm(host: HostState, args: string[]): Out;
  sinceText(tick: number): string;
}

function readFile(host: HostState, path: string, cmd: string): Out | string {
  if (path in host.files) return host.files[path] ?? '';
  if (Object.keys(host.files).some((f) => f.startsWith(path.replace(/\/$/, '') + '/'))) return fail(`${cmd}: ${path}: Is a directory`);
  return fail(`${cmd}: ${path}: No such file or directory`);
}

/** `echo` and `printf` text: printf interprets \n and \t (and %s with its arguments); echo adds a newline. */
function printf(args: string[]): string {
  const [format = '', ...rest] = args;
  let i = 0;
  return format.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%s/g, () => rest[i++] ?? '');
}

/** sed's basic regular expression to a JS one (the forms fstab/config edits use). */
function bre(re: string): RegExp {
  const js = re.replace(/\\([(){}|+?])/g, '$1').replace(/(?<!\\)([(){}|+?])/g, '\\$1');
  return new RegExp(js);
}

/** `sed -i EXPR FILE`: `s/a/b/[g]`, `/re/ s/a/b/`, `/re/d`, with any delimiter for s. */
function sed(host: HostState, args: string[]): Out {
  const inPlace = args.some((a) => a === '-i' || a.startsWith('-i'));
  const rest = args.filter((a) => !a.startsWith('-i') && a !== '-e');
  const [expr, ...files] = rest;
  if (!expr) return fail('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...');
  const m = /^(?:\/((?:\\.|[^/])*)\/\s*)?(?:(d)|s(.)((?:\\.|(?!\3).)*)\3((?:\\.|(?!\3).)*)\3(g?))$/.exec(expr.trim());
  if (!m) return fail(`sed: -e expression #1, char ${expr.length}: unknown command: \`${expr.trim()[0] ?? ''}'`);
  const [, address, del, delim, from = '', to = '', g] = m;
  const unescape = (s: string) => s.replace(new RegExp(`\\\\${(delim ?? '/').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`, 'g'), delim ?? '/');
  let addr: RegExp | undefined;
  let pat: RegExp | undefined;
  try {
    addr = address !== undefined ? bre(unescape(address.replace(/\\\//g, '/'))) : undefined;
    pat = del ? undefined : new RegExp(bre(unescape(from)).source, g ? 'g' : '');
  } catch {
    return fail(`sed: -e expression #1, char ${expr.length}: Invalid preceding regular expression`);
  }
  const replacement = unescape(to).replace(/\$/g, '$$$$').replace(/(?<!\\)&/g, '$$&').replace(/\\&/g, '&');
  const edit = (text: string) => {
    const lines = text.split('\n');
    const last = lines[lines.length - 1] === '' ? lines.pop() : undefined;
    const outLines: string[] = [];
    for (const line of lines) {
      if (addr && !addr.test(line)) outLines.push(line);
      else if (del) continue;
      else outLines.push(line.replace(pat as RegExp, replacement));
    }
    return outLines.join('\n') + (last !== undefined ? '\n' : '');
  };
  if (!files.length) return fail('sed: no input files');
  let stdout = '';
  for (const f of files) {
    const text = readFile(host, f, 'sed');
    if (typeof text !== 'string') return { ...text, stderr: text.stderr.replace(/^sed: (.*): No such file or directory/, "sed: can't read $1: No such file or directory") };
    if (inPlace) host.files[f] = edit(text);
    else stdout += edit(text);
  }
  return ok(stdout);
}

function grep(host: HostState, args: string[], stdin: string): Out {
  const flags = args.filter((a) => a.startsWith('-'));
  const [pattern, ...files] = args.filter((a) => !a.startsWith('-'));
  if (pattern === undefined) return fail('Usage: grep [OPTION]... PATTERNS [FILE]...', 2);
  const ignoreCase = flags.some((f) => f.includes('i'));
  const invert = flags.some((f) => f.includes('v'));
  let re: RegExp;
  try {
    re = new RegExp(bre(pattern).source, ignoreCase ? 'i' : '');
  } catch {
    return fail('grep: Unmatched ( or \\(', 2);
  }
  let text = stdin;
  if (files.length) {
    const r = readFile(host, files[0] as string, 'grep');
    if (typeof r !== 'string') return { ...r, code: 2 };
    text = r;
  }
  const hits = text.split('\n').filter((l, i, all) => (i < all.length - 1 || l !== '') && re.test(l) !== invert);
  return hits.length ? ok(hits.join('\n') + '\n') : { stdout: '', stderr: '', code: 1 };
}

function ls(host: HostState, args: string[]): Out {
  const dir = (args.find((a) => !a.startsWith('-')) ?? '/root').replace(/\/$/, '');
  if (dir in host.files) return ok(dir + '\n');
  const names = new Set<string>();
  for (const f of Object.keys(host.files)) if (f.startsWith(dir + '/')) names.add(f.slice(dir.length + 1).split('/')[0] as string);
  if (!names.size && !['/root', '/etc', '/tmp'].includes(dir)) return fail(`ls: cannot access '${dir}': No such file or directory`, 2);
  return ok([...names].sort().join('\n') + (names.size ? '\n' : ''));
}

function mv(host: HostState, args: string[]): Out {
  const [src, dst] = args.filter((a) => !a.startsWith('-'));
  if (!src || !dst) return fail('mv: missing file operand');
  if (!(src in host.files)) return fail(`mv: cannot stat '${src}': No such file or directory`);
  const target = ['/tmp', '/root', '/tmp/', '/root/'].includes(dst) || Object.keys(host.files).some((f) => f.startsWith(dst.replace(/\/$/, '') + '/')) ? `${dst.replace(/\/$/, '')}/${src.split('/').pop()}` : dst;
  host.files[target] = host.files[src] ?? '';
  delete host.files[src];
  return ok();
}

function tee(host: HostState, args: string[], stdin: string): Out {
  const append = args.includes('-a') || args.includes('--append');
  for (const f of args.filter((a) => !a.startsWith('-') && a !== '/dev/null')) host.files[f] = (append ? (host.files[f] ?? '') : '') + stdin;
  return ok(stdin);
}

/** One simple command. */
function runCommand(host: HostState, words: string[], stdin: string, env: ShellEnv): Out {
  let argv = words;
  while (argv[0] === 'sudo') argv = argv.slice(1).filter((a, i) => !(i === 0 && a === '-E'));
  const [cmd = '', ...args] = argv;
  switch (cmd) {
    case 'swapoff':
    case 'swapon':
      return swapCommand(host, cmd, args);
    case 'free':
      return free(host);
    case 'cat':
      if (!args.length) return ok(stdin);
      return args.reduce<Out>((acc, f) => {
        const r = readFile(host, f, 'cat');
        return typeof r === 'string' ? { ...acc, stdout: acc.stdout + r } : { stdout: acc.stdout, stderr: acc.stderr + r.stderr, code: 1 };
      }, ok());
    case 'echo':
      return ok((args[0] === '-e' ? printf([args.slice(1).join(' ')]) : args.join(' ')) + '\n');
    case 'printf':
      return ok(printf(args));
    case 'tee':
      return tee(host, args, stdin);
    case 'sed':
      return sed(host, args);
    case 'grep':
      return grep(host, args, stdin);
    case 'ls':
      return ls(host, args);
    case 'mv':
      return mv(host, args);
    case 'rm':
      for (const f of args.filter((a) => !a.startsWith('-'))) {
        if (!(f in host.files)) {
          if (!args.includes('-f')) return fail(`rm: cannot remove '${f}': No such file or directory`);
        } else delete host.files[f];
      }
      return ok();
    case 'mkdir':
    case 'touch':
      if (cmd === 'touch') for (const f of args) host.files[f] ??= '';
      return ok();
    case 'modprobe':
      return modprobe(host, args);
    case 'lsmod':
      return lsmod(host);
    case 'sysctl':
      return sysctl(host, args);
    case 'systemctl':
      return systemctl(host, args, env, env.sinceText);
    case 'journalctl':
      return journalctl(host, args);
    case 'containerd':
      return containerdCommand(args);
    case 'kubeadm':
      return env.kubeadm(host, args);
    case 'kubelet':
      return args[0] === '--version' ? ok(`Kubernetes ${host.versions.kubelet}\n`) : fail('kubelet runs as a systemd service here: use systemctl restart kubelet and journalctl -u kubelet');
    case 'kubectl':
      return args[0] === 'version' ? ok(`Client Version: ${host.versions.kubectl}\nKustomize Version: v5.7.1\n`) : fail('The connection to the server localhost:8080 was refused - did you specify the right host or port?');
    case 'hostname':
      return ok(host.name + '\n');
    case 'uname':
      return ok(args.includes('-r') ? '6.8.0-85-generic\n' : 'Linux\n');
    case 'true':
      return ok();
    case 'false':
      return { stdout: '', stderr: '', code: 1 };
    case 'apt-get':
    case 'apt':
      return fail(`${cmd}: this machine has no internet here; containerd, kubeadm, kubelet and kubectl are already installed`, 100);
    default:
      return fail(`${cmd}: command not found`, 127);
  }
}

/** Runs one shell line on the machine, as `ssh MACHINE -- LINE` would. Never throws. */
export function runShell(host: HostState, line: string, env: ShellEnv): Out {
  let pipelines;
  try {
    pipelines = parseLine(line);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e), 2);
  }
  const all: Out = ok();
  let last = 0;
  let skip = false;
  for (const p of pipelines) {
    if (!skip) {
      let stdin = '';
      let res: Out = ok();
      for (const c of p.commands) {
        res = runCommand(host, c.words, stdin, env);
        all.stderr += res.stderr;
        if (c.redirect) {
          if (c.redirect.file !== '/dev/null') host.files[c.redirect.file] = (c.redirect.append ? (host.files[c.redirect.file] ?? '') : '') + res.stdout;
          res = { ...res, stdout: '' };
        }
        stdin = res.stdout;
      }
      all.stdout += res.stdout;
      last = res.code;
    }
    skip = (p.then === '&&' && last !== 0) || (p.then === '||' && last === 0);
  }
  return { ...all, code: last };
}
