import type { Container } from 'kubernetes-types/core/v1';
import type { ReconcileContext } from '../controllers/types';
import type { EventSource } from '../events';
import type { NodeObject, PodObject } from '../scheduler/types';
import type { BackoffEntry } from './backoff';
import { backoffAfterFailure } from './backoff';
import { lookupImage, pullFailureMessage } from './registry';
import type { ImageEntry } from './registry';
import { normalizeImage } from './images';
import { configBlocked, pullDenied } from './configStart';
import type { ProcessRun } from './process';
import { runProcess } from './process';
import type { ProbeKind } from './probes';
import { PROBE_TITLE, changePoints, nextProbeTime, probeOf, probeTimes, runProbe } from './probes';

/**
 * One container's life in the kubelet, as a small state machine:
 * waiting → pulling (→ pullFailed ⇄ pullBackOff) → creating → running → exited
 * (→ crashBackOff → waiting again when the restart policy says so).
 */
export type Phase = 'waiting' | 'pulling' | 'pullFailed' | 'pullBackOff' | 'neverPull' | 'creating' | 'configError' | 'running' | 'exited' | 'crashBackOff';

export interface Terminated {
  exitCode: number;
  reason: string;
  startedAt: string;
  finishedAt: string;
  containerID: string;
}

export interface ContainerRuntime {
  name: string;
  init: boolean;
  phase: Phase;
  /** Tick at which the current phase moves on; -1 when only an outside change can move it. */
  due: number;
  restarts: number;
  containerID: string;
  /** Tick the running instance started. */
  startedTick: number;
  ready: boolean;
  started: boolean;
  term?: Terminated;
  last?: Terminated;
  /** Whether an exited container will be started again. */
  restartPending: boolean;
  crash?: BackoffEntry;
  pull?: BackoffEntry;
  pullError?: string;
  /** CreateContainerConfigError: why env/envFrom did not resolve, and what would resolve it (configStart.ts). */
  configError?: string;
  waitsFor?: string[];
  backoffSeconds?: number;
  /** Probe bookkeeping: the last probe time handled (seconds after start) and streaks. */
  probedUpTo: number;
  liveFails: number;
  startupFails: number;
  readyStreak: number;
  /** Exit code of a main process told to stop by a signal (`kubectl exec … kill 1`), applied at the next sync. */
  signalled?: number;
}

export function newRuntime(c: Container, init: boolean): ContainerRuntime {
  return { name: c.name, init, phase: 'waiting', due: 0, restarts: 0, containerID: '', startedTick: -1, ready: false, started: false, restartPending: false, probedUpTo: -1, liveFails: 0, startupFails: 0, readyStreak: 0 };
}

export interface Env {
  ctx: ReconcileContext;
  pod: PodObject;
  node: NodeObject;
  source: EventSource;
  now: number;
  /** Records that the node pulled an image (status.images). */
  rememberImage(image: string): void;
}

const fieldPath = (rt: ContainerRuntime) => `spec.${rt.init ? 'initContainers' : 'containers'}{${rt.name}}`;
const secondsPerTick = (env: Env) => env.ctx.clock.tickMillis / 1000;
const tickTime = (env: Env, tick: number) => env.ctx.clock.rfc3339At(tick);

function imageOnNode(node: NodeObject, image: string): boolean {
  const ref = normalizeImage(image);
  return (node.status?.images ?? []).some((i) => (i.names ?? []).includes(ref));
}

/** The process of the running instance, worked out from image and command (see process.ts). */
export function processOf(env: Env, c: Container, rt: ContainerRuntime): { run: ProcessRun; entry: ImageEntry } | undefined {
  const l = lookupImage(c.image ?? '');
  if (!l.found) return undefined;
  const startedAtMillis = env.ctx.clock.epoch + rt.startedTick * env.ctx.clock.tickMillis;
  return { run: runProcess(c, l.entry, { startedAtMillis, podName: env.pod.metadata.name, until: 0, volumes: env.pod.spec?.volumes }), entry: l.entry };
}

function event(env: Env, rt: ContainerRuntime, type: 'Normal' | 'Warning', reason: string, message: string): void {
  env.ctx.events.record(env.pod, type, reason, message, env.source, fieldPath(rt));
}

