import { useTranslation } from 'react-i18next';
import type { Translate } from './drawNodes';
import { ClusterRenderer } from './renderer';
import { NamespaceLegend } from './NamespaceLegend';
import { useMirrorRenderer } from '../useMirrorRenderer';
import type { RendererOptions } from '../svgRenderer';
import '../views.css';

const create = (host: HTMLElement, opts: RendererOptions) => new ClusterRenderer(host, opts);

/**
 * The cluster at a glance: nodes with their pods, the pending lane above them, and the
 * namespace legend. Fills its container; the SVG scrolls vertically when the cluster is tall.
 */
export function ClusterView() {
  const { t, i18n } = useTranslation('views');
  const hostRef = useMirrorRenderer(create, t as Translate, i18n.language);
  return (
    <section className="ko-views ko-cluster" aria-label={t('cluster.label')} data-testid="cluster-view">
      <NamespaceLegend />
      <div className="ko-cluster-scroll" ref={hostRef} />
    </section>
  );
}
