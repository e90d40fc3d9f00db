/** kube-apiserver's field error types, printed the way field.Error.Error() prints them. */
export type FieldErrorType =
  | 'Invalid'
  | 'Required'
  | 'Forbidden'
  | 'NotSupported'
  | 'Duplicate'
  | 'TooLong'
  | 'TooMany'
  | 'NotFound';

export interface FieldError {
  type: FieldErrorType;
  /** JSON path as Kubernetes prints it: `spec.containers[0].image`. */
  field: string;
  value?: unknown;
  detail?: string;
  /** For NotSupported. */
  supported?: string[];
}

const CAUSE_REASON: Record<FieldErrorType, string> = {
  Invalid: 'FieldValueInvalid',
  Required: 'FieldValueRequired',
  Forbidden: 'FieldValueForbidden',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  TooLong: 'FieldValueTooLong',
  TooMany: 'FieldValueTooMany',
  NotFound: 'FieldValueNotFound',
};

/** A value kube-apiserver prints with Go's %#v (`map[string]string{"app":"web"}`), kept verbatim. */
export class GoLiteral {
  constructor(readonly text: string) {}
}

function quote(v: unknown): string {
  if (v instanceof GoLiteral) return v.text;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The text after the field path, e.g. `Invalid value: "Foo": a lowercase RFC 1123 ...`. */
export function fieldErrorBody(e: FieldError): string {
  switch (e.type) {
    case 'Required':
      return e.detail ? `Required value: ${e.detail}` : 'Required value';
    case 'Forbidden':
      return e.detail ? `Forbidden: ${e.detail}` : 'Forbidden';
    case 'NotSupported':
      return `Unsupported value: ${quote(e.value)}${e.supported ? `: supported values: ${e.supported.map((s) => `"${s}"`).join(', ')}` : ''}`;
    case 'Duplicate':
      return `Duplicate value: ${quote(e.value)}`;
    case 'TooLong':
      return `Too long: ${e.detail ?? 'may not be more than the allowed length'}`;
    case 'TooMany':
      return `Too many: ${e.detail ?? ''}`.trimEnd();
    case 'NotFound':
      return `Not found: ${quote(e.value)}`;
    case 'Invalid':
    default:
      return `Invalid value: ${quote(e.value)}${e.detail ? `: ${e.detail}` : ''}`;
  }
}

export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** A `Status` object, the body of every failed API call. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
  code: number;
}

export function status(code: number, reason: string, message: string, details?: Status['details']): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return s;
}

export interface GroupKind {
  group: string;
  kind: string;
  /** Lower-case plural, used in NotFound / AlreadyExists messages. */
  plural: string;
}

function qualified(gk: GroupKind): string {
  return gk.group ? `${gk.plural}.${gk.group}` : gk.plural;
}

export function notFound(gk: GroupKind, name: string): Status {
  return status(404, 'NotFound', `${qualified(gk)} "${name}" not found`, { name, group: gk.group || undefined, kind: gk.plural });
}

export function alreadyExists(gk: GroupKind, name: string): Status {
  return status(409, 'AlreadyExists', `${qualified(gk)} "${name}" already exists`, {
    name,
    group: gk.group || undefined,
    kind: gk.plural,
  });
}

export function conflict(gk: GroupKind, name: string): Status {
  return status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(gk)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: gk.group || undefined, kind: gk.plural },
  );
}

/** 422: `The Pod "x" is invalid: field: ...` (several errors in `[a, b]`, as kube prints an aggregate). */
export function invalid(gk: GroupKind, name: string, errors: FieldError[]): Status {
  const strs = errors.map(fieldErrorString);
  const body = strs.length === 1 ? strs[0] : `[${strs.join(', ')}]`;
  const kindName = `${gk.group ? `${gk.kind}.${gk.group}` : gk.kind}`;
  return status(422, 'Invalid', `${kindName} "${name}" is invalid: ${body}`, {
    name,
    group: gk.group || undefined,
    kind: gk.kind,
    causes: errors.map((e) => ({ reason: CAUSE_REASON[e.type], message: fieldErrorBody(e), field: e.field })),
  });
}

export function badRequest(message: string, causes?: StatusCause[]): Status {
  return status(400, 'BadRequest', message, causes ? { causes } : undefined);
}

export function forbidden(gk: GroupKind, name: string, detail: string): Status {
  return status(403, 'Forbidden', `${qualified(gk)} "${name}" is forbidden: ${detail}`, {
    name,
    group: gk.group || undefined,
    kind: gk.plural,
  });
}

export function methodNotAllowed(message: string): Status {
  return status(405, 'MethodNotAllowed', message);
}
