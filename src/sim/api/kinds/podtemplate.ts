import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../objects';
import type { FieldError } from '../status';
import { GoLiteral } from '../status';
import { defaultPod } from './pod';
import { validatePod } from '../validation/pod';
import { validateLabels } from '../validation/labels';
import { matchesSelector } from '../../store/labels';

type Template = { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown };

/**
 * SetDefaults_PodSpec / Container on a workload's pod template. Admission plugins
 * (service account, default tolerations, priority) act on pods only, so what they add to a
 * pod is taken back off the template, as `kubectl get deploy -o yaml` shows it.
 */
export function defaultPodTemplate(template: PodTemplateSpec | undefined): void {
  if (!template) return;
  const t = template as Template;
  const spec = (t.spec ??= {}) as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  const admitted = ['tolerations', 'serviceAccountName', 'serviceAccount', 'priority', 'preemptionPolicy', 'enableServiceLinks'];
  for (const k of admitted) if (k in spec) kept[k] = spec[k];
  defaultPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: '' }, spec, status: {} });
  for (const k of admitted) {
    if (k in kept) spec[k] = kept[k];
    else delete spec[k];
  }
}

/** ValidatePodTemplateSpec: the pod rules, reported under the template's path. */
export function validatePodTemplate(template: PodTemplateSpec | undefined, path: string, restartPolicies: string[]): FieldError[] {
  if (!template) return [{ type: 'Required', field: path }];
  const errs: FieldError[] = [];
  const labels = template.metadata?.labels as Record<string, string> | undefined;
  errs.push(...validateLabels(labels, `${path}.metadata.labels`));
  for (const e of validatePod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: template.spec })) {
    errs.push({ ...e, field: e.field.replace(/^spec/, `${path}.spec`) });
  }
  const rp = template.spec?.restartPolicy;
  if (rp !== undefined && !restartPolicies.includes(rp))
    errs.push({ type: 'NotSupported', field: `${path}.spec.restartPolicy`, value: rp, supported: restartPolicies });
  return errs;
}

function goString(s: string): string {
  return JSON.stringify(s);
}

/** Go's %#v of a map[string]string: keys sorted. */
export function goMap(m: Record<string, string> | undefined): string {
  if (!m) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goString(k)}:${goString(m[k] as string)}`).join(', ')}}`;
}

/** Go's %#v of a *metav1.LabelSelector, as kube-apiserver prints it in an Invalid value. */
export function goLabelSelector(sel: LabelSelector): string {
  const exprs = sel.matchExpressions;
  const exprText = exprs
    ? `[]v1.LabelSelectorRequirement{${exprs
        .map((e) => `v1.LabelSelectorRequirement{Key:${goString(e.key)}, Operator:${goString(e.operator)}, Values:${e.values ? `[]string{${e.values.map(goString).join(', ')}}` : '[]string(nil)'}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `&v1.LabelSelector{MatchLabels:${goMap(sel.matchLabels as Record<string, string> | undefined)}, MatchExpressions:${exprText}}`;
}

function emptySelector(sel: LabelSelector): boolean {
  return !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
}

/**
 * What ValidateDeploymentSpec / ValidateReplicaSetSpec say about selector and template
 * labels: required, not empty, and the selector must select the template's labels.
 */
export function validateSelectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined): FieldError[] {
  if (!selector) return [{ type: 'Required', field: 'spec.selector' }];
  if (emptySelector(selector))
    return [{ type: 'Invalid', field: 'spec.selector', value: new GoLiteral(goLabelSelector(selector)), detail: 'empty selector is invalid for deployment' }];
  const labels = template?.metadata?.labels as Record<string, string> | undefined;
  if (template && !matchesSelector(selector, labels))
    return [{ type: 'Invalid', field: 'spec.template.metadata.labels', value: new GoLiteral(goMap(labels)), detail: '`selector` does not match template `labels`' }];
  return [];
}

/** apps/v1 made the selector immutable: changing it would orphan every pod it selected. */
export function validateSelectorUnchanged(obj: KubeObject, old: KubeObject): FieldError[] {
  const sel = (obj.spec as { selector?: LabelSelector } | undefined)?.selector;
  const prev = (old.spec as { selector?: LabelSelector } | undefined)?.selector;
  if (JSON.stringify(normalise(sel)) === JSON.stringify(normalise(prev))) return [];
  return [{ type: 'Invalid', field: 'spec.selector', value: new GoLiteral(sel ? goLabelSelector(sel) : '(*v1.LabelSelector)(nil)'), detail: 'field is immutable' }];
}

function normalise(sel: LabelSelector | undefined): unknown {
  if (!sel) return null;
  const ml = sel.matchLabels ?? {};
  return { ml: Object.keys(ml).sort().map((k) => [k, ml[k]]), me: sel.matchExpressions ?? [] };
}

export function validateNonNegative(value: number | undefined, field: string): FieldError[] {
  if (value === undefined || value >= 0) return [];
  return [{ type: 'Invalid', field, value, detail: 'must be greater than or equal to 0' }];
}
