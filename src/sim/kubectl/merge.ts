import { clone } from '../objects';
import type { KubeObject } from '../objects';
import { mergeKeyOf } from '../api/mergekeys';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type JsonMap = Record<string, unknown>;

function isMap(v: unknown): v is JsonMap {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Go's json.Marshal of a map: compact, keys sorted. */
export function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (isMap(v))
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goJson(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/**
 * What `kubectl apply` sends and records: the manifest with the last-applied annotation set
 * to the manifest itself (with `annotations: {}` and without the annotation), as compact JSON.
 */
export function withLastApplied(manifest: KubeObject): KubeObject {
  const obj = clone(manifest);
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  obj.metadata.annotations = annotations;
  const text = goJson(obj) + '\n';
  obj.metadata.annotations = { ...annotations, [LAST_APPLIED]: text };
  return obj;
}

/**
 * Client-side apply's three-way merge on JSON: fields set in the manifest win; fields that
 * were in the last applied manifest but are gone now are removed; fields only the live
 * object has (defaults, status, what controllers set) are kept. Maps merge, lists are replaced.
 */
export function threeWayMerge(original: unknown, modified: unknown, current: unknown): unknown {
  if (Array.isArray(modified) && Array.isArray(current)) return mergeList(original, modified, current);
  if (!isMap(modified) || !isMap(current)) return clone(modified);
  const out: JsonMap = { ...current };
  const orig = isMap(original) ? original : {};
  for (const [k, v] of Object.entries(modified)) {
    if (v === null) delete out[k];
    else out[k] = (isMap(v) && isMap(current[k])) || (Array.isArray(v) && Array.isArray(current[k])) ? threeWayMerge(orig[k], v, current[k]) : clone(v);
  }
  for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k];
  return out;
}

/** The item of `list` that `item` pairs with: by merge key, else by position. */
function pairItem(list: unknown[], item: unknown, index: number): unknown {
  if (!isMap(item)) return undefined;
  const key = mergeKeyOf(item);
  if (!key) return list[index];
  return list.find((x) => isMap(x) && x[key] === item[key]);
}

/**
 * The manifest's list wins (items it dropped are gone), but each of its items is merged with
 * the live item it pairs with, so server defaults inside items (a container's
 * imagePullPolicy, a port's protocol) survive as they do under strategic merge.
 */
function mergeList(original: unknown, modified: unknown[], current: unknown[]): unknown[] {
  const orig = Array.isArray(original) ? original : [];
  return modified.map((item, i) => {
    const live = pairItem(current, item, i);
    return isMap(item) && isMap(live) ? threeWayMerge(pairItem(orig, item, i), item, live) : clone(item);
  });
}

export function parseLastApplied(obj: KubeObject): unknown {
  const text = obj.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
