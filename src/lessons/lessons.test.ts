import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { applyManifest } from '../sim/kubectl/index';
import { LESSONS, lessonById } from './index';
import { CURRICULUM } from './curriculum';
import { playSolution } from './play';
import { snapshotOf } from './snapshot';
import type { Lesson, LastResult, LessonStep } from './types';

const LANGS = ['ko', 'en'] as const;

function wordCount(text: string): number {
  // Korean is counted in 어절 (whitespace-separated units), English in words: the same split.
  return text.split(/\s+/).filter(Boolean).length;
}

function scenario(lesson: Lesson) {
  const cluster = createCluster(lesson.scenario.cluster);
  for (const m of lesson.scenario.manifests) {
    const r = applyManifest(cluster, m.yaml, m.file, { atomic: true });
    expect(r.exitCode, `${lesson.id} scenario ${m.file}: ${r.stderr}`).toBe(0);
  }
  return cluster;
}

function goalsMet(step: LessonStep, snap: ReturnType<typeof snapshotOf>): string[] {
  return step.goals.filter((g) => !g.check(snap)).map((g) => g.id);
}

describe('lesson catalogue', () => {
  it('orders lessons by number and finds them by id', () => {
    const numbers = LESSONS.map((l) => l.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const l of LESSONS) {
      expect(lessonById(l.id)).toBe(l);
      expect(CURRICULUM.find((c) => c.number === l.number)?.id).toBe(l.id);
    }
    expect(lessonById('nope')).toBeUndefined();
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('is shaped as LESSONS.md asks', () => {
    expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
    expect(lesson.steps.length).toBeLessThanOrEqual(7);
    const ids = new Set(lesson.steps.map((s) => s.id));
    expect(ids.size).toBe(lesson.steps.length);
    for (const lang of LANGS) {
      expect(lesson.title[lang].trim()).not.toBe('');
      expect(lesson.summary[lang].trim()).not.toBe('');
      expect(lesson.recap[lang].trim()).not.toBe('');
      expect(lesson.challenge[lang].trim()).not.toBe('');
    }
    let predictions = 0;
    let breaks = 0;
    for (const step of lesson.steps) {
      const where = `${lesson.id}/${step.id}`;
      for (const lang of LANGS) {
        for (const text of [step.title, step.body, step.hint, step.explain]) expect(text[lang].trim(), where).not.toBe('');
        expect(wordCount(step.body[lang]), `${where} body (${lang})`).toBeLessThanOrEqual(120);
        for (const g of step.goals) expect(g.text[lang].trim(), where).not.toBe('');
        if (step.prediction) {
          expect(step.prediction.question[lang].trim()).not.toBe('');
          expect(step.prediction.explain[lang].trim()).not.toBe('');
          for (const c of step.prediction.choices) expect(c[lang].trim()).not.toBe('');
        }
      }
      // One action per step: a file to apply or a kubectl line, never both.
      expect(!!step.editor !== !!step.command, `${where}: exactly one of editor/command`).toBe(true);
      // A kubectl line, or one of the Kube Orchestra commands (visibly not kubectl: curl from the
      // learner's machine, port-forward list/stop, cluster settings, a machine's shell over ssh).
      if (step.command) expect(/^(kubectl|curl|port-forward|cluster|machine|ssh) /.test(step.command), where).toBe(true);
      expect(step.goals.length, where).toBeGreaterThan(0);
      expect(step.solution.length, where).toBeGreaterThan(0);
      if (step.prediction) {
        predictions++;
        expect(step.prediction.answer).toBeGreaterThanOrEqual(0);
        expect(step.prediction.answer).toBeLessThan(step.prediction.choices.length);
      }
      if (step.solution.some((s) => (s.kind === 'apply' || s.kind === 'kubectl') && s.expectError)) breaks++;
      if (step.prediction) expect(step.prediction.choices.length).toBeGreaterThanOrEqual(2);
    }
    expect(predictions, 'at least one prediction').toBeGreaterThan(0);
    expect(breaks, 'breaks something on purpose at least once').toBeGreaterThan(0);
  });

  it('reference solution meets every goal, step by step', () => {
    const cluster = scenario(lesson);
    let last: LastResult | undefined;
    for (const step of lesson.steps) {
      const where = `${lesson.id}/${step.id}`;
      const before = goalsMet(step, snapshotOf(cluster, last));
      expect(before.length, `${where}: goals already met before the solution`).toBeGreaterThan(0);
      const outcome = playSolution(cluster, step.solution, last);
      expect(outcome.problems, where).toEqual([]);
      last = outcome.lastResult;
      expect(goalsMet(step, snapshotOf(cluster, last)), `${where}: unmet goals`).toEqual([]);
    }
  });

  it('plays the same way twice (deterministic)', () => {
    const run = () => {
      const cluster = scenario(lesson);
      for (const step of lesson.steps) playSolution(cluster, step.solution);
      return JSON.stringify(cluster.exportState().store);
    };
    expect(run()).toBe(run());
  });
});
