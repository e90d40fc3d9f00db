import type { CronJobSpec, JobSpec } from 'kubernetes-types/batch/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { KindStrategy } from './strategy';
import type { FieldError } from '../status';
import { defaultPodTemplate, validateNonNegative, validatePodTemplate } from './podtemplate';
import { parseSchedule, validTimeZone } from '../../controllers/cronjob/schedule';

/** SetDefaults_CronJob; the job template's pod template gets the pod defaults, the Job defaults wait for the Job. */
export function defaultCronJob(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Mutable<CronJobSpec>;
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  defaultPodTemplate(spec.jobTemplate?.spec?.template);
  obj.status ??= {};
}

/** CronJob names leave room for the 11-character `-<minutes>` suffix of their Jobs. */
const MAX_CRONJOB_NAME = 52;

export function validateCronJob(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as CronJobSpec;
  const errs: FieldError[] = [];
  const name = obj.metadata.name;
  if (name && name.length > MAX_CRONJOB_NAME)
    errs.push({ type: 'Invalid', field: 'metadata.name', value: name, detail: `must be no more than ${MAX_CRONJOB_NAME} characters` });
  if (!spec.schedule) errs.push({ type: 'Required', field: 'spec.schedule' });
  else if (/^\s*(CRON_TZ|TZ)=/.test(spec.schedule))
    errs.push({ type: 'Invalid', field: 'spec.schedule', value: spec.schedule, detail: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead' });
  else {
    const parsed = parseSchedule(spec.schedule);
    if (!parsed.ok) errs.push({ type: 'Invalid', field: 'spec.schedule', value: spec.schedule, detail: parsed.error });
  }
  if (spec.timeZone !== undefined && spec.timeZone !== null && !validTimeZone(spec.timeZone))
    errs.push({ type: 'Invalid', field: 'spec.timeZone', value: spec.timeZone, detail: `unknown time zone ${spec.timeZone}` });
  const cp = spec.concurrencyPolicy;
  if (cp !== undefined && !['Allow', 'Forbid', 'Replace'].includes(cp))
    errs.push({ type: 'NotSupported', field: 'spec.concurrencyPolicy', value: cp, supported: ['Allow', 'Forbid', 'Replace'] });
  errs.push(...validateNonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errs.push(...validateNonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  errs.push(...validateJobTemplate(spec.jobTemplate?.spec));
  return errs;
}

/** ValidateJobTemplateSpec: the Job's rules minus the selector, which each Job generates. */
function validateJobTemplate(spec: JobSpec | undefined): FieldError[] {
  const path = 'spec.jobTemplate.spec';
  if (!spec) return [{ type: 'Required', field: path }];
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished'] as const)
    errs.push(...validateNonNegative(spec[f] ?? undefined, `${path}.${f}`));
  errs.push(...validatePodTemplate(spec.template, `${path}.template`, ['Always', 'OnFailure', 'Never']));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never')
    errs.push({ type: 'Required', field: `${path}.template.spec.restartPolicy`, detail: 'valid values: "OnFailure", "Never"' });
  return errs;
}

export const cronJobStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    obj.status = {};
  },
  defaults: (obj) => defaultCronJob(obj),
  validate: (obj) => validateCronJob(obj),
  hasStatusSubresource: true,
};
