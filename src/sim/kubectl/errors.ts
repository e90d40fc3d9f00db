import type { Status } from '../api/status';

/** An error kubectl prints and exits 1 on; `text` is the whole stderr line(s). */
export class KubectlError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

/** `error: ...`, the prefix of kubectl's own (client-side) errors. */
export function usage(msg: string): KubectlError {
  return new KubectlError(`error: ${msg}`);
}

/**
 * How kubectl's CheckErr prints an API error: Invalid errors as `The Pod "web" is invalid:`
 * with their causes (one inline, several as a `* ` list), everything else as
 * `Error from server (Reason): message`. `source` adds kubectl's
 * `error when creating "pod.yaml": ` to the message.
 */
export function formatStatus(s: Status, source?: { verb: string; file: string }): string {
  if (s.reason === 'Invalid' && s.details) {
    const d = s.details;
    const head = d.kind || d.name ? `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid` : 'The request is invalid';
    const causes = (d.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
    if (causes.length === 0) return head;
    if (causes.length === 1) return `${head}: ${causes[0]}`;
    return `${head}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  const msg = source ? `error when ${source.verb} "${source.file}": ${s.message}` : s.message;
  return s.reason ? `Error from server (${s.reason}): ${msg}` : `Error from server: ${msg}`;
}
