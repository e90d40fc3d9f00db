import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { FieldError } from '../status';
import { GoLiteral } from '../status';
import { matchesSelector } from '../../store/labels';
import { goLabelSelector, goMap, validatePodTemplate } from './podtemplate';

/**
 * ValidateStatefulSetSpec / ValidateDaemonSetSpec on selector and template: the selector is
 * required and not empty, it selects the template's labels, and the template is a valid pod
 * with restartPolicy Always. `extraVolumes` are volumes the controller adds to each pod it
 * creates (a StatefulSet's volumeClaimTemplates), so mounts of them are valid.
 */
export function validateSetSelectorAndTemplate(
  kind: 'statefulset' | 'daemonset',
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  extraVolumes: string[] = [],
): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) errs.push({ type: 'Required', field: 'spec.selector' });
  else if (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length)
    errs.push({ type: 'Invalid', field: 'spec.selector', value: new GoLiteral(goLabelSelector(selector)), detail: `empty selector is invalid for ${kind}` });
  else if (template && !matchesSelector(selector, template.metadata?.labels))
    errs.push({
      type: 'Invalid',
      field: 'spec.template.metadata.labels',
      value: new GoLiteral(goMap(template.metadata?.labels as Record<string, string> | undefined)),
      detail: '`selector` does not match template `labels`',
    });
  let withVolumes = template;
  if (template?.spec && extraVolumes.length) {
    const have = new Set((template.spec.volumes ?? []).map((v) => v.name));
    const added = extraVolumes.filter((n) => n && !have.has(n)).map((name) => ({ name, emptyDir: {} }));
    withVolumes = { ...template, spec: { ...template.spec, volumes: [...(template.spec.volumes ?? []), ...added] } };
  }
  errs.push(...validatePodTemplate(withVolumes, 'spec.template', ['Always']));
  return errs;
}

/** JSON with sorted keys, so field order does not count as a change. */
export function stableJSON(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}
