import type { Container, Volume } from 'kubernetes-types/core/v1';
import { lookupImage } from './registry';
import { runProcess } from './process';

/**
 * What a signal sent from inside the container to PID 1 does. Linux delivers to a namespace's
 * init only the signals it installed a handler for — even SIGKILL is dropped — so `kill 1`
 * stops servers that handle SIGTERM (nginx, redis-server, httpd, mysqld exit 0 on it) and does
 * nothing to a shell or `sleep` running as PID 1.
 * Returns the exit code the main process ends with, or undefined when it ignores the signal.
 */
export function pid1ExitOnSignal(container: Container, volumes: Volume[] | undefined, signal: string): number | undefined {
  const sig = signal.toUpperCase().replace(/^SIG/, '');
  if (!['TERM', '15', 'INT', '2', 'QUIT', '3'].includes(sig)) return undefined;
  const l = lookupImage(container.image ?? '');
  if (!l.found) return undefined;
  const run = runProcess(container, l.entry, { startedAtMillis: 0, podName: '', until: 0, volumes });
  return run.listens.length > 0 && run.exitAfter === undefined ? 0 : undefined;
}
