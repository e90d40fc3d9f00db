import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { clone } from '../objects';
import type { Args } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { kindPrefix } from './resolve';
import { resolveTargets } from './target';
import type { KubectlResult } from './types';

/** The pod spec a kind carries: its own (Pod) or its template's (workloads), or a CronJob's job template's. */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined;
  if (obj.kind === 'Pod') return obj.spec as PodSpec;
  return spec?.template?.spec ?? spec?.jobTemplate?.spec?.template?.spec;
}

/** `kubectl set image TYPE/NAME CONTAINER=IMAGE ...` (`*=IMAGE` sets every container). */
export function runSetImage(cluster: Cluster, args: Args): KubectlResult {
  const [sub, ...words] = args.positional;
  if (sub !== 'image') throw usage(sub ? `unknown command "${sub}" for "kubectl set"` : 'You must specify the type of update (image)');
  const pairs = words.filter((w) => w.includes('='));
  const resources = words.filter((w) => !w.includes('='));
  if (!pairs.length) throw usage('at least one image update is required');
  const images = pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const);
  let stdout = '';
  for (const t of resolveTargets(cluster, args, resources, 'set image')) {
    const next = clone(t.object);
    const spec = podSpecOf(next);
    if (!spec) throw usage(`${t.type.plural} have no pod template to set an image in`);
    const all: Container[] = [...(spec.initContainers ?? []), ...spec.containers];
    for (const [name, image] of images) {
      const hit = all.filter((c) => name === '*' || c.name === name);
      if (!hit.length) throw usage(`unable to find container named "${name}"`);
      for (const c of hit) (c as { image?: string }).image = image;
    }
    const changed = JSON.stringify(next.spec) !== JSON.stringify(t.object.spec);
    const res = cluster.userClient().update(next, {
      reason: `kubectl set the image of ${t.type.kind} ${t.object.metadata.name}: ${pairs.join(' ')}`,
      code: 'record.kubectl.setImage',
      params: { kind: t.type.kind, name: t.object.metadata.name, images: pairs.join(' ') },
    });
    if (!res.ok) throw new KubectlError(formatStatus(res.status));
    if (changed) stdout += `${kindPrefix(t.type)}/${t.object.metadata.name} image updated\n`;
  }
  return { stdout, stderr: '', exitCode: 0 };
}
