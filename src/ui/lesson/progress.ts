import { createStore } from 'zustand/vanilla';
import { get, set } from 'idb-keyval';

/** What survives a reload: where the learner is and which steps they have completed. */
export interface LessonProgress {
  /** The open lesson, or null for the picker. */
  current: string | null;
  /** Per lesson: the step index last shown (the recap is `steps.length`). */
  stepIndex: Record<string, number>;
  /** Per lesson: ids of steps whose goals have been met at least once. */
  completed: Record<string, string[]>;
}

export const PROGRESS_KEY = 'kube-orchestra.lesson-progress';

export function emptyProgress(): LessonProgress {
  return { current: null, stepIndex: {}, completed: {} };
}

/** Accepts only the shape we wrote; anything else (an old format, a corrupt entry) starts fresh. */
export function sanitizeProgress(raw: unknown): LessonProgress {
  const out = emptyProgress();
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Partial<Record<keyof LessonProgress, unknown>>;
  if (typeof r.current === 'string') out.current = r.current;
  if (r.stepIndex && typeof r.stepIndex === 'object') {
    for (const [k, v] of Object.entries(r.stepIndex)) if (Number.isInteger(v) && (v as number) >= 0) out.stepIndex[k] = v as number;
  }
  if (r.completed && typeof r.completed === 'object') {
    for (const [k, v] of Object.entries(r.completed)) if (Array.isArray(v)) out.completed[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

interface ProgressState extends LessonProgress {
  /** False until the stored progress has been read, so nothing overwrites it early. */
  loaded: boolean;
  open(lessonId: string | null): void;
  goTo(lessonId: string, index: number): void;
  complete(lessonId: string, stepId: string): void;
  resetLesson(lessonId: string): void;
}

/** A persistence backend: idb-keyval in the browser, a Map in tests. */
export interface ProgressStorage {
  load(): Promise<unknown>;
  save(p: LessonProgress): Promise<void>;
}

export const idbStorage: ProgressStorage = {
  load: () => (typeof indexedDB === 'undefined' ? Promise.resolve(undefined) : get(PROGRESS_KEY)),
  save: (p) => (typeof indexedDB === 'undefined' ? Promise.resolve() : set(PROGRESS_KEY, p)),
};

export function createProgressStore(storage: ProgressStorage = idbStorage) {
  const store = createStore<ProgressState>((setState, getState) => {
    const persist = () => {
      const { current, stepIndex, completed, loaded } = getState();
      if (loaded) void storage.save({ current, stepIndex, completed }).catch(() => undefined);
    };
    return {
      ...emptyProgress(),
      loaded: false,
      open(lessonId) {
        setState({ current: lessonId });
        persist();
      },
      goTo(lessonId, index) {
        setState((s) => ({ stepIndex: { ...s.stepIndex, [lessonId]: index } }));
        persist();
      },
      complete(lessonId, stepId) {
        const done = getState().completed[lessonId] ?? [];
        if (done.includes(stepId)) return;
        setState((s) => ({ completed: { ...s.completed, [lessonId]: [...done, stepId] } }));
        persist();
      },
      resetLesson(lessonId) {
        setState((s) => ({ stepIndex: { ...s.stepIndex, [lessonId]: 0 }, completed: { ...s.completed, [lessonId]: [] } }));
        persist();
      },
    };
  });
  const ready = storage
    .load()
    .catch(() => undefined)
    .then((raw) => {
      // Anything the learner did before the read finished wins over what was stored.
      const stored = sanitizeProgress(raw);
      const s = store.getState();
      store.setState({
        current: s.current ?? stored.current,
        stepIndex: { ...stored.stepIndex, ...s.stepIndex },
        completed: { ...stored.completed, ...s.completed },
        loaded: true,
      });
    });
  return { store, ready };
}

export const lessonProgress = createProgressStore();
