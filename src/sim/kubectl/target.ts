import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { ResourceType } from '../api/resources';
import type { Args } from './flags';
import { flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { resolveType } from './resolve';

export interface Target {
  type: ResourceType;
  object: KubeObject;
}

/** `TYPE/NAME` or `TYPE NAME` arguments (rollout, scale, set image), each fetched from the cluster. */
export function resolveTargets(cluster: Cluster, args: Args, words: string[], what: string): Target[] {
  if (!words.length) throw usage(`required resource not specified`);
  const pairs: [string, string][] = [];
  if (words.some((w) => w.includes('/'))) {
    for (const w of words) {
      const i = w.indexOf('/');
      if (i < 0) throw usage(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl ${what} resource/<resource_name>' instead of 'kubectl ${what} resource resource/<resource_name>'`);
      pairs.push([w.slice(0, i), w.slice(i + 1)]);
    }
  } else {
    const [type, ...names] = words as [string, ...string[]];
    if (!names.length) throw usage(`resource(s) were provided, but no name was specified`);
    for (const n of names) pairs.push([type, n]);
  }
  const ns = flag(args, 'namespace') ?? 'default';
  return pairs.map(([typeName, name]) => {
    const type = resolveType(typeName);
    const got = cluster.api.get(type, ns, name);
    if (!got.ok) throw new KubectlError(formatStatus(got.status));
    return { type, object: got.object };
  });
}
