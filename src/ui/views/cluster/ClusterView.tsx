import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { mirror } from '../../state/mirror';
import { getSelection, selectObject, subscribeSelection } from '../../state/selection';
import { ClusterRenderer } from './renderer';
import { NamespaceLegend } from './NamespaceLegend';
import '../views.css';

/**
 * The cluster at a glance: nodes with their pods, the pending lane above them, and the
 * namespace legend. Fills its container; the SVG scrolls vertically when the cluster is tall.
 */
export function ClusterView() {
  const { t, i18n } = useTranslation('views');
  const hostRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<ClusterRenderer | null>(null);
  const optsRef = useRef({ t: t as (key: string, opts?: Record<string, unknown>) => string, lang: i18n.language, onSelect: selectObject });

  useEffect(() => {
    const opts = { t: t as (key: string, opts?: Record<string, unknown>) => string, lang: i18n.language, onSelect: selectObject };
    optsRef.current = opts;
    rendererRef.current?.setOptions(opts);
  }, [t, i18n.language]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const renderer = new ClusterRenderer(host, optsRef.current);
    rendererRef.current = renderer;
    renderer.resize(host.clientWidth || 800);
    renderer.update(mirror.getState());
    renderer.select(getSelection());

    // Deltas can arrive faster than frames when playing fast: draw at most once per frame.
    let frame = 0;
    const unsubscribeMirror = mirror.subscribe(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        renderer.update(mirror.getState());
      });
    });
    const unsubscribeSelection = subscribeSelection((sel) => renderer.select(sel));
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w) renderer.resize(w);
    });
    ro.observe(host);
    return () => {
      cancelAnimationFrame(frame);
      unsubscribeMirror();
      unsubscribeSelection();
      ro.disconnect();
      renderer.destroy();
      rendererRef.current = null;
    };
  }, []);

  return (
    <section className="ko-views ko-cluster" aria-label={t('cluster.label')} data-testid="cluster-view">
      <NamespaceLegend />
      <div className="ko-cluster-scroll" ref={hostRef} />
    </section>
  );
}
