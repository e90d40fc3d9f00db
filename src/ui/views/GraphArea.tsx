import { lazy, Suspense, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ClusterView } from './cluster/ClusterView';
import { TrafficNotice } from './traffic/TrafficNotice';
import './graphArea.css';

// Only the Nodes view is on the first paint's path; each other view (and the sim code it
// computes its picture with) loads when its tab is first chosen.
const OwnersView = lazy(() => import('./owners/OwnersView').then((m) => ({ default: m.OwnersView })));
const ServicesView = lazy(() => import('./services/ServicesView').then((m) => ({ default: m.ServicesView })));
const NetworkView = lazy(() => import('./network/NetworkView').then((m) => ({ default: m.NetworkView })));
const StorageView = lazy(() => import('./storage/StorageView').then((m) => ({ default: m.StorageView })));
const ConfigView = lazy(() => import('./config/ConfigView').then((m) => ({ default: m.ConfigView })));
const CleanupView = lazy(() => import('./cleanup/CleanupView').then((m) => ({ default: m.CleanupView })));
const ArchitectureView = lazy(() => import('./architecture/ArchitectureView').then((m) => ({ default: m.ArchitectureView })));

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
 * The graph's pictures of one cluster: where pods run (Nodes), who made them (Owners), how
 * traffic is routed (Services, Network), where data and configuration live (Storage, Config),
 * how the components talk (Architecture) and what to delete first (Cleanup). Only the chosen
 * view is mounted, so every drawn object is addressed once.
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
        <Suspense fallback={null}>
          {view === 'services' ? <ServicesView /> : view === 'nodes' ? <ClusterView /> : view === 'network' ? <NetworkView /> : view === 'storage' ? <StorageView /> : view === 'config' ? <ConfigView /> : view === 'cleanup' ? <CleanupView /> : view === 'architecture' ? <ArchitectureView /> : <OwnersView />}
        </Suspense>
      </div>
    </div>
  );
}
