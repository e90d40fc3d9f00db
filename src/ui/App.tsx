import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ui, useUi } from './state/ui';
import { TopBar } from './shell/TopBar';
import { Panel } from './shell/Panel';
import { Handle } from './shell/Handle';
import { GraphArea, DetailsPanel } from './views';
import { LessonPanel } from './lesson';
import { useSelection } from './state/selection';
import { EditorPane } from './editor/EditorPane';
import { ConsolePane } from './console/ConsolePane';
import { ReconcileLog } from './log/ReconcileLog';
import './styles/theme.css';
import './styles/layout.css';

const COLLAPSED_PX = 40;

/** lesson | graph (hero) over the reconcile log | editor over console. */
export function App() {
  const { t } = useTranslation('shell');
  const collapsed = useUi((s) => s.collapsed);
  const sizes = useUi((s) => s.sizes);
  const selection = useSelection();
  const { toggleCollapsed, setSize } = ui.getState();

  const style = {
    '--lesson-w': `${collapsed.lesson ? COLLAPSED_PX : sizes.lesson}px`,
    '--side-w': `${collapsed.side ? COLLAPSED_PX : sizes.side}px`,
    '--log-h': `${sizes.log}px`,
  } as CSSProperties;

  return (
    <div className="app">
      <TopBar />
      <main className="workspace" style={style} data-lesson-collapsed={collapsed.lesson} data-side-collapsed={collapsed.side}>
        <Panel id="lesson" title={t('panels.lesson')} collapsed={collapsed.lesson} side="left" onToggle={() => toggleCollapsed('lesson')}>
          <LessonPanel />
        </Panel>
        {collapsed.lesson ? (
          <div className="handle-spacer" />
        ) : (
          <Handle orientation="vertical" label={t('panels.resize', { name: t('panels.lesson') })} value={sizes.lesson} min={220} max={560} direction={1} onChange={(px) => setSize('lesson', px)} />
        )}
        <div className="centre" data-log-collapsed={collapsed.log}>
          <section className="graph-area" aria-label={t('panels.cluster')}>
            <div className="graph-host">
              <GraphArea />
            </div>
            {selection && (
              <div className="details-host">
                <DetailsPanel />
              </div>
            )}
          </section>
          <Handle orientation="horizontal" label={t('panels.resize', { name: t('panels.log') })} value={sizes.log} min={80} max={480} direction={-1} onChange={(px) => setSize('log', px)} />
          <ReconcileLog />
        </div>
        {collapsed.side ? (
          <div className="handle-spacer" />
        ) : (
          <Handle orientation="vertical" label={t('panels.resize', { name: t('panels.editor') })} value={sizes.side} min={300} max={800} direction={-1} onChange={(px) => setSize('side', px)} />
        )}
        <div className="side">
          {collapsed.side ? (
            <Panel id="side" title={`${t('panels.editor')} · ${t('panels.console')}`} collapsed side="right" onToggle={() => toggleCollapsed('side')}>
              {null}
            </Panel>
          ) : (
            <>
              <EditorPane onCollapse={() => toggleCollapsed('side')} />
              <ConsolePane />
            </>
          )}
        </div>
      </main>
    </div>
  );
}
