import type { Container, ContainerStatus, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { PodObject } from '../scheduler/types';
import { normalizeImage } from './images';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Guaranteed when every container's requests equal its limits, BestEffort when nobody asks for anything. */
export function qosClass(pod: PodObject): string {
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (l === undefined || q !== l) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Keeps a condition's lastTransitionTime when its status does not change, as the kubelet does. */
export function condition(old: PodCondition[] | undefined, type: string, status: 'True' | 'False', now: string, reason?: string, message?: string): PodCondition {
  const prev = old?.find((c) => c.type === type);
  const c: Mutable<PodCondition> = { type, status, lastTransitionTime: prev?.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : now };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** The five pod conditions, in the order a 1.34 kubelet writes them. */
export function podConditions(pod: PodObject, now: string, state: { initialized: boolean; ready: boolean }): PodCondition[] {
  const old = pod.status?.conditions;
  const names = (pod.spec?.containers ?? []).map((c) => c.name).join(' ');
  const inits = (pod.spec?.initContainers ?? []).map((c) => c.name).join(' ');
  const notReady: [string, string] | [] = state.ready ? [] : ['ContainersNotReady', `containers with unready status: [${names}]`];
  const notInit: [string, string] | [] = state.initialized ? [] : ['ContainersNotInitialized', `containers with incomplete status: [${inits}]`];
  return [
    condition(old, 'PodReadyToStartContainers', 'True', now),
    condition(old, 'Initialized', state.initialized ? 'True' : 'False', now, ...notInit),
    condition(old, 'Ready', state.ready ? 'True' : 'False', now, ...notReady),
    condition(old, 'ContainersReady', state.ready ? 'True' : 'False', now, ...notReady),
    condition(old, 'PodScheduled', 'True', now),
  ];
}

export function waitingStatus(c: Container, reason: string): ContainerStatus {
  return {
    name: c.name,
    image: normalizeImage(c.image ?? ''),
    imageID: '',
    ready: false,
    restartCount: 0,
    started: false,
    state: { waiting: { reason } },
  };
}

export function withStatus(pod: PodObject, status: Partial<PodStatus>): PodObject {
  return { ...pod, status: { ...pod.status, ...status } };
}

/** A container's status as the kubelet reports it, from its runtime state. */
export function containerStatus(c: Container, rt: RuntimeView, pod: PodObject, initPending: boolean, imageIDOf: (image: string) => string): ContainerStatus {
  const image = normalizeImage(c.image ?? '');
  const ran = rt.containerID !== '' || rt.last !== undefined;
  const base: Mutable<ContainerStatus> = {
    name: c.name,
    image,
    imageID: ran ? imageIDOf(c.image ?? '') : '',
    ...(rt.containerID ? { containerID: rt.containerID } : {}),
    ready: rt.phase === 'running' && rt.ready,
    restartCount: rt.restarts,
    started: rt.phase === 'running' && rt.started,
    state: {},
  };
  if (rt.last) base.lastState = { terminated: { ...rt.last } };
  const meta = pod.metadata;
  switch (rt.phase) {
    case 'running':
      base.state = { running: { startedAt: rt.startedAt } };
      break;
    case 'exited':
      base.state = { terminated: { ...(rt.term as NonNullable<RuntimeView['term']>) } };
      break;
    case 'pullFailed':
      base.state = { waiting: { reason: 'ErrImagePull', message: (rt.pullError ?? '').replace(/^Failed to pull image "[^"]*": /, '') } };
      break;
    case 'pullBackOff':
      base.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image ?? ''}": ErrImagePull: ${(rt.pullError ?? '').replace(/^Failed to pull image "[^"]*": /, '')}` } };
      break;
    case 'configError':
      base.state = { waiting: { reason: 'CreateContainerConfigError', message: rt.configError ?? '' } };
      break;
    case 'neverPull':
      base.state = { waiting: { reason: 'ErrImageNeverPull', message: rt.pullError ?? '' } };
      break;
    case 'crashBackOff':
      base.state = {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDurationShort(rt.backoffSeconds ?? 10)} restarting failed container=${c.name} pod=${meta.name}_${meta.namespace ?? 'default'}(${meta.uid ?? ''})`,
        },
      };
      break;
    default:
      base.state = { waiting: { reason: initPending ? 'PodInitializing' : 'ContainerCreating' } };
  }
  return base;
}

function goDurationShort(s: number): string {
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60}s`;
}

/** What containerStatus needs to know of a container's runtime state. */
export interface RuntimeView {
  phase: string;
  containerID: string;
  startedAt: string;
  ready: boolean;
  started: boolean;
  restarts: number;
  backoffSeconds?: number;
  pullError?: string;
  configError?: string;
  term?: { exitCode: number; reason: string; startedAt: string; finishedAt: string; containerID: string };
  last?: { exitCode: number; reason: string; startedAt: string; finishedAt: string; containerID: string };
}
