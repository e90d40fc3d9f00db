import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import type { FieldError } from '../status';
import type { KindStrategy } from './strategy';
import { regexError } from '../validation/labels';
import { base64ByteLength, utf8Bytes } from '../base64';

export type ConfigMapObject = ConfigMap & KubeObject;

/** core.MaxSecretSize: a ConfigMap or Secret holds at most 1 MiB (etcd's request limit is not much more). */
export const MAX_CONFIG_SIZE = 1024 * 1024;

const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/;

/** apimachinery's IsConfigMapKey: the messages for a bad key of a ConfigMap or Secret. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY_RE.test(key)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  // hasChDirPrefix: a key becomes a file name in a volume, so it may not climb out of it.
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

export function validateKeys(map: Record<string, unknown> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(map ?? {})) for (const detail of configKeyErrors(key)) errs.push({ type: 'Invalid', field: `${field}[${key}]`, value: key, detail });
  return errs;
}

/** ValidateConfigMapUpdate / ValidateSecretUpdate: an immutable object keeps its content and stays immutable. */
export function immutableErrors(obj: { immutable?: boolean } & Record<string, unknown>, old: { immutable?: boolean } & Record<string, unknown>, fields: string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const detail = 'field is immutable when `immutable` is set';
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push({ type: 'Forbidden', field: 'immutable', detail });
  for (const f of fields) if (JSON.stringify(obj[f] ?? {}) !== JSON.stringify(old[f] ?? {})) errs.push({ type: 'Forbidden', field: f, detail });
  return errs;
}

function validateConfigMap(obj: KubeObject): FieldError[] {
  const cm = obj as ConfigMapObject;
  const errs = [...validateKeys(cm.data, 'data')];
  for (const key of Object.keys(cm.data ?? {}))
    if (cm.binaryData && key in cm.binaryData) errs.push({ type: 'Invalid', field: `data[${key}]`, value: key, detail: 'duplicate of key present in binaryData' });
  errs.push(...validateKeys(cm.binaryData, 'binaryData'));
  let size = 0;
  for (const v of Object.values(cm.data ?? {})) size += utf8Bytes(v).length;
  for (const v of Object.values(cm.binaryData ?? {})) size += base64ByteLength(v);
  // The whole object is too long: kube passes an empty path.
  if (size > MAX_CONFIG_SIZE) errs.push({ type: 'TooLong', field: '', detail: `may not be more than ${MAX_CONFIG_SIZE} bytes` });
  return errs;
}

export const configMapStrategy: KindStrategy = {
  validate: (obj) => validateConfigMap(obj),
  validateUpdate: (obj, old) => [...validateConfigMap(obj), ...immutableErrors(obj as Record<string, unknown>, old as Record<string, unknown>, ['data', 'binaryData'])],
};
