import type { Container, ContainerPort, Pod, PodSpec, Probe, Toleration, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject, Mutable } from '../../objects';
import type { KindStrategy } from './strategy';
import { validatePod, validatePodUpdate } from '../validation/pod';
import { admitPodServiceAccount } from './serviceaccount';
import { milliUnits } from '../../quantity';

type MContainer = Mutable<Container>;
type MSpec = Mutable<PodSpec>;

/** Always for `:latest` or an untagged image, IfNotPresent otherwise (SetDefaults_Container). */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon < 0 ? '' : image.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  const m = p as Mutable<Probe>;
  m.timeoutSeconds ??= 1;
  m.periodSeconds ??= 10;
  m.successThreshold ??= 1;
  m.failureThreshold ??= 3;
  if (m.httpGet) (m.httpGet as { scheme?: string }).scheme ??= 'HTTP';
}

function defaultContainer(c: MContainer): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  // A limit without a request means the request equals the limit.
  const res = c.resources as { limits?: Record<string, string>; requests?: Record<string, string> };
  if (res.limits && Object.keys(res.limits).length) {
    res.requests = { ...res.limits, ...res.requests };
  }
  for (const p of c.ports ?? []) (p as Mutable<ContainerPort>).protocol ??= 'TCP';
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.fieldRef as { apiVersion?: string } | undefined;
    if (ref) ref.apiVersion ??= 'v1';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

function defaultVolume(v: Volume): void {
  const m = v as Mutable<Volume>;
  if (m.secret) (m.secret as { defaultMode?: number }).defaultMode ??= 420;
  if (m.configMap) (m.configMap as { defaultMode?: number }).defaultMode ??= 420;
  if (m.projected) (m.projected as { defaultMode?: number }).defaultMode ??= 420;
  if (m.hostPath) (m.hostPath as { type?: string }).type ??= '';
}

/** kube-apiserver's default for --default-not-ready/unreachable-toleration-seconds. */
export const DEFAULT_TOLERATION_SECONDS = 300;

/** What the DefaultTolerationSeconds admission plugin adds to every pod. */
const defaultTolerationList = (seconds: number): Toleration[] => [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds },
];

function defaultTolerations(spec: MSpec, seconds: number): void {
  const list = [...(spec.tolerations ?? [])];
  for (const d of defaultTolerationList(seconds)) {
    const covered = list.some((t) => (t.key === d.key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === d.effect));
    if (!covered) list.push({ ...d });
  }
  spec.tolerations = list;
}

/** Guaranteed, Burstable or BestEffort from cpu/memory requests and limits (GetPodQOS). */
export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = (c.resources?.requests ?? {}) as Record<string, unknown>;
    const lim = (c.resources?.limits ?? {}) as Record<string, unknown>;
    for (const r of ['cpu', 'memory']) {
      const q = milliUnits(req[r]);
      const l = milliUnits(lim[r]);
      if ((q ?? 0) > 0 || (l ?? 0) > 0) any = true;
      if (l === undefined || q === undefined || q !== l) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** SetDefaults_Pod / PodSpec / Container plus what admission adds (service account, tolerations, priority). */
export function defaultPod(obj: KubeObject, tolerationSeconds = DEFAULT_TOLERATION_SECONDS): void {
  const spec = (obj.spec ??= {}) as MSpec;
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  for (const c of spec.containers ?? []) defaultContainer(c as MContainer);
  for (const c of spec.initContainers ?? []) defaultContainer(c as MContainer);
  for (const v of spec.volumes ?? []) defaultVolume(v);
  defaultTolerations(spec, tolerationSeconds);
  if (!obj.status) obj.status = { phase: 'Pending', qosClass: qosClass(spec) } satisfies Pod['status'];
}

export const podStrategy: KindStrategy = {
  prepareForCreate: (obj) => {
    delete obj.status;
  },
  defaults: (obj, ctx) => defaultPod(obj, ctx.defaultTolerationSeconds),
  validate: (obj) => validatePod(obj),
  validateUpdate: (obj, old) => [...validatePod(obj), ...validatePodUpdate(obj, old)],
  admit: (obj, old, ctx) => (old ? undefined : admitPodServiceAccount(obj, ctx)),
  hasStatusSubresource: true,
};
