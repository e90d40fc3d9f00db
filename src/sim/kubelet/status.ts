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
