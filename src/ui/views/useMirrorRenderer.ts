import { useEffect, useRef, type RefObject } from 'react';
import { mirror } from '../state/mirror';
import { getSelection, selectObject, subscribeSelection } from '../state/selection';
import type { Translate } from './cluster/drawNodes';
import type { MirrorSvgRenderer, RendererOptions } from './svgRenderer';

/**
 * Mounts a D3 renderer in the returned host element and feeds it: the mirror (at most one
 * draw per frame), the selection, the host's width, and the language. React only mounts.
 * `create` is read once, at mount.
 */
export function useMirrorRenderer(create: (host: HTMLElement, opts: RendererOptions) => MirrorSvgRenderer, t: Translate, lang: string): RefObject<HTMLDivElement | null> {
  const hostRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<MirrorSvgRenderer | null>(null);
  const optsRef = useRef<RendererOptions>({ t, lang, onSelect: selectObject });
  const createRef = useRef(create);

  useEffect(() => {
    const opts = { t, lang, onSelect: selectObject };
    optsRef.current = opts;
    rendererRef.current?.setOptions(opts);
  }, [t, lang]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const renderer = createRef.current(host, optsRef.current);
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

  return hostRef;
}
