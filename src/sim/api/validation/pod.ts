import type { Container, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects';
import { jsonEqual } from '../../objects';
import type { FieldError } from '../status';
import { dns1123Label, dns1123Subdomain } from './names';
import { milliUnits } from '../../quantity';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function validatePort(errs: FieldError[], field: string, value: unknown, required: boolean): void {
  if (value === undefined || value === 0) {
    if (required) errs.push({ type: 'Required', field });
    return;
  }
  if (typeof value === 'number' && (value < 1 || value > 65535))
    errs.push({ type: 'Invalid', field, value, detail: 'must be between 1 and 65535, inclusive' });
}

function validateResources(errs: FieldError[], c: Container, path: string): void {
  const limits = (c.resources?.limits ?? {}) as Record<string, unknown>;
  const requests = (c.resources?.requests ?? {}) as Record<string, unknown>;
  for (const [kind, map] of [['limits', limits], ['requests', requests]] as const) {
    for (const [name, q] of Object.entries(map)) {
      const v = milliUnits(q);
      if (v !== undefined && v < 0) errs.push({ type: 'Invalid', field: `${path}.resources.${kind}[${name}]`, value: String(q), detail: 'must be greater than or equal to 0' });
    }
  }
  for (const [name, q] of Object.entries(requests)) {
    const req = milliUnits(q);
    const lim = milliUnits(limits[name]);
    if (req !== undefined && lim !== undefined && req > lim)
      errs.push({ type: 'Invalid', field: `${path}.resources.requests`, value: String(q), detail: `must be less than or equal to ${name} limit of ${String(limits[name])}` });
  }
}

function validateContainers(errs: FieldError[], list: Container[] | undefined, path: string, volumes: Set<string>, seen: Set<string>): void {
  (list ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!c.name) errs.push({ type: 'Required', field: `${p}.name` });
    else {
      errs.push(...dns1123Label(`${p}.name`, c.name));
      if (seen.has(c.name)) errs.push({ type: 'Duplicate', field: `${p}.name`, value: c.name });
      seen.add(c.name);
    }
    if (!c.image) errs.push({ type: 'Required', field: `${p}.image` });
    if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy))
      errs.push({ type: 'NotSupported', field: `${p}.imagePullPolicy`, value: c.imagePullPolicy, supported: PULL_POLICIES });
    const portNames = new Set<string>();
    (c.ports ?? []).forEach((port, j) => {
      const pp = `${p}.ports[${j}]`;
      validatePort(errs, `${pp}.containerPort`, port.containerPort, true);
      validatePort(errs, `${pp}.hostPort`, port.hostPort, false);
      if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol))
        errs.push({ type: 'NotSupported', field: `${pp}.protocol`, value: port.protocol, supported: PROTOCOLS });
      if (port.name) {
        if (portNames.has(port.name)) errs.push({ type: 'Duplicate', field: `${pp}.name`, value: port.name });
        portNames.add(port.name);
      }
    });
    (c.volumeMounts ?? []).forEach((m, j) => {
      const mp = `${p}.volumeMounts[${j}]`;
      if (!m.name) errs.push({ type: 'Required', field: `${mp}.name` });
      else if (!volumes.has(m.name)) errs.push({ type: 'NotFound', field: `${mp}.name`, value: m.name });
      if (!m.mountPath) errs.push({ type: 'Required', field: `${mp}.mountPath` });
    });
    validateResources(errs, c, p);
  });
}

/** ValidatePodCreate's spec checks that learners meet, with kube-apiserver's field paths and words. */
export function validatePod(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = (obj.spec ?? {}) as PodSpec;
  const volumes = new Set<string>();
  (spec.volumes ?? []).forEach((v, i) => {
    const f = `spec.volumes[${i}].name`;
    if (!v.name) errs.push({ type: 'Required', field: f });
    else {
      errs.push(...dns1123Label(f, v.name));
      if (volumes.has(v.name)) errs.push({ type: 'Duplicate', field: f, value: v.name });
      volumes.add(v.name);
    }
  });
  if (!spec.containers || spec.containers.length === 0) errs.push({ type: 'Required', field: 'spec.containers' });
  const names = new Set<string>();
  validateContainers(errs, spec.containers, 'spec.containers', volumes, names);
  validateContainers(errs, spec.initContainers, 'spec.initContainers', volumes, names);
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy))
    errs.push({ type: 'NotSupported', field: 'spec.restartPolicy', value: spec.restartPolicy, supported: RESTART_POLICIES });
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy))
    errs.push({ type: 'NotSupported', field: 'spec.dnsPolicy', value: spec.dnsPolicy, supported: DNS_POLICIES });
  if (spec.nodeName) errs.push(...dns1123Subdomain('spec.nodeName', spec.nodeName));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0)
    errs.push({ type: 'Invalid', field: 'spec.activeDeadlineSeconds', value: spec.activeDeadlineSeconds, detail: 'must be between 1 and 2147483647, inclusive' });
  return errs;
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return a.key === b.key && a.operator === b.operator && a.value === b.value && a.effect === b.effect;
}

/**
 * ValidatePodUpdate: a pod's spec is fixed once created, except images, activeDeadlineSeconds,
 * added tolerations and terminationGracePeriodSeconds. Everything else is `spec: Forbidden`.
 */
export function validatePodUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const next = structuredClone(obj.spec ?? {}) as { -readonly [K in keyof PodSpec]: PodSpec[K] };
  const prev = (old.spec ?? {}) as PodSpec;
  const copyImages = (mine: Container[] | undefined, theirs: Container[] | undefined) => {
    (mine ?? []).forEach((c, i) => {
      const o = theirs?.[i];
      if (o) (c as { image?: string }).image = o.image;
    });
  };
  copyImages(next.containers, prev.containers);
  copyImages(next.initContainers, prev.initContainers);
  next.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  next.terminationGracePeriodSeconds = prev.terminationGracePeriodSeconds;
  // Tolerations may only grow: every old one must still be there.
  const oldTol = prev.tolerations ?? [];
  const keepsOld = oldTol.every((t) => (next.tolerations ?? []).some((n) => sameToleration(n, t)));
  if (keepsOld) next.tolerations = prev.tolerations;
  if (!next.activeDeadlineSeconds) delete next.activeDeadlineSeconds;
  if (next.terminationGracePeriodSeconds === undefined) delete next.terminationGracePeriodSeconds;
  if (next.tolerations === undefined) delete next.tolerations;
  // Field order in a manifest does not count as a change.
  if (jsonEqual(next, prev)) return [];
  return [{ type: 'Forbidden', field: 'spec', detail: POD_UPDATE_FORBIDDEN }];
}
