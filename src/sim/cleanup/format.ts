import { CLEANUP_LEVELS, type CleanupEffect, type CleanupPlan, type PlanRef } from './plan';

/** kubectl's `kind.group/name` (`deployment.apps/web`, `pod/web-0`, `persistentvolumeclaim/data`). */
export function refName(r: PlanRef): string {
  const dot = r.resource.indexOf('.');
  const group = dot >= 0 ? r.resource.slice(dot) : '';
  return `${r.kind.toLowerCase()}${group}/${r.name}`;
}

/** At most `max` names, then "and N more". */
export function refList(refs: readonly PlanRef[], max = 3): string {
  const shown = refs.slice(0, max).map(refName).join(', ');
  return refs.length > max ? `${shown} and ${refs.length - max} more` : shown;
}

const HOW: Record<string, string> = {
  env: 'as environment variables (running containers keep them; a restart fails with CreateContainerConfigError)',
  volume: 'as a volume (new pods wait in ContainerCreating with FailedMount)',
  pull: 'as an image pull secret (the next image pull fails)',
  template: 'in its pod template (new pods will fail)',
  backend: 'as a backend (requests get 503)',
  claim: 'as a volume claim',
};

/** One effect as an English sentence: the plain words of the CLI command. */
export function effectText(e: CleanupEffect): string {
  switch (e.type) {
    case 'cascade':
      return `cascades to ${refList(e.objects)} (ownerReferences; the garbage collector deletes them)`;
    case 'notRecreated':
      return 'no controller recreates it';
    case 'breaks':
      return `still used by ${refList(e.objects)} ${HOW[e.how] ?? ''}`.trimEnd();
    case 'stuck':
      return `stays Terminating on ${e.finalizer} until ${refList(e.until)} ${e.until.length > 1 ? 'are' : 'is'} gone`;
    case 'keepsData':
      return `persistentvolume/${e.volume} has reclaimPolicy Retain: it goes Released and keeps its data`;
    case 'destroysData':
      return `persistentvolume/${e.volume} has reclaimPolicy Delete: the volume and its data are destroyed (back up first)`;
    case 'noPods':
      return 'selects no pods';
    case 'terminating':
      return e.finalizers.length ? `already Terminating, waiting for ${e.finalizers.join(', ')}` : 'already Terminating';
    case 'protected':
      return 'refused: this namespace may not be deleted';
    case 'sweeps':
      return `deletes the ${e.objects.length} object${e.objects.length === 1 ? '' : 's'} still in it: ${refList(e.objects)}`;
  }
}

const VERDICT = { safe: 'safe', breaks: 'BREAKS', blocked: 'STUCK' } as const;

/** The plan as `cleanup plan` prints it: one block per level, one line per object, effects indented. */
export function formatPlan(plan: CleanupPlan): string {
  const scope = plan.namespace !== undefined ? `namespace "${plan.namespace}"` : 'every user namespace';
  const lines = [`Cleanup plan for ${scope} (Kube Orchestra; safe order: ${CLEANUP_LEVELS.join(' -> ')})`];
  if (!plan.items.some((i) => i.level !== 'namespace')) lines.push('Nothing left to delete but the namespace.');
  CLEANUP_LEVELS.forEach((level, n) => {
    const items = plan.items.filter((i) => i.level === level);
    if (!items.length) return;
    lines.push('', `${n + 1}. ${level}`);
    for (const item of items) {
      const ns = plan.namespace === undefined && item.ref.namespace ? ` -n ${item.ref.namespace}` : '';
      lines.push(`  ${VERDICT[item.verdict].padEnd(6)}  ${refName(item.ref)}${ns}`);
      if (item.uses.length) lines.push(`            uses ${refList(item.uses)}`);
      for (const e of item.effects) lines.push(`            ${effectText(e)}`);
    }
  });
  return lines.join('\n') + '\n';
}
