import type { Container } from 'kubernetes-types/core/v1';
import type { ContainerRuntime, Env } from './containers';
import { buildEnv, mountProblem } from './configRefs';
import { missingPullSecretsMessage, pullAuthError, pullSecrets } from './pullSecrets';

/**
 * The kubelet's config checks around a container start, as small hooks for containers.ts and
 * kubelet.ts: volumes must mount before anything starts (FailedMount, pod stays
 * ContainerCreating), the environment must resolve before the container is created
 * (CreateContainerConfigError), and a private registry wants a pull Secret.
 */

const fieldPath = (rt: ContainerRuntime) => `spec.${rt.init ? 'initContainers' : 'containers'}{${rt.name}}`;

/**
 * Before creating the container: resolve env/envFrom. On a missing ConfigMap, Secret or key the
 * container waits in CreateContainerConfigError (returns true); the kubelet tries again on its
 * next sync, which a change of the referenced object triggers.
 */
export function configBlocked(env: Env, c: Container, rt: ContainerRuntime): boolean {
  const built = buildEnv(env.pod, c, env.ctx.store, env.node);
  if (built.problem) {
    if (rt.phase !== 'configError' || rt.configError !== built.problem.message)
      env.ctx.events.record(env.pod, 'Warning', 'Failed', `Error: ${built.problem.message}`, env.source, fieldPath(rt));
    rt.phase = 'configError';
    rt.configError = built.problem.message;
    rt.waitsFor = built.problem.waitsFor;
    rt.due = -1;
    return true;
  }
  rt.configError = undefined;
  rt.waitsFor = undefined;
  for (const msg of built.skipped) env.ctx.events.record(env.pod, 'Warning', 'InvalidEnvironmentVariableNames', msg, env.source);
  return false;
}

/**
 * Volumes are set up before any container of the pod starts. Returns the store keys the pod
 * waits for when a configMap/secret/projected source is missing (a FailedMount event is
 * recorded), or undefined when the pod may go on.
 */
export function mountsBlocked(env: Env, containers: ContainerRuntime[]): string[] | undefined {
  // Once a container has run, the volumes were mounted: a later deletion does not unmount them.
  if (containers.some((x) => x.containerID !== '' || x.restarts > 0 || x.phase !== 'waiting')) return undefined;
  const p = mountProblem(env.pod, env.ctx.store);
  if (!p) return undefined;
  env.ctx.events.record(env.pod, 'Warning', 'FailedMount', p.event, env.source);
  return p.waitsFor;
}

/** Pull credentials: a missing listed Secret is warned about; a private registry without credentials refuses. */
export function pullDenied(env: Env, image: string): string | undefined {
  const missing = pullSecrets(env.pod, env.ctx.store).missing;
  if (missing.length) env.ctx.events.record(env.pod, 'Warning', 'FailedToRetrieveImagePullSecret', missingPullSecretsMessage(missing), env.source);
  return pullAuthError(env.pod, image, env.ctx.store);
}

/** Pods (store keys) the kubelet should sync again when a ConfigMap or Secret changes. */
export function waitingPods(pods: Iterable<[string, { waitsFor?: string[]; containers: ContainerRuntime[] }]>, ref: string): string[] {
  const out: string[] = [];
  for (const [key, p] of pods) if (p.waitsFor?.includes(ref) || p.containers.some((x) => x.waitsFor?.includes(ref))) out.push(key);
  return out;
}

/** `configmaps/ns/name` for a watch event's object. */
export function refOfObject(resource: string, obj: { metadata: { namespace?: string; name: string } }): string {
  return `${resource}/${obj.metadata.namespace ?? 'default'}/${obj.metadata.name}`;
}

