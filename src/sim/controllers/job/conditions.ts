import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1';

export type JobConditionType = 'Complete' | 'Failed' | 'SuccessCriteriaMet' | 'FailureTarget' | 'Suspended';

export const MSG_BACKOFF = 'Job has reached the specified backoff limit';
export const MSG_DEADLINE = 'Job was active longer than specified deadline';
export const MSG_COMPLETIONS = 'Reached expected number of succeeded pods';

export function hasCondition(status: JobStatus | undefined, type: JobConditionType): JobCondition | undefined {
  return status?.conditions?.find((c) => c.type === type && c.status === 'True');
}

/** Sets a condition, keeping lastTransitionTime when its status does not change. */
export function setCondition(
  conditions: JobCondition[],
  type: JobConditionType,
  status: 'True' | 'False',
  reason: string,
  message: string,
  now: string,
): JobCondition[] {
  const old = conditions.find((c) => c.type === type);
  if (old && old.status === status && old.reason === reason && old.message === message) return conditions;
  const next: JobCondition = {
    type,
    status,
    reason,
    message,
    lastProbeTime: now,
    lastTransitionTime: old && old.status === status ? (old.lastTransitionTime ?? now) : now,
  };
  return old ? conditions.map((c) => (c === old ? next : c)) : [...conditions, next];
}

/** The Job is done for good: Complete or Failed. */
export function isJobFinished(status: JobStatus | undefined): JobCondition | undefined {
  return hasCondition(status, 'Complete') ?? hasCondition(status, 'Failed');
}
