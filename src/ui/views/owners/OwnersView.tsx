import { useTranslation } from 'react-i18next';
import type { Translate } from '../cluster/drawNodes';
import { OwnersRenderer } from './renderer';
import { useMirrorRenderer } from '../useMirrorRenderer';
import type { RendererOptions } from '../svgRenderer';
import '../views.css';
import './owners.css';

const create = (host: HTMLElement, opts: RendererOptions) => new OwnersRenderer(host, opts);

/**
 * Who owns whom: per namespace, workloads → ReplicaSets / Jobs → Pods, with the owner
 * links drawn solid. Fed from the mirror like the cluster view; D3 draws, React mounts.
 */
export function OwnersView() {
  const { t, i18n } = useTranslation('views');
  const hostRef = useMirrorRenderer(create, t as Translate, i18n.language);
  return (
    <section className="ko-views ko-owners" aria-label={t('owners.label')} data-testid="owners-view">
      <div className="ko-owners-scroll" ref={hostRef} />
    </section>
  );
}
