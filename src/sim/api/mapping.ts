import type { Status } from './status';
import { status } from './status';

/**
 * The answer for an apiVersion/kind pair no current cluster serves — removed versions such
 * as extensions/v1beta1 Deployments, or a typo. kubectl reports it before sending anything
 * (its REST mapper cannot map the kind); the sim's API server answers the same words so
 * every host prints one message.
 */
export function typeMismatch(apiVersion: string, kind: string): Status {
  return status(404, 'NotFound', `no matches for kind "${kind}" in version "${apiVersion}"`, { kind, group: apiVersion.includes('/') ? apiVersion.split('/')[0] : undefined });
}
