import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { lessonById } from '../../lessons/index';
import type { Lang, Lesson } from '../../lessons/types';
import { useMirror } from '../state/useMirror';
import { bridgeState, lessonBridge } from './bridge';
import { LessonPicker } from './LessonPicker';
import { Markdown } from './markdown';
import { lessonProgress } from './progress';
import { langOf, pick, snapshotFromMirror } from './snapshot';
import { StepView } from './StepView';
import './lesson.css';

/**
 * The lesson panel: pick a lesson, follow its steps, and see each goal checked live against
 * the cluster mirror. It talks to the editor, console and worker only through `lessonBridge`.
 */
export function LessonPanel() {
  const { t, i18n } = useTranslation('lesson');
  const lang = langOf(i18n.language);
  const progress = useStore(lessonProgress.store);
  const lesson = progress.current ? lessonById(progress.current) : undefined;

  const open = (id: string) => {
    const l = lessonById(id);
    if (!l) return;
    progress.open(id);
    // Starting a lesson from the picker starts it from its scenario; a reload does not.
    lessonBridge.resetCluster(l.scenario);
  };

  return (
    <div className="lesson-panel" data-testid="lesson-panel" lang={lang}>
      {lesson ? (
        <LessonView key={lesson.id} lesson={lesson} lang={lang} onClose={() => progress.open(null)} />
      ) : (
        <LessonPicker lang={lang} completed={progress.completed} onOpen={open} />
      )}
      <span className="visually-hidden">{t('lesson.panel')}</span>
    </div>
  );
}

function LessonView({ lesson, lang, onClose }: { lesson: Lesson; lang: Lang; onClose(): void }) {
  const { t } = useTranslation('lesson');
  const progress = useStore(lessonProgress.store);
  const total = lesson.steps.length;
  const index = Math.min(progress.stepIndex[lesson.id] ?? 0, total);
  const step = index < total ? lesson.steps[index] : undefined;
  const completed = progress.completed[lesson.id] ?? [];

  const tick = useMirror((s) => s.tick);
  const objects = useMirror((s) => s.objects);
  const settings = useMirror((s) => s.settings);
  const lastResult = useStore(bridgeState, (s) => s.lastResult);
  const met = useMemo(() => {
    if (!step) return [];
    const snap = snapshotFromMirror(tick, objects, lastResult, settings);
    return step.goals.map((g) => {
      try {
        return g.check(snap);
      } catch {
        return false;
      }
    });
  }, [step, tick, objects, lastResult, settings]);
  const allMet = met.length > 0 && met.every(Boolean);
  const { complete } = progress;

  useEffect(() => {
    if (step && allMet) complete(lesson.id, step.id);
  }, [allMet, step, lesson.id, complete]);

  const go = (i: number) => progress.goTo(lesson.id, Math.max(0, Math.min(total, i)));
  const reset = () => {
    progress.resetLesson(lesson.id);
    lessonBridge.resetCluster(lesson.scenario);
  };

  return (
    <div className="lesson-view" data-lesson={lesson.id}>
      <header className="lesson-header">
        <button type="button" className="lesson-link" onClick={onClose}>
          ← {t('lesson.allLessons')}
        </button>
        <h2>
          <span className="lesson-number">{t('lesson.lessonNumber', { n: lesson.number })}</span> {pick(lesson.title, lang)}
        </h2>
        <p className="lesson-progress">{t('lesson.progressOf', { done: completed.length, total })}</p>
        <nav aria-label={t('lesson.steps')}>
          <ol className="lesson-steps">
            {lesson.steps.map((s, i) => {
              const isDone = completed.includes(s.id);
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    aria-current={i === index ? 'step' : undefined}
                    aria-label={`${t('lesson.goToStep', { n: i + 1, title: pick(s.title, lang) })} (${isDone ? t('lesson.goalMet') : t('lesson.goalOpen')})`}
                    className={isDone ? 'is-done' : undefined}
                    onClick={() => go(i)}
                  >
                    {isDone ? '✓' : i + 1}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
      </header>

      {step ? (
        <StepView key={step.id} step={step} index={index} total={total} lang={lang} met={met} done={allMet || completed.includes(step.id)} />
      ) : (
        <article className="lesson-recap" aria-labelledby="lesson-recap-title">
          <h3 id="lesson-recap-title">{t('lesson.recap')}</h3>
          <Markdown source={pick(lesson.recap, lang)} />
          <h3>{t('lesson.challenge')}</h3>
          <p className="lesson-note">{t('lesson.challengeNote')}</p>
          <Markdown source={pick(lesson.challenge, lang)} />
        </article>
      )}

      <footer className="lesson-nav">
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
          {t('lesson.back')}
        </button>
        <button type="button" className="lesson-secondary" onClick={reset} title={t('lesson.resetTitle')}>
          {t('lesson.reset')}
        </button>
        {step ? (
          <button type="button" className={allMet ? 'lesson-primary' : undefined} onClick={() => go(index + 1)}>
            {index === total - 1 ? t('lesson.finish') : t('lesson.next')}
          </button>
        ) : (
          <button type="button" onClick={() => go(total - 1)}>
            {t('lesson.backToSteps')}
          </button>
        )}
      </footer>
    </div>
  );
}
