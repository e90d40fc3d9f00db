import { useTranslation } from 'react-i18next';
import type { Translate } from '../cluster/drawNodes';
import { ServicesRenderer } from './renderer';
import { useMirrorRenderer } from '../useMirrorRenderer';
import type { RendererOptions } from '../svgRenderer';
import { TrafficPanel } from '../traffic/TrafficPanel';
import '../views.css';
import '../owners/owners.css';
import './services.css';

const create = (host: HTMLElement, opts: RendererOptions) => new ServicesRenderer(host, opts);

/**
 * Service routing: per namespace each Service, its selector, and the pods it sends to (ready
 * endpoints, not-ready ones, and pods nothing selects), plus the last traced request.
 */
export function ServicesView() {
  const { t, i18n } = useTranslation('views');
  const hostRef = useMirrorRenderer(create, t as Translate, i18n.language);
  return (
    <section className="ko-views ko-services" aria-label={t('services.label')} data-testid="services-view">
      <TrafficPanel />
      <div className="ko-services-scroll" ref={hostRef} />
    </section>
  );
}
