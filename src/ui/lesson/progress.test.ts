import { describe, expect, it } from 'vitest';
import { createProgressStore, sanitizeProgress } from './progress';
import type { LessonProgress, ProgressStorage } from './progress';

function memoryStorage(initial?: unknown): ProgressStorage & { saved: LessonProgress[] } {
  const saved: LessonProgress[] = [];
  return {
    saved,
    load: async () => initial,
    save: async (p) => {
      saved.push(structuredClone(p));
    },
  };
}

describe('lesson progress', () => {
  it('restores what was stored and persists every change', async () => {
    const storage = memoryStorage({ current: 'pods', stepIndex: { pods: 2 }, completed: { pods: ['first-pod'] } });
    const { store, ready } = createProgressStore(storage);
    await ready;
    expect(store.getState()).toMatchObject({ current: 'pods', stepIndex: { pods: 2 }, completed: { pods: ['first-pod'] }, loaded: true });
    store.getState().complete('pods', 'watch-start');
    store.getState().complete('pods', 'watch-start');
    store.getState().goTo('pods', 3);
    expect(store.getState().completed.pods).toEqual(['first-pod', 'watch-start']);
    expect(storage.saved.at(-1)).toEqual({ current: 'pods', stepIndex: { pods: 3 }, completed: { pods: ['first-pod', 'watch-start'] } });
    store.getState().resetLesson('pods');
    expect(storage.saved.at(-1)).toMatchObject({ stepIndex: { pods: 0 }, completed: { pods: [] } });
  });

  it('keeps what the learner did before the stored progress was read', async () => {
    const storage = memoryStorage({ current: 'pods', stepIndex: { pods: 4 }, completed: { namespaces: ['list-namespaces'] } });
    const { store, ready } = createProgressStore(storage);
    store.getState().open('namespaces');
    expect(storage.saved).toEqual([]);
    await ready;
    expect(store.getState()).toMatchObject({ current: 'namespaces', stepIndex: { pods: 4 }, completed: { namespaces: ['list-namespaces'] } });
  });

  it('ignores a corrupt entry', () => {
    expect(sanitizeProgress('nonsense')).toEqual({ current: null, stepIndex: {}, completed: {} });
    expect(sanitizeProgress({ current: 7, stepIndex: { a: -1, b: 2 }, completed: { a: ['x', 3] } })).toEqual({
      current: null,
      stepIndex: { b: 2 },
      completed: { a: ['x'] },
    });
  });
});
