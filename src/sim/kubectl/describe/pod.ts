import type { Container, ContainerState, ContainerStatus, Volume } from 'kubernetes-types/core/v1';
import type { Cluster } from '../../cluster';
import type { PodObject } from '../printers/pod';
import { rfc1123z } from '../duration';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels, writeTolerations } from './common';

function ports(c: Container, host: boolean): string {
  return (c.ports ?? []).map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
}

function writeState(w: DescribeWriter, title: string, s: ContainerState | undefined): void {
  if (s?.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(s.running.startedAt)}\n`);
  } else if (s?.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (s.waiting.reason) w.write(3, `Reason:\t${s.waiting.reason}\n`);
    if (s.waiting.message) w.write(3, `Message:\t${s.waiting.message}\n`);
  } else if (s?.terminated) {
    const t = s.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else w.write(2, `${title}:\tWaiting\n`);
}

function writeResources(w: DescribeWriter, title: string, list: Record<string, string> | undefined): void {
  const keys = Object.keys(list ?? {}).sort();
  if (!keys.length) return;
  w.write(2, `${title}:\n`);
  for (const k of keys) w.write(3, `${k}:\t${(list as Record<string, string>)[k]}\n`);
}

function writeContainer(w: DescribeWriter, c: Container, s: ContainerStatus | undefined): void {
  w.write(1, `${c.name}:\n`);
  if (s?.containerID) w.write(2, `Container ID:\t${s.containerID}\n`);
  w.write(2, `Image:\t${c.image ?? ''}\n`);
  if (s) w.write(2, `Image ID:\t${s.imageID ?? ''}\n`);
  const p = ports(c, false);
  w.write(2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${p || '<none>'}\n`);
  const hp = ports(c, true);
  w.write(2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${hp || '<none>'}\n`);
  if (c.command?.length) {
    w.write(2, 'Command:\n');
    for (const x of c.command) w.write(3, `${x}\n`);
  }
  if (c.args?.length) {
    w.write(2, 'Args:\n');
    for (const x of c.args) w.write(3, `${x}\n`);
  }
  writeState(w, 'State', s?.state);
  if (s?.lastState?.running || s?.lastState?.waiting || s?.lastState?.terminated) writeState(w, 'Last State', s.lastState);
  w.write(2, `Ready:\t${s?.ready ? 'True' : 'False'}\n`);
  w.write(2, `Restart Count:\t${s?.restartCount ?? 0}\n`);
  writeResources(w, 'Limits', c.resources?.limits as Record<string, string> | undefined);
  writeResources(w, 'Requests', c.resources?.requests as Record<string, string> | undefined);
  const env = c.env ?? [];
  if (!env.length && !c.envFrom?.length) w.write(2, 'Environment:\t<none>\n');
  else {
    w.write(2, 'Environment:\n');
    for (const e of env) {
      if (e.value !== undefined || !e.valueFrom) w.write(3, `${e.name}:\t${e.value ?? ''}\n`);
      else if (e.valueFrom.secretKeyRef) w.write(3, `${e.name}:\t<set to the key '${e.valueFrom.secretKeyRef.key}' in secret '${e.valueFrom.secretKeyRef.name}'>\tOptional: ${e.valueFrom.secretKeyRef.optional ? 'true' : 'false'}\n`);
      else if (e.valueFrom.configMapKeyRef) w.write(3, `${e.name}:\t<set to the key '${e.valueFrom.configMapKeyRef.key}' of config map '${e.valueFrom.configMapKeyRef.name}'>\tOptional: ${e.valueFrom.configMapKeyRef.optional ? 'true' : 'false'}\n`);
      else if (e.valueFrom.fieldRef) w.write(3, `${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? 'v1'}:${e.valueFrom.fieldRef.fieldPath})\n`);
      else w.write(3, `${e.name}:\t\n`);
    }
  }
  const mounts = c.volumeMounts ?? [];
  if (!mounts.length) w.write(2, 'Mounts:\t<none>\n');
  else {
    w.write(2, 'Mounts:\n');
    for (const m of [...mounts].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1)))
      w.write(3, `${m.mountPath}${m.subPath ? ` from ${m.name} (${m.readOnly ? 'ro' : 'rw'},path="${m.subPath}")` : ` from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`}\n`);
  }
}

function writeVolume(w: DescribeWriter, v: Volume): void {
  w.write(1, `${v.name}:\n`);
  if (v.emptyDir) {
    w.write(2, 'Type:\tEmptyDir (a temporary directory that shares a pod\'s lifetime)\n');
    w.write(2, `Medium:\t${v.emptyDir.medium ?? ''}\n`);
    w.write(2, `SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`);
  } else if (v.hostPath) {
    w.write(2, 'Type:\tHostPath (bare host directory volume)\n');
    w.write(2, `Path:\t${v.hostPath.path}\n`);
    w.write(2, `HostPathType:\t${v.hostPath.type ?? ''}\n`);
  } else if (v.configMap) {
    w.write(2, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n');
    w.write(2, `Name:\t${v.configMap.name ?? ''}\n`);
    w.write(2, `Optional:\t${v.configMap.optional ? 'true' : 'false'}\n`);
  } else if (v.secret) {
    w.write(2, 'Type:\tSecret (a volume populated by a Secret)\n');
    w.write(2, `SecretName:\t${v.secret.secretName ?? ''}\n`);
    w.write(2, `Optional:\t${v.secret.optional ? 'true' : 'false'}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n');
    w.write(2, `ClaimName:\t${v.persistentVolumeClaim.claimName}\n`);
    w.write(2, `ReadOnly:\t${v.persistentVolumeClaim.readOnly ? 'true' : 'false'}\n`);
  } else if (v.projected) {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    const srcs = v.projected.sources ?? [];
    const token = srcs.find((s) => s.serviceAccountToken)?.serviceAccountToken;
    if (token) w.write(2, `TokenExpirationSeconds:\t${token.expirationSeconds ?? 3607}\n`);
    const cm = srcs.find((s) => s.configMap)?.configMap;
    if (cm) {
      w.write(2, `ConfigMapName:\t${cm.name ?? ''}\n`);
      w.write(2, `Optional:\t${cm.optional ? 'true' : 'false'}\n`);
    }
    if (srcs.some((s) => s.downwardAPI)) w.write(2, 'DownwardAPI:\ttrue\n');
  } else w.write(2, 'Type:\t<unknown>\n');
}

