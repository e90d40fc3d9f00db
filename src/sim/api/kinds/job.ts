import type { JobSpec } from 'kubernetes-types/batch/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { KindStrategy } from './strategy';
import type { FieldError } from '../status';
import { GoLiteral } from '../status';
import { matchesSelector } from '../../store/labels';
import { defaultPodTemplate, goLabelSelector, goMap, validateNonNegative, validatePodTemplate } from './podtemplate';

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';

type MJobSpec = Mutable<JobSpec>;

/**
 * The selector the Job strategy generates unless `manualSelector: true`: the Job's uid, and
 * the same uid plus the Job's name as labels on the template (both the batch.kubernetes.io
 * keys and the legacy unprefixed ones, as kube-apiserver still adds them).
 */
function generateSelector(obj: KubeObject, spec: MJobSpec): void {
  if (spec.manualSelector === true) return;
  const uid = obj.metadata.uid;
  if (!uid) return;
  const template = (spec.template ??= {} as PodTemplateSpec) as Mutable<PodTemplateSpec>;
  const meta = (template.metadata ??= {}) as { labels?: Record<string, string> };
  meta.labels = {
    ...meta.labels,
    [CONTROLLER_UID_LABEL]: uid,
    [JOB_NAME_LABEL]: obj.metadata.name,
    'controller-uid': uid,
    'job-name': obj.metadata.name,
  };
  spec.selector ??= { matchLabels: { [CONTROLLER_UID_LABEL]: uid } };
}

/** SetDefaults_Job plus the strategy's generated selector. */
export function defaultJob(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as MJobSpec;
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  if (!spec.podFailurePolicy) spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  if (spec.manualSelector !== true) generateSelector(obj, spec);
  // SetDefaults_Job: a Job without labels takes its template's (the generated ones included).
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels && !Object.keys(obj.metadata.labels ?? {}).length) obj.metadata.labels = { ...templateLabels };
  defaultPodTemplate(spec.template);
  obj.status ??= {};
}

export const JOB_RESTART_POLICIES = ['OnFailure', 'Never'];

/** ValidateJobSpec / validateJobPodTemplate as learners meet them. */
export function validateJobSpec(spec: JobSpec, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  const nonNeg = (v: number | undefined, f: string) => errs.push(...validateNonNegative(v, `${path}.${f}`));
  nonNeg(spec.parallelism, 'parallelism');
  nonNeg(spec.completions, 'completions');
  nonNeg(spec.backoffLimit, 'backoffLimit');
  nonNeg(spec.ttlSecondsAfterFinished, 'ttlSecondsAfterFinished');
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0)
    errs.push({ type: 'Invalid', field: `${path}.activeDeadlineSeconds`, value: spec.activeDeadlineSeconds, detail: 'must be greater than 0' });
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed')
    errs.push({ type: 'NotSupported', field: `${path}.completionMode`, value: mode, supported: ['NonIndexed', 'Indexed'] });
  if (mode === 'Indexed' && spec.completions === undefined)
    errs.push({ type: 'Required', field: `${path}.completions`, detail: 'when completion mode is Indexed' });
  errs.push(...validateJobSelector(spec.selector, spec.template, path));
  errs.push(...validatePodTemplate(spec.template, `${path}.template`, ['Always', 'OnFailure', 'Never']));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never')
    errs.push({ type: 'Required', field: `${path}.template.spec.restartPolicy`, detail: 'valid values: "OnFailure", "Never"' });
  return errs;
}

function validateJobSelector(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined, path: string): FieldError[] {
  if (!selector) return [{ type: 'Required', field: `${path}.selector` }];
  const labels = template?.metadata?.labels as Record<string, string> | undefined;
  if (template && !matchesSelector(selector, labels))
    return [{ type: 'Invalid', field: `${path}.template.metadata.labels`, value: new GoLiteral(goMap(labels)), detail: '`selector` does not match template `labels`' }];
  return [];
}

function validateJobUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as JobSpec;
  const prev = (old.spec ?? {}) as JobSpec;
  const errs = validateJobSpec(spec);
  if (JSON.stringify(spec.selector) !== JSON.stringify(prev.selector))
    errs.push({ type: 'Invalid', field: 'spec.selector', value: new GoLiteral(spec.selector ? goLabelSelector(spec.selector) : 'nil'), detail: 'field is immutable' });
  if (spec.completions !== prev.completions && spec.completionMode !== 'Indexed')
    errs.push({ type: 'Invalid', field: 'spec.completions', value: spec.completions ?? null, detail: 'field is immutable' });
  if (spec.completionMode !== prev.completionMode)
    errs.push({ type: 'Invalid', field: 'spec.completionMode', value: spec.completionMode ?? null, detail: 'field is immutable' });
  return errs;
}

export const jobStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    obj.status = {};
  },
  defaults: (obj) => defaultJob(obj),
  validate: (obj) => validateJobSpec((obj.spec ?? {}) as JobSpec),
  validateUpdate: (obj, old) => validateJobUpdate(obj, old),
  hasStatusSubresource: true,
};
