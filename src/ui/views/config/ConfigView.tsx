import { useTranslation } from 'react-i18next';
import type { Translate } from '../cluster/drawNodes';
import type { MirrorState } from '../../state/mirror';
import { useMirrorRenderer } from '../useMirrorRenderer';
import type { RendererOptions } from '../svgRenderer';
import { ColumnRenderer } from '../storage/columnRenderer';
import { buildConfigScene, CONFIG_RESOURCES } from './model';
import { RBAC_RESOURCES, secretReaders } from './readers';
import '../views.css';
import '../storage/storage.css';

// RBAC objects too: a new RoleBinding changes who may read a Secret.
const RESOURCES = [...Object.values(CONFIG_RESOURCES), ...Object.values(RBAC_RESOURCES)];

/** ConfigMap / Secret → env var, envFrom, volume file or image pull → the pods using it. */
export class ConfigRenderer extends ColumnRenderer {
  constructor(host: HTMLElement, opts: RendererOptions) {
    super(host, opts, 'ko-config-svg');
  }
  protected resources(): readonly string[] {
    return RESOURCES;
  }
  protected buildScene(state: MirrorState, t: Translate) {
    return buildConfigScene(state.objects, t, secretReaders(state.objects));
  }
}

const create = (host: HTMLElement, opts: RendererOptions) => new ConfigRenderer(host, opts);

/** Where each ConfigMap and Secret goes: how pods consume it, and references that are broken. */
export function ConfigView() {
  const { t, i18n } = useTranslation('views');
  const hostRef = useMirrorRenderer(create, t as Translate, i18n.language);
  return (
    <section className="ko-views ko-col-view ko-config" aria-label={t('config.label')} data-testid="config-view">
      <p className="ko-col-legend">{t('config.legend')}</p>
      <div className="ko-col-scroll" ref={hostRef} />
    </section>
  );
}
