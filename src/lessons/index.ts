import type { Lesson } from './types';
import { orchestrationLesson } from './content/01-orchestration';
import { namespacesLesson } from './content/02-namespaces';
import { podsLesson } from './content/03-pods';
import { controllersLesson } from './content/04-controllers';
import { jobsLesson } from './content/06-jobs';
import { statefulSetsLesson } from './content/07-statefulsets';

/**
 * Lessons written so far, in curriculum order.
 * Lesson 5 (content/05-deployments.ts) waits for `kubectl rollout status|undo` before it joins the list.
 */
export const LESSONS: readonly Lesson[] = [orchestrationLesson, namespacesLesson, podsLesson, controllersLesson, jobsLesson, statefulSetsLesson];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
