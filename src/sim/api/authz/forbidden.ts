import type { Status } from '../status';
import { status } from '../status';
import type { RequestAttributes } from './types';

/** responsewriters' forbiddenMessage: who cannot do what, where. */
export function forbiddenMessage(a: RequestAttributes): string {
  const user = JSON.stringify(a.user.name);
  if (!a.resourceRequest) return `User ${user} cannot ${a.verb} path ${JSON.stringify(a.path ?? '')}`;
  const resource = a.subresource ? `${a.resource ?? ''}/${a.subresource}` : (a.resource ?? '');
  const where = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
  return `User ${user} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup ?? '')} ${where}`;
}

/** ForbiddenStatusError + apierrors.NewForbidden: `secrets "x" is forbidden: User ... : RBAC reason`. */
export function forbiddenStatus(a: RequestAttributes, reason = ''): Status {
  const msg = reason ? `${forbiddenMessage(a)}: ${reason}` : forbiddenMessage(a);
  const group = a.resourceRequest ? (a.apiGroup ?? '') : '';
  const resource = a.resourceRequest ? (a.resource ?? '') : '';
  const qualified = group ? `${resource}.${group}` : resource;
  const message = !qualified ? `forbidden: ${msg}` : a.name ? `${qualified} ${JSON.stringify(a.name)} is forbidden: ${msg}` : `${qualified} is forbidden: ${msg}`;
  const details: Status['details'] = { kind: resource || undefined, group: group || undefined, name: a.name || undefined };
  for (const k of Object.keys(details) as (keyof typeof details)[]) if (details[k] === undefined) delete details[k];
  return status(403, 'Forbidden', message, details);
}

/** Thrown by ApiServer.list (which answers a plain array) when the requester may not list. */
export class ForbiddenError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
}
