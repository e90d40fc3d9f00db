import type { Lesson } from './types';
import { orchestrationLesson } from './content/01-orchestration';
import { namespacesLesson } from './content/02-namespaces';
import { podsLesson } from './content/03-pods';
import { controllersLesson } from './content/04-controllers';
import { deploymentsLesson } from './content/05-deployments';
import { jobsLesson } from './content/06-jobs';
import { statefulSetsLesson } from './content/07-statefulsets';
import { labelsLesson } from './content/08-labels';
import { servicesLesson } from './content/09-services';
import { portForwardLesson } from './content/10-port-forward';
import { networkingLesson } from './content/11-networking';
import { storageLesson } from './content/12-storage';
import { secretsLesson } from './content/13-secrets';
import { architectureLesson } from './content/14-architecture';
import { nodePrepLesson } from './content/15-node-prep';
import { cleanupLesson } from './content/16-cleanup';

/** Lessons written so far, in curriculum order. */
export const LESSONS: readonly Lesson[] = [orchestrationLesson, namespacesLesson, podsLesson, controllersLesson, deploymentsLesson, jobsLesson, statefulSetsLesson, labelsLesson, servicesLesson, portForwardLesson, networkingLesson, storageLesson, secretsLesson, architectureLesson, nodePrepLesson, cleanupLesson];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
