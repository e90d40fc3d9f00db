import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, LessonStep } from '../../lessons/types';
import { renderInline } from './markdown';
import { pick } from './snapshot';

type PredictionData = NonNullable<LessonStep['prediction']>;

/** A question asked before a surprising tick: choose, then see why. */
export function Prediction({ prediction, lang }: { prediction: PredictionData; lang: Lang }) {
  const { t } = useTranslation('lesson');
  const [chosen, setChosen] = useState<number | null>(null);
  const correct = chosen === prediction.answer;
  return (
    <section className="lesson-prediction" aria-label={t('lesson.predict')}>
      <h4>{t('lesson.predict')}</h4>
      <p>{renderInline(pick(prediction.question, lang))}</p>
      <div className="lesson-choices" role="group" aria-label={t('lesson.predict')}>
        {prediction.choices.map((c, i) => (
          <button
            key={i}
            type="button"
            aria-pressed={chosen === i}
            className={chosen === i ? (correct ? 'is-correct' : 'is-wrong') : undefined}
            onClick={() => setChosen(i)}
          >
            {renderInline(pick(c, lang))}
          </button>
        ))}
      </div>
      {chosen !== null && (
        <p className="lesson-feedback" role="status">
          <strong>{correct ? `✓ ${t('lesson.correct')}` : `✗ ${t('lesson.notQuite')}`}</strong> {renderInline(pick(prediction.explain, lang))}
        </p>
      )}
    </section>
  );
}
