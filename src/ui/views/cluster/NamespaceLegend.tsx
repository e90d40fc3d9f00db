import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { mirror, type MirrorState } from '../../state/mirror';
import { selectObject, useSelection } from '../../state/selection';
import { isSystemNamespace, namespaceColor } from '../model/nsColor';
import { PHASE_CATEGORIES } from './icons';
import { naturalCompare } from './layout';

interface Entry {
  name: string;
  color: string;
  system: boolean;
  pods: number;
  terminating: boolean;
  pulse: boolean;
}

/** Namespaces with pod counts, empty ones included: a namespace exists before anything lives in it. */
export function namespaceEntries(state: MirrorState): Entry[] {
  const counts = new Map<string, number>();
  for (const p of state.objects.pods?.values() ?? []) {
    const ns = p.metadata.namespace ?? 'default';
    counts.set(ns, (counts.get(ns) ?? 0) + 1);
  }
  const names = new Set<string>([...(state.objects.namespaces?.keys() ?? []), ...counts.keys()]);
  return [...names]
    .map((name) => ({
      name,
      color: namespaceColor(name),
      system: isSystemNamespace(name),
      pods: counts.get(name) ?? 0,
      terminating: Boolean(state.objects.namespaces?.get(name)?.metadata.deletionTimestamp),
      pulse: state.changed.has(`namespaces|${name}`),
    }))
    .sort((a, b) => Number(a.system) - Number(b.system) || naturalCompare(a.name, b.name));
}

function signature(state: MirrorState): string {
  return JSON.stringify([state.tick % 2, namespaceEntries(state)]);
}

/** Re-renders only when what the legend shows changes, not on every tick. */
function useNamespaceEntries(): { entries: Entry[]; tick: number } {
  const [snap, setSnap] = useState(() => ({ sig: signature(mirror.getState()), entries: namespaceEntries(mirror.getState()), tick: mirror.getState().tick }));
  useEffect(
    () =>
      mirror.subscribe((state) => {
        const sig = signature(state);
        setSnap((prev) => (prev.sig === sig ? prev : { sig, entries: namespaceEntries(state), tick: state.tick }));
      }),
    [],
  );
  return snap;
}

export function NamespaceLegend() {
  const { t } = useTranslation('views');
  const { entries, tick } = useNamespaceEntries();
  const selection = useSelection();
  return (
    <div className="ko-legend" role="group" aria-label={t('legend.title')}>
      <span className="ko-legend-title">{t('legend.title')}</span>
      <ul className="ko-legend-list">
        {entries.map((e) => {
          const selected = selection?.kind === 'Namespace' && selection.name === e.name;
          const cls = ['ko-ns', e.system ? 'ko-system' : '', e.pulse ? `ko-pulse-${tick % 2}` : '', selected ? 'ko-selected' : '', e.terminating ? 'ko-ns-terminating' : ''];
          return (
            <li key={e.name}>
              <button
                type="button"
                className={cls.filter(Boolean).join(' ')}
                data-kind="Namespace"
                data-name={e.name}
                data-namespace=""
                aria-pressed={selected}
                aria-label={t('aria.namespace', { name: e.name, count: e.pods })}
                title={e.system ? t('legend.systemHint') : undefined}
                onClick={() => selectObject({ kind: 'Namespace', name: e.name })}
                style={{ '--ns-color': e.color } as CSSProperties}
              >
                <span className="ko-ns-swatch" aria-hidden="true" />
                <span className="ko-ns-name">{e.name}</span>
                <span className="ko-ns-count">{e.pods}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <ul className="ko-phase-key" aria-label={t('legend.phases')}>
        {PHASE_CATEGORIES.filter((c) => c !== 'unknown').map((c) => (
          <li key={c} title={t(`phase.${c}.hint`)}>
            <svg width="14" height="14" aria-hidden="true" className={`ko-ph-${c}`}>
              <use href={`#ko-icon-${c}`} width="14" height="14" />
            </svg>
            <span>{t(`phase.${c}.label`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
