import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Cluster } from '../cluster';
import type { ResourceType } from '../api/resources';
import type { KubeObject } from '../objects';
import { parseSelector, SelectorParseError } from '../store/labels';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { formatStatus, usage } from './errors';

export interface DescribeTargets {
  objects: KubeObject[];
  errors: string[];
  /** The stderr line kubectl prints when a listing (no names) finds nothing. */
  empty: string;
}

const byNsName = (a: KubeObject, b: KubeObject): number => {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/**
 * Which objects `kubectl describe TYPE [NAME_PREFIX...] [-l selector] [-A]` shows: an exact name
 * first, else every object whose name starts with it (kubectl's NAME_PREFIX rule, so
 * `describe pods nginx-deployment` shows the Deployment's pods); no names lists the namespace
 * (or all of them with -A), narrowed by the label selector.
 */
export function describeTargets(cluster: Cluster, t: ResourceType, names: string[], args: Args): DescribeTargets {
  const allNs = bool(args, 'all-namespaces');
  const ns = flag(args, 'namespace') ?? 'default';
  const scope = allNs ? undefined : ns;
  const selText = flag(args, 'selector');
  let selector: LabelSelector | undefined;
  if (selText !== undefined) {
    if (names.length) throw usage('name cannot be provided when a selector is specified');
    try {
      selector = parseSelector(selText);
    } catch (e) {
      if (e instanceof SelectorParseError) throw usage(e.message);
      throw e;
    }
  }
  const empty = t.namespaced && !allNs ? `No resources found in ${ns} namespace.\n` : 'No resources found\n';
  if (!names.length) return { objects: cluster.api.list(t, scope, selector).sort(byNsName), errors: [], empty };
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  for (const n of names) {
    const r = cluster.api.get(t, t.namespaced ? ns : undefined, n);
    if (r.ok) {
      objects.push(r.object);
      continue;
    }
    const prefixed = r.status.reason === 'NotFound' ? cluster.api.list(t, scope).filter((o) => o.metadata.name.startsWith(n)).sort(byNsName) : [];
    if (prefixed.length) objects.push(...prefixed);
    else errors.push(formatStatus(r.status));
  }
  return { objects, errors, empty };
}
