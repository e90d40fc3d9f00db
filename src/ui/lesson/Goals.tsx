import { useTranslation } from 'react-i18next';
import type { Goal, Lang } from '../../lessons/types';
import { renderInline } from './markdown';
import { pick } from './snapshot';

/** The step's goals as a checklist: ✓ / ○ as text, not colour alone. */
export function Goals({ goals, met, lang }: { goals: Goal[]; met: boolean[]; lang: Lang }) {
  const { t } = useTranslation('lesson');
  return (
    <section className="lesson-goals" aria-label={t('lesson.goals')}>
      <h4>{t('lesson.goals')}</h4>
      <ul>
        {goals.map((g, i) => (
          <li key={g.id} className={met[i] ? 'is-met' : 'is-open'} data-goal={g.id} data-met={met[i] ? 'true' : 'false'}>
            <span className="lesson-goal-mark" aria-hidden="true">
              {met[i] ? '✓' : '○'}
            </span>
            <span className="visually-hidden">{met[i] ? t('lesson.goalMet') : t('lesson.goalOpen')}: </span>
            <span>{renderInline(pick(g.text, lang))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
