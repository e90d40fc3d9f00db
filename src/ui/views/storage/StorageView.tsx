import { useTranslation } from 'react-i18next';
import type { Translate } from '../cluster/drawNodes';
import type { MirrorState } from '../../state/mirror';
import { useMirrorRenderer } from '../useMirrorRenderer';
import type { RendererOptions } from '../svgRenderer';
import { ColumnRenderer } from './columnRenderer';
import { buildStorageScene, STORAGE_RESOURCES } from './model';
import '../views.css';
import './storage.css';

const RESOURCES = Object.values(STORAGE_RESOURCES);

/** StorageClass → PersistentVolume ⇄ PersistentVolumeClaim → Pod. */
export class StorageRenderer extends ColumnRenderer {
  constructor(host: HTMLElement, opts: RendererOptions) {
    super(host, opts, 'ko-storage-svg');
  }
  protected resources(): readonly string[] {
    return RESOURCES;
  }
  protected buildScene(state: MirrorState, t: Translate) {
    return buildStorageScene(state.objects, t);
  }
}

const create = (host: HTMLElement, opts: RendererOptions) => new StorageRenderer(host, opts);

/** Where a pod's data lives: classes, the volumes they provision, the claims bound to them, and the pods that mount them. */
export function StorageView() {
  const { t, i18n } = useTranslation('views');
  const hostRef = useMirrorRenderer(create, t as Translate, i18n.language);
  return (
    <section className="ko-views ko-col-view ko-storage" aria-label={t('storage.label')} data-testid="storage-view">
      <p className="ko-col-legend">{t('storage.legend')}</p>
      <div className="ko-col-scroll" ref={hostRef} />
    </section>
  );
}