/** Kubernetes' QoS rules, for pods whose status does not carry qosClass yet. */
function qosClass(pod: PodObject): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const cs = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of cs) {
    const req = (c.resources?.requests ?? {}) as Record<string, string>;
    const lim = (c.resources?.limits ?? {}) as Record<string, string>;
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      if (!l || (req[r] !== undefined && req[r] !== l)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** `kubectl describe pod`, laid out as kubectl's PodDescriber does. */
export function describePod(cluster: Cluster, pod: PodObject): string {
  const w = new DescribeWriter();
  const spec = pod.spec ?? { containers: [] };
  const st = pod.status ?? {};
  const now = cluster.clock.nowMillis();
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  w.write(0, `Service Account:\t${spec.serviceAccountName ?? ''}\n`);
  w.write(0, `Node:\t${spec.nodeName ? `${spec.nodeName}/${st.hostIP ?? ''}` : '<none>'}\n`);
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  writeLabels(w, 'Labels', pod.metadata.labels);
  writeAnnotations(w, pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp) {
    const left = Math.max(0, Math.floor((Date.parse(pod.metadata.deletionTimestamp) - now) / 1000));
    w.write(0, `Status:\tTerminating (lasts ${left}s)\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${st.phase ?? 'Pending'}\n`);
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(0, `Message:\t${st.message.trim()}\n`);
  w.write(0, `IP:\t${st.podIP ?? ''}\n`);
  if (!st.podIPs?.length) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of st.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (st.nominatedNodeName) w.write(0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
  if (spec.initContainers?.length) {
    w.write(0, 'Init Containers:\n');
    for (const c of spec.initContainers) writeContainer(w, c, st.initContainerStatuses?.find((s) => s.name === c.name));
  }
  w.write(0, 'Containers:\n');
  for (const c of spec.containers) writeContainer(w, c, st.containerStatuses?.find((s) => s.name === c.name));
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  if (!spec.volumes?.length) w.write(0, 'Volumes:\t<none>\n');
  else {
    w.write(0, 'Volumes:\n');
    for (const v of spec.volumes) writeVolume(w, v);
  }
  w.write(0, `QoS Class:\t${qosClass(pod)}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, 'Tolerations', spec.tolerations);
  writeEvents(w, eventsFor(cluster, pod), now);
  return w.text;
}
