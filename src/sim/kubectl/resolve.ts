import type { ResourceType } from '../api/resources';
import { apiVersionOf, resolveResourceName } from '../api/resources';
import { usage } from './errors';

/** The `plural.group` kubectl names a type by in messages (`deployments.apps`). */
export function qualifiedPlural(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/**
 * Resolves a resource argument as kubectl's REST mapper would, refusing types the sim
 * does not model yet with a message that says so rather than pretending they are empty.
 */
export function resolveType(name: string): ResourceType {
  const t = resolveResourceName(name);
  if (!t) throw usage(`the server doesn't have a resource type "${name}"`);
  if (!t.simulated)
    throw usage(
      `${qualifiedPlural(t)} (${t.kind}, ${apiVersionOf(t)}) exist in Kubernetes but Kube Orchestra does not simulate them yet`,
    );
  return t;
}

/** `-o name` / apply output prefix: `pod`, `deployment.apps`. */
export function kindPrefix(t: ResourceType): string {
  return `${t.kind.toLowerCase()}${t.group ? `.${t.group}` : ''}`;
}
