import type { WatchEvent } from '../store/store';

/**
 * A Watch map that wakes the controlling owner of a changed child (controller-runtime's
 * EnqueueRequestForOwner with OnlyControllerOwner): a pod wakes its Job, a Job its CronJob.
 * `group` narrows the owner to an API group (`apps`), so a same-named kind elsewhere does not count.
 */
export function controllerOwnerKeys(kind: string, group?: string): (ev: WatchEvent) => string[] {
  return (ev) => {
    const namespace = ev.object.metadata.namespace;
    const ref = ev.object.metadata.ownerReferences?.find((r) => r.controller && r.kind === kind && (group === undefined || r.apiVersion.startsWith(`${group}/`)));
    return ref && namespace ? [`${namespace}/${ref.name}`] : [];
  };
}
