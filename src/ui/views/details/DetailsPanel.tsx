import { useEffect, useId, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../sim/objects';
import { useMirror } from '../../state/useMirror';
import { selectObject, useSelection } from '../../state/selection';
import { request } from '../../state/simClient';
import { namespaceColor } from '../model/nsColor';
import { eventsFor, findObject, ownerPath, whyChain } from './model';
import { objectStatus } from './status';
import { WhyTimeline } from './WhyTimeline';
import { YamlView } from './YamlView';
import { EventsTable } from './EventsTable';
import { SchedulingTab, type FetchScheduling, type SchedulingResultLike } from './SchedulingTab';
import { NodeNetworkTab } from './NodeNetworkTab';
import { ServiceEndpoints } from './ServiceEndpoints';
import { SecretData } from './SecretData';
import '../views.css';

type Tab = 'why' | 'yaml' | 'events' | 'scheduling' | 'network';

/** Asks the worker for the scheduler's table; `null` until the worker has one for this pod. */
export const fetchSchedulingFromWorker: FetchScheduling = async (podKey) => {
  const reply = await request({ type: 'schedulingResult', podKey });
  if (reply.type !== 'schedulingResult' || !reply.result || typeof reply.result !== 'object') return null;
  const r = reply.result as SchedulingResultLike;
  return Array.isArray(r.nodes) ? r : null;
};

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.monaco-editor') !== null;
}

export interface DetailsPanelProps {
  /** Where the Scheduling tab gets the filter/score table; defaults to the worker. */
  fetchScheduling?: FetchScheduling;
}

/** The selected object: header, then Why / YAML / Events (/ Scheduling for pods). */
export function DetailsPanel({ fetchScheduling = fetchSchedulingFromWorker }: DetailsPanelProps) {
  const { t } = useTranslation('views');
  const selection = useSelection();
  const objects = useMirror((s) => s.objects);
  const records = useMirror((s) => s.records);
  const tick = useMirror((s) => s.tick);
  const [tab, setTab] = useState<Tab>('why');
  const baseId = useId();

  useEffect(() => {
    if (!selection) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || isTextEntry(e.target)) return;
      selectObject(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selection]);

  const obj: KubeObject | undefined = useMemo(() => (selection ? findObject(objects, selection) : undefined), [objects, selection]);
  const steps = useMemo(() => {
    if (!selection) return [];
    const subject: KubeObject = obj ?? { apiVersion: '', kind: selection.kind, metadata: { name: selection.name, ...(selection.namespace ? { namespace: selection.namespace } : {}) } };
    return whyChain(objects, records, subject);
  }, [objects, records, obj, selection]);
  const owners = useMemo(() => (obj ? ownerPath(objects, obj) : []), [objects, obj]);
  const events = useMemo(() => (obj ? eventsFor(objects, obj) : []), [objects, obj]);

  if (!selection) {
    return (
      <aside className="ko-views ko-details ko-details-empty" aria-label={t('details.label')} data-testid="details-panel">
        <p className="ko-hint">{t('details.empty')}</p>
      </aside>
    );
  }

  const isPod = selection.kind === 'Pod';
  const tabs: Tab[] = obj ? (isPod ? ['why', 'scheduling', 'events', 'yaml'] : selection.kind === 'Node' ? ['why', 'network', 'events', 'yaml'] : ['why', 'events', 'yaml']) : ['why'];
  const current: Tab = tabs.includes(tab) ? tab : 'why';
  const status = obj ? objectStatus(obj) : { text: t('details.deleted'), category: 'terminating' as const };

  return (
    <aside
      className="ko-views ko-details"
      aria-label={t('details.label')}
      data-testid="details-panel"
      // Not data-kind/data-name: those address the drawn objects themselves in e2e tests.
      data-selected-kind={selection.kind}
      data-selected-name={selection.name}
      data-selected-namespace={selection.namespace ?? ''}
    >
      <header className="ko-details-header">
        <div className="ko-details-title">
          <span className="ko-kind">{selection.kind}</span>
          <h2 className="ko-details-name">{selection.name}</h2>
          <button type="button" className="ko-close" onClick={() => selectObject(null)} aria-label={t('details.close')} title={t('details.closeTitle')}>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <path d="M3 3l8 8M11 3l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        </div>
        <div className="ko-details-meta">
          {selection.namespace && (
            <button
              type="button"
              className="ko-ns-tag"
              style={{ '--ns-color': namespaceColor(selection.namespace) } as CSSProperties}
              onClick={() => selectObject({ kind: 'Namespace', name: selection.namespace as string })}
              title={t('details.openNamespace')}
            >
              <span className="ko-ns-swatch" aria-hidden="true" />
              {selection.namespace}
            </button>
          )}
          {status && (
            <span className={`ko-status ko-ph-${status.category}`} data-status={status.text}>
              <svg width="14" height="14" aria-hidden="true">
                <use href={`#ko-icon-${status.category}`} width="14" height="14" />
              </svg>
              {status.text}
            </span>
          )}
        </div>
      </header>
      <div className="ko-tabs" role="tablist" aria-label={t('details.sections')}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`${baseId}-tab-${id}`}
            aria-selected={current === id}
            aria-controls={`${baseId}-panel-${id}`}
            tabIndex={current === id ? 0 : -1}
            className="ko-tab"
            data-tab={id}
            onClick={() => setTab(id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = tabs[(tabs.indexOf(current) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length] as Tab;
              setTab(next);
              document.getElementById(`${baseId}-tab-${next}`)?.focus();
            }}
          >
            {t(`tabs.${id}`)}
            {id === 'events' && events.length > 0 && <span className="ko-count">{events.length}</span>}
          </button>
        ))}
      </div>
      <div className="ko-tabpanel" role="tabpanel" id={`${baseId}-panel-${current}`} aria-labelledby={`${baseId}-tab-${current}`}>
        {!obj && <p className="ko-hint">{t('details.gone')}</p>}
        {current === 'why' && obj?.kind === 'Service' && <ServiceEndpoints service={obj} objects={objects} />}
        {current === 'why' && obj?.kind === 'Secret' && <SecretData secret={obj} />}
        {current === 'why' && <WhyTimeline steps={steps} owners={owners} self={selection} />}
        {current === 'yaml' && obj && <YamlView object={obj} />}
        {current === 'events' && obj && <EventsTable events={events} tick={tick} />}
        {current === 'scheduling' && obj && <SchedulingTab pod={obj} fetchScheduling={fetchScheduling} />}
        {current === 'network' && obj && <NodeNetworkTab node={obj} />}
      </div>
    </aside>
  );
}
