import type { Lesson } from './types';
import { namespacesLesson } from './content/02-namespaces';
import { podsLesson } from './content/03-pods';

/** Lessons written so far, in curriculum order. */
export const LESSONS: readonly Lesson[] = [namespacesLesson, podsLesson];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
