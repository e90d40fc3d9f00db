import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { FieldError } from '../status';
import { labelValueErrors, qualifiedNameErrors, validateLabels } from './labels';

/**
 * apimachinery's ValidateLabelSelector: matchLabels as labels, each matchExpression's key a
 * qualified name, In/NotIn with values, Exists/DoesNotExist without, values valid label values.
 */
export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs: FieldError[] = [...validateLabels(sel.matchLabels as Record<string, string> | undefined, `${path}.matchLabels`)];
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (!values.length) errs.push({ type: 'Required', field: `${p}.values`, detail: "must be specified when `operator` is 'In' or 'NotIn'" });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length) errs.push({ type: 'Forbidden', field: `${p}.values`, detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
        break;
      default:
        errs.push({ type: 'Invalid', field: `${p}.operator`, value: e.operator, detail: 'not a valid selector operator' });
    }
    for (const d of qualifiedNameErrors(e.key ?? '')) errs.push({ type: 'Invalid', field: `${p}.key`, value: e.key ?? '', detail: d });
    values.forEach((v, j) => {
      for (const d of labelValueErrors(v)) errs.push({ type: 'Invalid', field: `${p}.values[${j}]`, value: v, detail: d });
    });
  });
  return errs;
}
