import type { LimitRangeItem } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import type { FieldError } from '../status';
import type { KindStrategy } from './strategy';
import type { LimitRangeObject } from '../admission/limitranger';
import { canonical, formatQty, toQty } from '../admission/quantities';
import { QUANTITY_REGEX_MSG } from '../../quantity';

type ItemMap = 'max' | 'min' | 'default' | 'defaultRequest' | 'maxLimitRequestRatio';
const MAPS: ItemMap[] = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'];

/** Quantities are stored canonically (`cpu: 0.5` reads back as `500m`), as the apiserver serializes them. */
function canonicalize(item: LimitRangeItem): void {
  for (const m of MAPS) {
    const list = item[m] as Record<string, unknown> | undefined;
    if (!list) continue;
    for (const [k, v] of Object.entries(list)) if (toQty(v)) list[k] = canonical(v);
  }
}

/**
 * SetDefaults_LimitRangeItem, for Container items: a missing default limit is the max, a
 * missing default request is the default limit, else the min. That is why a LimitRange with
 * only `max` still gives every container a limit and a request.
 */
function defaultItem(item: LimitRangeItem): void {
  canonicalize(item);
  if (item.type !== 'Container') return;
  const def: Record<string, string> = { ...(item.default as Record<string, string> | undefined) };
  const req: Record<string, string> = { ...(item.defaultRequest as Record<string, string> | undefined) };
  for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v as string;
  for (const [k, v] of Object.entries(def)) if (!(k in req)) req[k] = v;
  for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in req)) req[k] = v as string;
  if (Object.keys(def).length) (item as { default?: Record<string, string> }).default = def;
  if (Object.keys(req).length) (item as { defaultRequest?: Record<string, string> }).defaultRequest = req;
}

/** ValidateLimitRange: the real field paths and messages. */
function validateLimitRange(obj: KubeObject): FieldError[] {
  const lr = obj as LimitRangeObject;
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (lr.spec?.limits ?? []).forEach((item, i) => {
    const at = `spec.limits[${i}]`;
    if (!item.type) errs.push({ type: 'Required', field: `${at}.type` });
    else if (seen.has(item.type)) errs.push({ type: 'Duplicate', field: `${at}.type`, value: item.type });
    seen.add(item.type);
    const maps: Partial<Record<ItemMap, Map<string, NonNullable<ReturnType<typeof toQty>>>>> = {};
    const keys = new Set<string>();
    for (const m of MAPS) {
      const list = item[m] as Record<string, unknown> | undefined;
      const parsed = new Map<string, NonNullable<ReturnType<typeof toQty>>>();
      for (const [k, v] of Object.entries(list ?? {})) {
        const q = toQty(v);
        if (!q) {
          errs.push({ type: 'Invalid', field: `${at}.${m}[${k}]`, value: v, detail: QUANTITY_REGEX_MSG });
          continue;
        }
        parsed.set(k, q);
        keys.add(k);
      }
      maps[m] = parsed;
    }
    if (item.type === 'Pod') {
      if (maps.default?.size) errs.push({ type: 'Forbidden', field: `${at}.default`, detail: "may not be specified when `type` is 'Pod'" });
      if (maps.defaultRequest?.size) errs.push({ type: 'Forbidden', field: `${at}.defaultRequest`, detail: "may not be specified when `type` is 'Pod'" });
    }
    if (item.type === 'PersistentVolumeClaim' && !maps.min?.has('storage') && !maps.max?.has('storage'))
      errs.push({ type: 'Required', field: `${at}.limits`, detail: 'either minimum or maximum storage value is required, but neither was provided' });
    for (const k of [...keys].sort()) {
      const min = maps.min?.get(k);
      const max = maps.max?.get(k);
      const def = maps.default?.get(k);
      const req = maps.defaultRequest?.get(k);
      const ratio = maps.maxLimitRequestRatio?.get(k);
      const s = formatQty;
      if (min && max && min.milli > max.milli) errs.push({ type: 'Invalid', field: `${at}.min[${k}]`, value: s(min), detail: `min value ${s(min)} is greater than max value ${s(max)}` });
      if (req && min && min.milli > req.milli) errs.push({ type: 'Invalid', field: `${at}.defaultRequest[${k}]`, value: s(req), detail: `min value ${s(min)} is greater than default request value ${s(req)}` });
      if (req && max && req.milli > max.milli) errs.push({ type: 'Invalid', field: `${at}.defaultRequest[${k}]`, value: s(req), detail: `default request value ${s(req)} is greater than max value ${s(max)}` });
      if (req && def && req.milli > def.milli) errs.push({ type: 'Invalid', field: `${at}.defaultRequest[${k}]`, value: s(req), detail: `default request value ${s(req)} is greater than default limit value ${s(def)}` });
      if (def && min && min.milli > def.milli) errs.push({ type: 'Invalid', field: `${at}.default[${k}]`, value: s(min), detail: `min value ${s(min)} is greater than default value ${s(def)}` });
      if (def && max && def.milli > max.milli) errs.push({ type: 'Invalid', field: `${at}.default[${k}]`, value: s(max), detail: `default value ${s(def)} is greater than max value ${s(max)}` });
      if (ratio && ratio.milli < 1000) errs.push({ type: 'Invalid', field: `${at}.maxLimitRequestRatio[${k}]`, value: s(ratio), detail: `ratio ${s(ratio)} is less than 1` });
      if (ratio && min && max && min.milli > 0) {
        const limit = max.milli / min.milli;
        if (ratio.milli / 1000 > limit)
          errs.push({ type: 'Invalid', field: `${at}.maxLimitRequestRatio[${k}]`, value: s(ratio), detail: `ratio ${s(ratio)} is greater than max/min = ${limit.toFixed(6)}` });
      }
    }
  });
  return errs;
}

/** LimitRange (v1): per-namespace defaults and bounds that the LimitRanger admission applies. */
export const limitRangeStrategy: KindStrategy = {
  defaults: (obj) => {
    for (const item of (obj as LimitRangeObject).spec?.limits ?? []) defaultItem(item);
  },
  validate: (obj) => validateLimitRange(obj),
};
