import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { TrafficEnv } from '../network/traffic';
import type { TrafficTrace } from '../network/types';
import type { ContainerFs } from '../volumes/containerFs';

/**
 * The in-container command table behind `kubectl exec POD -- CMD ...`. Each command is a pure
 * function of the container it runs in and the cluster's networking objects.
 *
 * Extension point: a later task adds file-backed commands (e.g. `echo x > /data/f`,
 * `cat /data/f`, `ls /data`) by registering them in COMMANDS (index.ts) and, for files,
 * adding a provider to `ExecContext.files` — `cat`/`ls` already ask `ctx.files` before their
 * built-in /etc files, so a volume-backed store only has to implement `ExecFiles`.
 */
export interface ExecFiles {
  /** The file's content, or undefined when this provider does not have it. */
  read(path: string): string | undefined;
  /** Entries of a directory this provider owns, or undefined. */
  list?(path: string): string[] | undefined;
  /** Writes (for `>`/`>>` redirections); false when the path is not writable here. */
  write?(path: string, content: string, append: boolean): boolean;
}

export interface ExecContext {
  env: TrafficEnv;
  pod: Pod;
  container: Container;
  /** Binaries the image ships (see tools.ts). */
  tools: ReadonlySet<string>;
  /** The image's shell flavour, for error texts: busybox ash, debian dash, or none. */
  shell: 'ash' | 'dash' | 'bash' | undefined;
  /** Extra file providers (volumes); consulted before the kubelet-managed /etc files. */
  files: ExecFiles[];
  /** The container's files with its volumes (src/sim/volumes), when the caller set them up. */
  fs?: ContainerFs;
  /** Signals the container's main process (`kill 1`); the kubelet then sees it exit. */
  kill?: (signal: string) => void;
}

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  traffic?: TrafficTrace;
}

export type ExecCommand = (args: string[], ctx: ExecContext) => ExecOutput;

export const ok = (stdout: string): ExecOutput => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1): ExecOutput => ({ stdout: '', stderr, exitCode });
