import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ClusterView } from './cluster/ClusterView';
import { OwnersView } from './owners/OwnersView';
import { ServicesView } from './services/ServicesView';
import { TrafficNotice } from './traffic/TrafficNotice';
import { NetworkView } from './network/NetworkView';
import { StorageView } from './storage/StorageView';
import { ConfigView } from './config/ConfigView';
import { CleanupView } from './cleanup/CleanupView';
import { ArchitectureView } from './architecture/ArchitectureView';
import './graphArea.css';

type GraphView = 'nodes' | 'owners' | 'services' | 'network' | 'storage' | 'config' | 'architecture' | 'cleanup';
const VIEWS: readonly GraphView[] = ['nodes', 'owners', 'services', 'network', 'storage', 'config', 'architecture', 'cleanup'];
const STORAGE_KEY = 'kube-orchestra.graph-view';

function initialView(): GraphView {
  try {
    const v = sessionStorage.getItem(STORAGE_KEY);
    return VIEWS.find((x) => x === v) ?? 'nodes';
  } catch {
    return 'nodes';
  }
}

/**
 * The graph's two pictures of one cluster: where pods run (Nodes) and who made them
 * (Owners). Only the chosen view is mounted, so every drawn object is addressed once.
 */
export function GraphArea() {
  const { t } = useTranslation('views');
  const [view, setView] = useState<GraphView>(initialView);
  const baseId = useId();

  const choose = (v: GraphView) => {
    setView(v);
    try {
      sessionStorage.setItem(STORAGE_KEY, v);
    } catch {
      // Private mode without storage: the choice lasts until reload.
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = VIEWS.indexOf(view);
    const next = (e.key === 'Home' ? VIEWS[0] : e.key === 'End' ? VIEWS[VIEWS.length - 1] : VIEWS[(i + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]) as GraphView;
    choose(next);
    document.getElementById(`${baseId}-tab-${next}`)?.focus();
  };

  return (
    <div className="ko-graph-area">
      <div className="ko-graph-tabs" role="tablist" aria-label={t('graph.views')}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            id={`${baseId}-tab-${v}`}
            aria-selected={view === v}
            aria-controls={`${baseId}-panel`}
            tabIndex={view === v ? 0 : -1}
            title={t(`graph.${v}Title`)}
            className="ko-graph-tab"
            data-view={v}
            onClick={() => choose(v)}
            onKeyDown={onKeyDown}
          >
            {t(`graph.${v}`)}
          </button>
        ))}
        <TrafficNotice hidden={view === 'services'} onShow={() => choose('services')} />
      </div>
      <div className="ko-graph-panel" role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${view}`}>
        {view === 'services' ? <ServicesView /> : view === 'nodes' ? <ClusterView /> : view === 'network' ? <NetworkView /> : view === 'storage' ? <StorageView /> : view === 'config' ? <ConfigView /> : view === 'cleanup' ? <CleanupView /> : view === 'architecture' ? <ArchitectureView /> : <OwnersView />}
      </div>
    </div>
  );
}
