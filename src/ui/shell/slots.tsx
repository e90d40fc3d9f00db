import { useTranslation } from 'react-i18next';

/*
 * Stand-ins for panels other modules provide (src/ui/views, src/ui/lesson), so the shell
 * builds and lays out before they land.
 */
export function ClusterPlaceholder() {
  const { t } = useTranslation('shell');
  return <div className="placeholder">{t('panels.placeholderCluster')}</div>;
}

export function LessonPlaceholder() {
  const { t } = useTranslation('shell');
  return <div className="placeholder">{t('panels.placeholderLesson')}</div>;
}
