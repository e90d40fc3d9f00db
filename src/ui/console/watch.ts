import type { KubeObject } from '../../sim/objects';
import { keyOf } from '../../sim/objects';
import type { WatchSpec } from '../../sim/kubectl/watch';
import { watchRows, watchWidths, watches } from '../../sim/kubectl/watch';
import { mirror } from '../state/mirror';
import { ui } from '../state/ui';
import { setWatch } from './watchState';

/**
 * Streams `spec`'s rows into the console: after each delta, one row per changed object it
 * covers (a deleted object's last state, as kubectl prints the DELETED event's object).
 */
export function startWatch(spec: WatchSpec): void {
  // The last state of each watched object, so a deletion can still print its row.
  const last = new Map<string, KubeObject>();
  for (const o of mirror.getState().objects[spec.resource]?.values() ?? []) if (watches(spec, o)) last.set(keyOf(o), o);
  let widths = watchWidths(spec, [...last.values()], mirror.getState().tick);
  const prefix = `${spec.resource}|`;
  const unsubscribe = mirror.subscribe((s, prev) => {
    if (s.version === prev.version || s.changed === prev.changed) return;
    const bucket = s.objects[spec.resource];
    const rows: KubeObject[] = [];
    for (const [mark, change] of s.changed) {
      if (!mark.startsWith(prefix)) continue;
      const key = mark.slice(prefix.length);
      const obj = change.type === 'DELETED' ? last.get(key) : bucket?.get(key);
      if (!obj || !watches(spec, obj)) continue;
      rows.push(obj);
      if (change.type === 'DELETED') last.delete(key);
      else last.set(key, obj);
    }
    const printed = watchRows(spec, rows, s.tick, widths);
    widths = printed.widths;
    const text = printed.text;
    if (text) ui.getState().print('stdout', text.replace(/\n$/, ''));
  });
  setWatch(spec, unsubscribe);
}
