import { useTranslation } from 'react-i18next';
import { CURRICULUM } from '../../lessons/curriculum';
import { lessonById } from '../../lessons/index';
import type { Lang } from '../../lessons/types';
import { pick } from './snapshot';

interface Props {
  lang: Lang;
  completed: Record<string, string[]>;
  onOpen(lessonId: string): void;
}

/** Every lesson of the course; the written ones open, the rest say when they are coming. */
export function LessonPicker({ lang, completed, onOpen }: Props) {
  const { t } = useTranslation('lesson');
  return (
    <nav className="lesson-picker" aria-label={t('lesson.picker')}>
      <h2>{t('lesson.picker')}</h2>
      <ol>
        {CURRICULUM.map((entry) => {
          const lesson = lessonById(entry.id);
          const title = pick(entry.title, lang);
          if (!lesson) {
            return (
              <li key={entry.id} className="lesson-picker-item is-soon" data-lesson={entry.id} aria-disabled="true">
                <span className="lesson-number">{entry.number}</span>
                <span className="lesson-title">{title}</span>
                <span className="lesson-soon">{t('lesson.comingSoon')}</span>
              </li>
            );
          }
          const done = completed[lesson.id]?.length ?? 0;
          const total = lesson.steps.length;
          return (
            <li key={entry.id} className="lesson-picker-item" data-lesson={entry.id}>
              <button type="button" onClick={() => onOpen(lesson.id)}>
                <span className="lesson-number">{entry.number}</span>
                <span className="lesson-title">{title}</span>
                <span className="lesson-progress">{t('lesson.progressOf', { done, total })}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
