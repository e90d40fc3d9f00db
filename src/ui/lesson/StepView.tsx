import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Lang, LessonStep } from '../../lessons/types';
import { bridgeState, lessonBridge } from './bridge';
import { Goals } from './Goals';
import { Markdown } from './markdown';
import { Prediction } from './Prediction';
import { pick } from './snapshot';

interface Props {
  step: LessonStep;
  index: number;
  total: number;
  lang: Lang;
  met: boolean[];
  /** Met now, or met once before: the "what just happened" note stays once earned. */
  done: boolean;
}

/** One step: the idea, the prediction, the one action, the goals, the hint and the why. */
export function StepView({ step, index, total, lang, met, done }: Props) {
  const { t } = useTranslation('lesson');
  const available = useStore(bridgeState, (s) => s.available);
  return (
    <article className="lesson-step" data-step={step.id} aria-labelledby={`lesson-step-${step.id}`}>
      <p className="lesson-step-count">{t('lesson.stepOf', { n: index + 1, total })}</p>
      <h3 id={`lesson-step-${step.id}`}>{pick(step.title, lang)}</h3>
      <Markdown className="lesson-body" source={pick(step.body, lang)} />
      {step.prediction && <Prediction key={step.id} prediction={step.prediction} lang={lang} />}
      <section className="lesson-action" aria-label={t('lesson.action')}>
        {step.editor && (
          <>
            <p className="lesson-file">{t('lesson.editorFile', { file: step.editor.file })}</p>
            <button
              type="button"
              className="lesson-primary"
              disabled={!available.loadEditor}
              title={available.loadEditor ? undefined : t('lesson.loadEditorUnavailable')}
              onClick={() => step.editor && lessonBridge.loadEditor(step.editor.file, step.editor.yaml)}
            >
              {t('lesson.loadEditor')}
            </button>
          </>
        )}
        {step.command && (
          <>
            <pre className="lesson-command">
              <code>{step.command}</code>
            </pre>
            <button
              type="button"
              className="lesson-primary"
              disabled={!available.fillConsole}
              title={available.fillConsole ? undefined : t('lesson.copyConsoleUnavailable')}
              onClick={() => step.command && lessonBridge.fillConsole(step.command)}
            >
              {t('lesson.copyConsole')}
            </button>
          </>
        )}
      </section>
      <Goals goals={step.goals} met={met} lang={lang} />
      <details className="lesson-hint">
        <summary>{t('lesson.hint')}</summary>
        <Markdown source={pick(step.hint, lang)} />
      </details>
      <div className="lesson-explain-slot" aria-live="polite">
        {done && (
          <section className="lesson-explain" aria-label={t('lesson.whatHappened')}>
            <h4>{t('lesson.whatHappened')}</h4>
            <Markdown source={pick(step.explain, lang)} />
          </section>
        )}
      </div>
    </article>
  );
}