/** Starts (or restarts) a container: find or pull its image. */
function beginPull(env: Env, c: Container, rt: ContainerRuntime): void {
  const image = c.image ?? '';
  const t = env.ctx.timings;
  const policy = c.imagePullPolicy ?? (normalizeImage(image).endsWith(':latest') ? 'Always' : 'IfNotPresent');
  const present = imageOnNode(env.node, image);
  if (policy === 'Never' && !present) {
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    event(env, rt, 'Warning', 'ErrImageNeverPull', msg);
    rt.phase = 'neverPull';
    rt.pullError = msg;
    rt.due = -1;
    return;
  }
  if (policy !== 'Always' && present) {
    event(env, rt, 'Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`);
    rt.phase = 'creating';
    rt.due = env.now + env.ctx.clock.ticksFor(t.cachedImageSeconds + t.containerCreateSeconds);
    return;
  }
  event(env, rt, 'Normal', 'Pulling', `Pulling image "${image}"`);
  rt.phase = 'pulling';
  rt.due = env.now + env.ctx.clock.ticksFor(t.imagePullSeconds);
}

function finishPull(env: Env, c: Container, rt: ContainerRuntime): void {
  const image = c.image ?? '';
  const l = lookupImage(image);
  const denied = l.found ? pullDenied(env, image) : undefined;
  if (!l.found || denied) {
    rt.pullError = pullFailureMessage(image, denied ?? (l.found ? '' : l.error));
    event(env, rt, 'Warning', 'Failed', rt.pullError);
    event(env, rt, 'Warning', 'Failed', 'Error: ErrImagePull');
    // The image manager records the failure at once: the next attempt waits the back-off.
    const cfg = { initial: env.ctx.timings.imagePullBackoffSeconds, max: env.ctx.timings.maxBackoffSeconds };
    const nowS = env.now * secondsPerTick(env);
    rt.pull = rt.pull ? { backoff: Math.min(rt.pull.backoff * 2, cfg.max), lastUpdate: nowS } : { backoff: cfg.initial, lastUpdate: nowS };
    rt.phase = 'pullFailed';
    rt.due = env.now + 1;
    rt.backoffSeconds = rt.pull.backoff;
    return;
  }
  const secs = env.ctx.timings.imagePullSeconds;
  event(env, rt, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${secs}s (${secs}s including waiting). Image size: ${Math.round(l.entry.sizeMB * 1_000_000)} bytes.`);
  env.rememberImage(image);
  rt.pull = undefined;
  rt.phase = 'creating';
  rt.due = env.now + env.ctx.clock.ticksFor(env.ctx.timings.containerCreateSeconds);
}

function startContainer(env: Env, c: Container, rt: ContainerRuntime): void {
  event(env, rt, 'Normal', 'Created', 'Container created');
  event(env, rt, 'Normal', 'Started', 'Container started');
  rt.phase = 'running';
  rt.containerID = `containerd://${env.ctx.random.hex(64)}`;
  rt.startedTick = env.now;
  rt.started = !c.startupProbe;
  rt.ready = false;
  rt.probedUpTo = -1;
  rt.liveFails = rt.startupFails = rt.readyStreak = 0;
  rt.due = env.now;
}

/** Whether the restart policy starts this container again after it exited with `code`. */
function restarts(env: Env, c: Container, rt: ContainerRuntime, code: number): boolean {
  const policy = env.pod.spec?.restartPolicy ?? 'Always';
  // A native sidecar (init container with restartPolicy Always) restarts whatever the pod's policy.
  if (rt.init && c.restartPolicy === 'Always') return true;
  if (rt.init) return code !== 0 && policy !== 'Never';
  return policy === 'Always' || (policy === 'OnFailure' && code !== 0);
}

function terminate(env: Env, c: Container, rt: ContainerRuntime, atSeconds: number, code: number): void {
  const finishTick = rt.startedTick + Math.ceil(atSeconds / secondsPerTick(env));
  rt.term = { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: tickTime(env, rt.startedTick), finishedAt: tickTime(env, Math.min(finishTick, env.now)), containerID: rt.containerID };
  rt.phase = 'exited';
  rt.ready = false;
  rt.restartPending = restarts(env, c, rt, code);
  rt.due = rt.restartPending ? env.now + 1 : -1;
}

function restart(env: Env, c: Container, rt: ContainerRuntime): void {
  rt.last = rt.term;
  rt.term = undefined;
  rt.restarts++;
  rt.restartPending = false;
  rt.backoffSeconds = undefined;
  beginPull(env, c, rt);
}

/** After an exit: restart at once the first time, then wait the crash back-off in CrashLoopBackOff. */
function afterExit(env: Env, c: Container, rt: ContainerRuntime): void {
  const finished = Date.parse(rt.term?.finishedAt ?? '') / 1000 - env.ctx.clock.epoch / 1000;
  const cfg = { initial: env.ctx.timings.crashBackoffSeconds, max: env.ctx.timings.maxBackoffSeconds };
  const { delay, entry } = backoffAfterFailure(rt.crash, finished, cfg);
  rt.crash = entry;
  const dueTick = Math.round(finished / secondsPerTick(env)) + env.ctx.clock.ticksFor(delay);
  if (delay === 0 || dueTick <= env.now) return restart(env, c, rt);
  rt.phase = 'crashBackOff';
  rt.backoffSeconds = delay;
  rt.due = dueTick;
  const pod = env.pod.metadata;
  event(env, rt, 'Warning', 'BackOff', `Back-off restarting failed container ${rt.name} in pod ${pod.name}_${pod.namespace ?? 'default'}(${pod.uid ?? ''})`);
}

/** Runs the probes due up to now; returns the seconds-after-start of a kill, if one is due. */
function probe(env: Env, c: Container, rt: ContainerRuntime, run: ProcessRun, entry: ImageEntry, upTo: number): number | undefined {
  const ip = env.pod.status?.podIP ?? '';
  const kinds: ProbeKind[] = ['startup', 'liveness', 'readiness'];
  const times = new Set<number>();
  for (const k of kinds) {
    const p = probeOf(c, k);
    if (p) for (const t of probeTimes(p, rt.probedUpTo, upTo)) times.add(t);
  }
  for (const t of [...times].sort((a, b) => a - b)) {
    rt.probedUpTo = t;
    for (const k of kinds) {
      const p = probeOf(c, k);
      if (!p || !probeTimes(p, t - 1e-9, t).length) continue;
      if (k !== 'startup' && !rt.started) continue;
      if (k === 'startup' && rt.started) continue;
      const r = runProbe(p, c, run, entry, t, ip);
      const threshold = p.failureThreshold ?? 3;
      if (!r.ok) event(env, rt, 'Warning', 'Unhealthy', `${PROBE_TITLE[k]} probe failed: ${r.message}`);
      if (k === 'readiness') {
        const wanted = r.ok ? (p.successThreshold ?? 1) : threshold;
        rt.readyStreak = r.ok === rt.readyStreak > 0 ? rt.readyStreak + (r.ok ? 1 : -1) : r.ok ? 1 : -1;
        if (Math.abs(rt.readyStreak) >= wanted) rt.ready = r.ok;
        continue;
      }
      if (r.ok) {
        if (k === 'startup') rt.started = true;
        else rt.liveFails = 0;
        continue;
      }
      const fails = k === 'startup' ? ++rt.startupFails : ++rt.liveFails;
      if (fails >= threshold) {
        event(env, rt, 'Normal', 'Killing', `Container ${rt.name} failed ${k} probe, will be restarted`);
        return t;
      }
    }
  }
  rt.probedUpTo = Math.max(rt.probedUpTo, upTo);
  return undefined;
}

/** Ticks until the probes of a running container may change anything, or undefined. */
function nextProbeDue(env: Env, c: Container, rt: ContainerRuntime, run: ProcessRun, entry: ImageEntry): number | undefined {
  const s = (env.now - rt.startedTick) * secondsPerTick(env);
  const changes = changePoints(run, entry).filter((x) => x > s);
  let best: number | undefined;
  const consider = (t: number | undefined) => {
    if (t !== undefined && (best === undefined || t < best)) best = t;
  };
  const sp = c.startupProbe;
  if (sp && !rt.started) consider(nextProbeTime(sp, s));
  if (rt.started) {
    const lp = c.livenessProbe;
    if (lp) consider(rt.liveFails > 0 ? nextProbeTime(lp, s) : changes.length ? nextProbeTime(lp, (changes[0] as number) - 1e-9) : undefined);
    const rp = c.readinessProbe;
    if (rp) {
      const settled = Math.abs(rt.readyStreak) >= (rt.readyStreak > 0 ? (rp.successThreshold ?? 1) : (rp.failureThreshold ?? 3)) && (rt.readyStreak > 0) === rt.ready;
      consider(!settled || rt.probedUpTo < 0 ? nextProbeTime(rp, s) : changes.length ? nextProbeTime(rp, (changes[0] as number) - 1e-9) : undefined);
    }
  }
  return best === undefined ? undefined : rt.startedTick + Math.ceil(best / secondsPerTick(env));
}

/** Moves one container as far as the clock allows; returns true when anything changed. */
export function advance(env: Env, c: Container, rt: ContainerRuntime): boolean {
  if (rt.due < 0 || rt.due > env.now) return false;
  switch (rt.phase) {
    case 'waiting':
      beginPull(env, c, rt);
      return true;
    case 'pulling':
      finishPull(env, c, rt);
      return true;
    case 'pullFailed': {
      event(env, rt, 'Normal', 'BackOff', `Back-off pulling image "${c.image ?? ''}"`);
      event(env, rt, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      rt.phase = 'pullBackOff';
      rt.due = Math.round((rt.pull?.lastUpdate ?? 0) / secondsPerTick(env)) + env.ctx.clock.ticksFor(rt.pull?.backoff ?? 10);
      return true;
    }
    case 'pullBackOff':
      beginPull(env, c, rt);
      return true;
    case 'creating':
      if (configBlocked(env, c, rt)) return true;
      startContainer(env, c, rt);
      return true;
    case 'configError':
      if (configBlocked(env, c, rt)) return false;
      beginPull(env, c, rt);
      return true;
    case 'exited':
      afterExit(env, c, rt);
      return true;
    case 'crashBackOff':
      restart(env, c, rt);
      return true;
    case 'running':
      return running(env, c, rt);
    default:
      return false;
  }
}

function running(env: Env, c: Container, rt: ContainerRuntime): boolean {
  const p = processOf(env, c, rt);
  if (!p) return false;
  const s = (env.now - rt.startedTick) * secondsPerTick(env);
  const exitAt = p.run.exitAfter;
  const before = `${rt.ready}|${rt.started}`;
  if (rt.signalled !== undefined) {
    const code = rt.signalled;
    rt.signalled = undefined;
    terminate(env, c, rt, Math.min(s, exitAt ?? s), code);
    return true;
  }
  const kill = probe(env, c, rt, p.run, p.entry, exitAt === undefined ? s : Math.min(s, exitAt));
  if (kill !== undefined && (exitAt === undefined || kill < exitAt)) {
    terminate(env, c, rt, kill, 137);
    return true;
  }
  if (exitAt !== undefined && s >= exitAt) {
    terminate(env, c, rt, exitAt, p.run.exitCode);
    return true;
  }
  // Without a readiness probe a started container is ready (after readySeconds, if any).
  if (!c.readinessProbe && rt.started && !rt.ready) {
    const readyTick = rt.startedTick + (env.ctx.timings.readySeconds > 0 ? env.ctx.clock.ticksFor(env.ctx.timings.readySeconds) : 0);
    if (env.now >= readyTick) rt.ready = true;
  }
  const dues = [
    exitAt !== undefined ? rt.startedTick + Math.max(1, Math.ceil(exitAt / secondsPerTick(env))) : undefined,
    nextProbeDue(env, c, rt, p.run, p.entry),
    !c.readinessProbe && rt.started && !rt.ready ? rt.startedTick + env.ctx.clock.ticksFor(env.ctx.timings.readySeconds) : undefined,
  ].filter((x): x is number => x !== undefined && x > env.now);
  rt.due = dues.length ? Math.min(...dues) : -1;
  return `${rt.ready}|${rt.started}` !== before || rt.due !== env.now;
}

/** A native sidecar: an init container with restartPolicy Always (KEP-753). */
export function isSidecar(c: Container | undefined, rt: ContainerRuntime): boolean {
  return rt.init && c?.restartPolicy === 'Always';
}

/** The kubelet moves past a sidecar once it has started, not once it has exited. */
export function sidecarStarted(rt: ContainerRuntime): boolean {
  return rt.phase === 'running' || rt.restarts > 0 || rt.term !== undefined;
}

/** When the main containers are done, the kubelet stops the sidecars (they never exit by themselves). */
export function stopSidecar(env: Env, rt: ContainerRuntime): void {
  if (rt.phase === 'exited') {
    rt.restartPending = false;
    rt.due = -1;
    return;
  }
  rt.term = { exitCode: 0, reason: 'Completed', startedAt: tickTime(env, rt.startedTick), finishedAt: tickTime(env, env.now), containerID: rt.containerID };
  rt.phase = 'exited';
  rt.ready = false;
  rt.restartPending = false;
  rt.due = -1;
}
