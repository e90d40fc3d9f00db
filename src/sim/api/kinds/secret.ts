import type { Secret } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import type { FieldError } from '../status';
import type { KindStrategy } from './strategy';
import { MAX_CONFIG_SIZE, immutableErrors, validateKeys } from './configmap';
import { base64ByteLength, base64OfText, textOfBase64 } from '../base64';

export type SecretObject = Secret & KubeObject;

/** The built-in Secret types kube-apiserver checks (any other string is a user-defined type). */
export const SECRET_TYPES = {
  opaque: 'Opaque',
  serviceAccountToken: 'kubernetes.io/service-account-token',
  dockercfg: 'kubernetes.io/dockercfg',
  dockerConfigJson: 'kubernetes.io/dockerconfigjson',
  basicAuth: 'kubernetes.io/basic-auth',
  sshAuth: 'kubernetes.io/ssh-auth',
  tls: 'kubernetes.io/tls',
  bootstrapToken: 'bootstrap.kubernetes.io/token',
} as const;

/**
 * v1 → internal conversion: `stringData` is written into `data` (its keys win) as the UTF-8
 * bytes of each string, and is never stored — `kubectl get -o yaml` shows only base64 `data`.
 */
export function mergeStringData(obj: KubeObject): void {
  const s = obj as SecretObject & { stringData?: Record<string, string> };
  if (!s.stringData) return;
  const data: Record<string, string> = { ...(s.data ?? {}) };
  for (const [k, v] of Object.entries(s.stringData)) data[k] = base64OfText(String(v));
  (s as { data?: Record<string, string> }).data = data;
  delete s.stringData;
}

/**
 * Go's json.Unmarshal error for text that is not a JSON object, close enough to read the same:
 * `unexpected end of JSON input`, `invalid character 'x' looking for beginning of value`.
 */
export function goJsonObjectError(text: string): string | undefined {
  const t = text.trim();
  if (!t) return 'unexpected end of JSON input';
  try {
    const v: unknown = JSON.parse(t);
    if (v === null || typeof v === 'object') {
      if (Array.isArray(v)) return 'json: cannot unmarshal array into Go value of type map[string]interface {}';
      return undefined;
    }
    return `json: cannot unmarshal ${typeof v === 'boolean' ? 'bool' : typeof v} into Go value of type map[string]interface {}`;
  } catch (e) {
    const first = t[0] as string;
    if (!'{["-0123456789tfn'.includes(first)) return `invalid character '${first}' looking for beginning of value`;
    const literal = { t: 'true', f: 'false', n: 'null' }[first];
    if (literal) {
      for (let i = 1; i < literal.length; i++) {
        if (i >= t.length) return 'unexpected end of JSON input';
        if (t[i] !== literal[i]) return `invalid character '${t[i]}' in literal ${literal} (expecting '${literal[i]}')`;
      }
    }
    const msg = e instanceof Error ? e.message : '';
    const at = /position (\d+)/.exec(msg);
    if (!at) return 'unexpected end of JSON input';
    const ch = t[Number(at[1])];
    return ch === undefined ? 'unexpected end of JSON input' : `invalid character '${ch}' after object key:value pair`;
  }
}

function validateSecret(obj: KubeObject): FieldError[] {
  const s = obj as SecretObject;
  const data = (s.data ?? {}) as Record<string, string>;
  const errs = validateKeys(data, 'data');
  let size = 0;
  for (const v of Object.values(data)) size += base64ByteLength(v);
  if (size > MAX_CONFIG_SIZE) errs.push({ type: 'TooLong', field: 'data', detail: `may not be more than ${MAX_CONFIG_SIZE} bytes` });
  const has = (k: string) => k in data;
  const req = (k: string) => errs.push({ type: 'Required', field: `data[${k}]` });
  const jsonKey = (k: string) => {
    if (!has(k)) return req(k);
    const err = goJsonObjectError(textOfBase64(data[k] as string) ?? '');
    if (err) errs.push({ type: 'Invalid', field: `data[${k}]`, value: '<secret contents redacted>', detail: err });
  };
  switch (s.type) {
    case SECRET_TYPES.serviceAccountToken:
      if (!s.metadata.annotations?.['kubernetes.io/service-account.name']) errs.push({ type: 'Required', field: 'metadata.annotations[kubernetes.io/service-account.name]' });
      break;
    case SECRET_TYPES.dockercfg:
      jsonKey('.dockercfg');
      break;
    case SECRET_TYPES.dockerConfigJson:
      jsonKey('.dockerconfigjson');
      break;
    case SECRET_TYPES.basicAuth:
      // Either may be empty, but one of them must be there.
      if (!has('username') && !has('password')) {
        req('username');
        req('password');
      }
      break;
    case SECRET_TYPES.sshAuth:
      if (!base64ByteLength(data['ssh-privatekey'] ?? '')) req('ssh-privatekey');
      break;
    case SECRET_TYPES.tls:
      if (!has('tls.crt')) req('tls.crt');
      if (!has('tls.key')) req('tls.key');
      break;
    default:
  }
  return errs;
}

export const secretStrategy: KindStrategy = {
  defaults: (obj) => {
    mergeStringData(obj);
    const s = obj as { type?: string };
    if (!s.type) s.type = SECRET_TYPES.opaque;
  },
  validate: (obj) => validateSecret(obj),
  validateUpdate: (obj, old) => {
    const errs = validateSecret(obj);
    const t = (obj as SecretObject).type;
    const oldType = (old as SecretObject).type;
    if (t !== oldType) errs.push({ type: 'Invalid', field: 'type', value: t ?? '', detail: 'field is immutable' });
    return [...errs, ...immutableErrors(obj as Record<string, unknown>, old as Record<string, unknown>, ['data'])];
  },
};
