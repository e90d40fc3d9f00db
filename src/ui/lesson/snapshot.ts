import type { KubeObject } from '../../sim/objects';
import type { ClusterSnapshot, LastResult, Lang, Localized } from '../../lessons/types';
import type { ClusterSettings } from '../../sim/settings';
import type { Objects } from '../state/mirror';

/** The same view of the cluster the lesson test builds headlessly, from the UI's mirror. */
export function snapshotFromMirror(tick: number, objects: Objects, lastResult?: LastResult, settings?: ClusterSettings): ClusterSnapshot {
  const out: Record<string, readonly KubeObject[]> = {};
  for (const [resource, map] of Object.entries(objects)) out[resource] = [...map.values()];
  const snap: ClusterSnapshot = { tick, objects: out };
  if (lastResult) snap.lastResult = lastResult;
  if (settings) snap.settings = settings;
  return snap;
}

export function langOf(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function pick(text: Localized, lang: Lang): string {
  return text[lang] || text.en;
}
