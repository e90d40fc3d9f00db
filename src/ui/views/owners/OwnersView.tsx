import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { mirror } from '../../state/mirror';
import { getSelection, selectObject, subscribeSelection } from '../../state/selection';
import type { Translate } from '../cluster/drawNodes';
import { OwnersRenderer } from './renderer';
import '../views.css';
import './owners.css';

/**
 * Who owns whom: per namespace, workloads → ReplicaSets / Jobs → Pods, with the owner
 * links drawn solid. Fed from the mirror like the cluster view; D3 draws, React mounts.
 */
export function OwnersView() {
  const { t, i18n } = useTranslation('views');
  const hostRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<OwnersRenderer | null>(null);
  const optsRef = useRef({ t: t as Translate, lang: i18n.language, onSelect: selectObject });

  useEffect(() => {
    const opts = { t: t as Translate, lang: i18n.language, onSelect: selectObject };
    optsRef.current = opts;
    rendererRef.current?.setOptions(opts);
  }, [t, i18n.language]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const renderer = new OwnersRenderer(host, optsRef.current);
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
    <section className="ko-views ko-owners" aria-label={t('owners.label')} data-testid="owners-view">
      <div className="ko-owners-scroll" ref={hostRef} />
    </section>
  );
}
