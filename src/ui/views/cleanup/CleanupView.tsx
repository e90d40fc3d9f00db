import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../cluster/drawNodes';
import { useMirror } from '../../state/useMirror';
import { listOf } from '../../state/mirror';
import { selectObject } from '../../state/selection';
import { cleanupPlan, CLEANUP_LEVELS, type CleanupEffect, type CleanupItem, type PlanRef } from '../../../sim/cleanup/plan';
import { refName } from '../../../sim/cleanup/format';
import '../views.css';
import './cleanup.css';

const SYSTEM = /^kube-/;
const MAX_NAMES = 3;

function names(t: Translate, refs: readonly PlanRef[]): string {
  const shown = refs.slice(0, MAX_NAMES).map(refName).join(', ');
  return refs.length > MAX_NAMES ? t('cleanup.more', { list: shown, count: refs.length - MAX_NAMES }) : shown;
}

/** One effect in the learner's language; object names stay kubectl's `kind/name`. */
function effectText(t: Translate, e: CleanupEffect): string {
  switch (e.type) {
    case 'cascade':
      return t('cleanup.effect.cascade', { list: names(t, e.objects) });
    case 'breaks':
      return t('cleanup.effect.breaks', { list: names(t, e.objects), how: t(`cleanup.how.${e.how}`) });
    case 'stuck':
      return t('cleanup.effect.stuck', { list: names(t, e.until), finalizer: e.finalizer });
    case 'keepsData':
    case 'destroysData':
      return t(`cleanup.effect.${e.type}`, { volume: e.volume });
    case 'terminating':
      return e.finalizers.length ? t('cleanup.effect.terminatingOn', { finalizers: e.finalizers.join(', ') }) : t('cleanup.effect.terminating');
    case 'sweeps':
      return t('cleanup.effect.sweeps', { count: e.objects.length, list: names(t, e.objects) });
    default:
      return t(`cleanup.effect.${e.type}`);
  }
}

const ICON: Record<CleanupItem['verdict'], string> = { safe: '✓', breaks: '⚠', blocked: '✖' };

function Item({ item, t }: { item: CleanupItem; t: Translate }) {
  const name = refName(item.ref);
  const ref = item.ref.namespace ? { kind: item.ref.kind, namespace: item.ref.namespace, name: item.ref.name } : { kind: item.ref.kind, name: item.ref.name };
  return (
    <li className={`ko-cleanup-item ko-cleanup-${item.verdict}`} data-ref={name} data-verdict={item.verdict}>
      <div className="ko-cleanup-head">
        <span className="ko-cleanup-verdict">
          <span aria-hidden="true">{ICON[item.verdict]}</span> {t(`cleanup.verdict.${item.verdict}`)}
        </span>
        <button type="button" className="ko-cleanup-name" onClick={() => selectObject(ref)}>
          {name}
        </button>
      </div>
      {item.uses.length > 0 && <p className="ko-cleanup-uses">{t('cleanup.uses', { list: names(t, item.uses) })}</p>}
      {item.effects.length > 0 && (
        <ul className="ko-cleanup-effects">
          {item.effects.map((e, i) => (
            <li key={i} data-effect={e.type}>
              {effectText(t, e)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The seed guide's deletion order for one namespace, recomputed from the mirror on every
 * delta (only while this tab is shown): what each object uses and what deleting it now does.
 */
export function CleanupView() {
  const { t } = useTranslation('views');
  const tr = t as Translate;
  const objects = useMirror((s) => s.objects);
  const selectId = useId();
  const namespaces = useMemo(
    () =>
      listOf(objects, 'namespaces')
        .map((n) => n.metadata.name)
        .filter((n) => !SYSTEM.test(n))
        .sort(),
    [objects],
  );
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // Default to the first namespace the learner made; keep a chosen one even after it is deleted.
  const ns = chosen ?? namespaces.find((n) => n !== 'default') ?? 'default';
  useEffect(() => {
    if (chosen === undefined && ns !== 'default') setChosen(ns);
  }, [chosen, ns]);
  const plan = useMemo(() => cleanupPlan((r) => listOf(objects, r), ns), [objects, ns]);
  const exists = namespaces.includes(ns);
  const options = exists ? namespaces : [...namespaces, ns].sort();
  return (
    <section className="ko-views ko-cleanup" aria-label={t('cleanup.label')} data-testid="cleanup-view" data-namespace={ns}>
      <div className="ko-cleanup-bar">
        <label htmlFor={selectId}>{t('cleanup.namespace')}</label>
        <select id={selectId} value={ns} onChange={(e) => setChosen(e.target.value)} data-testid="cleanup-namespace">
          {options.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <code className="ko-cleanup-command">{t('cleanup.command', { ns })}</code>
      </div>
      <p className="ko-cleanup-legend">{t('cleanup.legend')}</p>
      <div className="ko-cleanup-scroll">
        {!exists ? (
          <p className="ko-cleanup-empty" data-testid="cleanup-gone">
            {t('cleanup.gone', { ns })}
          </p>
        ) : (
          <ol className="ko-cleanup-levels">
            {CLEANUP_LEVELS.map((level) => {
              const items = plan.items.filter((i) => i.level === level);
              if (!items.length) return null;
              return (
                <li key={level} className="ko-cleanup-level" data-level={level}>
                  <h3>{t(`cleanup.level.${level}`)}</h3>
                  <ul>
                    {items.map((item) => (
                      <Item key={`${item.ref.resource}/${item.ref.namespace ?? ''}/${item.ref.name}`} item={item} t={tr} />
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
        )}
        {exists && !plan.items.some((i) => i.level !== 'namespace') && <p className="ko-cleanup-empty">{t('cleanup.empty', { ns })}</p>}
      </div>
    </section>
  );
}
