import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileRecord } from '../../sim/controllers/types';
import { recordText } from '../i18n';
import { useMirror } from '../state/useMirror';
import { selectObject } from '../state/selection';
import { ui, useUi } from '../state/ui';
import { Panel } from '../shell/Panel';
import './log.css';

/** Rendering thousands of rows costs more than anyone reads: show the latest. */
const SHOWN = 300;

function targetText(r: ReconcileRecord): string {
  const ns = r.target.namespace ? `${r.target.namespace}/` : '';
  return `${r.target.kind.toLowerCase()} ${ns}${r.target.name}`;
}

export function ReconcileLog() {
  const { t } = useTranslation('shell');
  const records = useMirror((s) => s.records);
  const collapsed = useUi((s) => s.collapsed.log);
  const listRef = useRef<HTMLOListElement>(null);
  const shown = records.slice(-SHOWN);

  useLayoutEffect(() => {
    const el = listRef.current?.parentElement;
    if (el) el.scrollTop = el.scrollHeight;
  }, [records, collapsed]);

  return (
    <Panel
      id="log"
      title={t('log.title')}
      side="bottom"
      collapsed={collapsed}
      onToggle={() => ui.getState().toggleCollapsed('log')}
      className="log-panel"
      actions={<span className="log-count">{t('log.count', { count: records.length })}</span>}
    >
      {shown.length === 0 ? (
        <p className="placeholder">{t('log.empty')}</p>
      ) : (
        <ol className="log-list" ref={listRef} aria-label={t('log.title')} data-testid="reconcile-log">
          {shown.map((r, i) => (
            <li key={records.length - shown.length + i} className="log-row" data-action={r.action} data-controller={r.controller}>
              <span className="log-tick">{t('log.tick', { tick: r.tick })}</span>
              <span className="log-sep" aria-hidden="true">
                ·
              </span>
              <span className="log-controller">{r.controller}</span>
              <span className="log-arrow" aria-hidden="true">
                →
              </span>
              <span className="log-action">
                {r.action}{' '}
                <button type="button" className="log-target" onClick={() => selectObject(r.target)}>
                  {targetText(r)}
                </button>
                :
              </span>
              <span className="log-reason">{recordText(t, r)}</span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
