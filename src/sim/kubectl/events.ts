import type { Event } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { usage } from './errors';
import { resolveType } from './resolve';
import { groupVersions } from '../api/resources';
import { eventLastSeen } from './printers/tables';
import { table } from './tabwriter';
import type { KubectlResult } from './types';

type EventObject = Event & KubeObject;

function lastMillis(e: EventObject): number {
  const t = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp;
  return t ? Date.parse(t) : 0;
}

/**
 * `kubectl events [-n NS | -A] [--for TYPE/NAME] [--types=Warning,Normal]`: the newer
 * command, oldest first, OBJECT as `Kind/name` (where `get events` prints `kind/name`).
 */
export function runEvents(cluster: Cluster, args: Args): KubectlResult {
  if (args.positional.length) throw usage(`unknown command "${args.positional[0]}" for "kubectl events"`);
  const allNs = bool(args, 'all-namespaces');
  const ns = flag(args, 'namespace') ?? 'default';
  const types = (flag(args, 'types') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw usage('valid --types are Normal or Warning');
  const forText = flag(args, 'for');
  let forKind: string | undefined;
  let forName: string | undefined;
  if (forText !== undefined) {
    const i = forText.indexOf('/');
    if (i < 0) throw usage(`--for must be in resource/name form`);
    forKind = resolveType(forText.slice(0, i)).kind;
    forName = forText.slice(i + 1);
  }
  const events = (cluster.api.list(resolveType('events'), allNs ? undefined : ns) as EventObject[])
    .filter((e) => !types.length || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase()))
    .filter((e) => forKind === undefined || (e.involvedObject.kind === forKind && e.involvedObject.name === forName))
    .sort((a, b) => lastMillis(a) - lastMillis(b) || (a.metadata.name < b.metadata.name ? -1 : 1));
  if (!events.length) return { stdout: '', stderr: allNs ? 'No events found.\n' : `No events found in ${ns} namespace.\n`, exitCode: 0 };
  const now = cluster.clock.nowMillis();
  const rows = events.map((e) => {
    const row = [eventLastSeen(e, now), e.type ?? '', e.reason ?? '', `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`, (e.message ?? '').trim()];
    return allNs ? [e.metadata.namespace ?? '', ...row] : row;
  });
  const header = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  return { stdout: table(bool(args, 'no-headers') ? rows : [allNs ? ['NAMESPACE', ...header] : header, ...rows]), stderr: '', exitCode: 0 };
}

/** `kubectl api-versions`: every group/version the API server serves, sorted as kubectl sorts them. */
export function runApiVersions(): KubectlResult {
  const all = groupVersions().flatMap((g) => g.versions.map((v) => (g.group ? `${g.group}/${v}` : v)));
  return { stdout: [...new Set(all)].sort().map((l) => l + '\n').join(''), stderr: '', exitCode: 0 };
}
