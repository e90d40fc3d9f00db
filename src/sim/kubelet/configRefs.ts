import type { ConfigMap, Container, EnvVar, ObjectFieldSelector, ResourceFieldSelector, Secret, Volume } from 'kubernetes-types/core/v1';
import type { Store } from '../store/store';
import type { NodeObject, PodObject } from '../scheduler/types';
import { decodeBase64, utf8Text } from '../api/base64';
import { parseQuantity } from '../quantity';

/**
 * What the kubelet reads from ConfigMaps and Secrets (and the pod itself) when it builds a
 * container: environment variables (env valueFrom, envFrom, the downward API) and the files of
 * configMap / secret / projected / downwardAPI volumes. Pure reads of the store; the kubelet
 * decides what a missing reference does (CreateContainerConfigError, FailedMount).
 */
export type ObjectGetter = Pick<Store, 'get'>;

export interface ResolvedEnv {
  name: string;
  value: string;
}

export interface ConfigProblem {
  /** The kubelet's own words: `configmap "x" not found`, `couldn't find key y in ConfigMap default/x`. */
  message: string;
  /** Store keys (`configmaps/ns/name`) whose change may resolve it. */
  waitsFor: string[];
}

export interface MountedFile {
  /** Absolute path inside the container. */
  path: string;
  content: string;
  /** File mode bits (0644 = 420). */
  mode: number;
}

const nsOf = (pod: PodObject) => pod.metadata.namespace ?? 'default';
const refKey = (kind: 'configmaps' | 'secrets', ns: string, name: string) => `${kind}/${ns}/${name}`;

/** A ConfigMap's or Secret's keys as text (Secret data and binaryData are base64). */
function dataOf(store: ObjectGetter, kind: 'configmaps' | 'secrets', ns: string, name: string): Map<string, string> | undefined {
  if (kind === 'configmaps') {
    const cm = store.get('configmaps', ns, name) as (ConfigMap & { metadata: object }) | undefined;
    if (!cm) return undefined;
    const out = new Map(Object.entries(cm.data ?? {}));
    for (const [k, v] of Object.entries(cm.binaryData ?? {})) out.set(k, b64Text(v));
    return out;
  }
  const s = store.get('secrets', ns, name) as (Secret & { metadata: object }) | undefined;
  if (!s) return undefined;
  return new Map(Object.entries(s.data ?? {}).map(([k, v]) => [k, b64Text(v)]));
}

function b64Text(v: string): string {
  const r = decodeBase64(v);
  return r.ok ? utf8Text(r.bytes) : '';
}

const KIND_WORD = { configmaps: 'configmap', secrets: 'secret' } as const;
const KIND_TITLE = { configmaps: 'ConfigMap', secrets: 'Secret' } as const;

/** The classic environment variable name check (C identifier) the kubelet applies to envFrom keys. */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** A downward API field of the pod (env fieldRef and downwardAPI volume items). */
export function podField(pod: PodObject, ref: ObjectFieldSelector): string {
  const path = ref.fieldPath;
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return ((m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations) ?? {})[m[2] as string] ?? '';
  const kv = (o: Record<string, string> | undefined) =>
    Object.keys(o ?? {})
      .sort()
      .map((k) => `${k}=${JSON.stringify((o ?? {})[k])}`)
      .join('\n');
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return nsOf(pod);
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'metadata.labels':
      return kv(pod.metadata.labels);
    case 'metadata.annotations':
      return kv(pod.metadata.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((x) => x.ip).join(',');
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((x) => x.ip).join(',');
    default:
      return '';
  }
}

/**
 * resourceFieldRef: a container's request or limit in units of `divisor` (default 1), rounded
 * up; a limit the container does not set is the node's allocatable, as the kubelet reports it.
 */
export function resourceField(pod: PodObject, container: Container, ref: ResourceFieldSelector, node?: NodeObject): string {
  const target = ref.containerName ? ([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === ref.containerName) ?? container) : container;
  const [kind, resource] = ref.resource.split('.', 2) as [string, string];
  const res = target.resources as { limits?: Record<string, string>; requests?: Record<string, string> } | undefined;
  const allocatable = (node?.status?.allocatable ?? {}) as Record<string, string>;
  // Defaulting copied limits into unset requests; an unset limit is the node's allocatable.
  const raw = kind === 'limits' ? (res?.limits?.[resource] ?? allocatable[resource]) : (res?.requests?.[resource] ?? '0');
  const value = parseQuantity(raw) ?? 0;
  const divisor = parseQuantity(ref.divisor ?? '1') || 1;
  return String(Math.ceil(Math.round((value / divisor) * 1e6) / 1e6));
}

/** `$(VAR)` expansion of env values against the variables defined before, `$$` escaping (kubelet's expansion package). */
export function expand(value: string, vars: Map<string, string>): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '$' && value[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (ch === '$' && value[i + 1] === '(') {
      const close = value.indexOf(')', i + 2);
      if (close > 0) {
        const name = value.slice(i + 2, close);
        const v = vars.get(name);
        out += v ?? `$(${name})`;
        i = close;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

interface EnvBuild {
  env: ResolvedEnv[];
  problem?: ConfigProblem;
  /** `InvalidEnvironmentVariableNames` events: envFrom keys that are not variable names. */
  skipped: string[];
}

/** kubelet's makeEnvironmentVariables: envFrom first, then env (later names win), `$(VAR)` expanded. */
export function buildEnv(pod: PodObject, container: Container, store: ObjectGetter, node?: NodeObject): EnvBuild {
  const ns = nsOf(pod);
  const vars = new Map<string, string>();
  const skipped: string[] = [];
  for (const from of container.envFrom ?? []) {
    const src = from.configMapRef ? { kind: 'configmaps' as const, ref: from.configMapRef } : from.secretRef ? { kind: 'secrets' as const, ref: from.secretRef } : undefined;
    if (!src) continue;
    const name = src.ref.name ?? '';
    const data = dataOf(store, src.kind, ns, name);
    if (!data) {
      if (src.ref.optional) continue;
      return { env: [], skipped, problem: { message: `${KIND_WORD[src.kind]} "${name}" not found`, waitsFor: [refKey(src.kind, ns, name)] } };
    }
    const invalid: string[] = [];
    for (const k of [...data.keys()].sort()) {
      const key = (from.prefix ?? '') + k;
      if (!ENV_NAME.test(key)) invalid.push(key);
      else vars.set(key, data.get(k) as string);
    }
    if (invalid.length)
      skipped.push(`Keys [${invalid.join(', ')}] from the EnvFrom ${KIND_WORD[src.kind]} ${ns}/${name} were skipped since they are considered invalid environment variable names.`);
  }
  for (const e of container.env ?? []) {
    const v = envValue(pod, container, e, store, node, vars);
    if (v.problem) return { env: [], skipped, problem: v.problem };
    if (v.value !== undefined) {
      vars.delete(e.name);
      vars.set(e.name, v.value);
    }
  }
  return { env: [...vars].map(([name, value]) => ({ name, value })), skipped };
}

function envValue(pod: PodObject, container: Container, e: EnvVar, store: ObjectGetter, node: NodeObject | undefined, vars: Map<string, string>): { value?: string; problem?: ConfigProblem } {
  const ns = nsOf(pod);
  const from = e.valueFrom;
  if (!from) return { value: expand(e.value ?? '', vars) };
  if (from.fieldRef) return { value: podField(pod, from.fieldRef) };
  if (from.resourceFieldRef) return { value: resourceField(pod, container, from.resourceFieldRef, node) };
  const src = from.configMapKeyRef ? { kind: 'configmaps' as const, ref: from.configMapKeyRef } : from.secretKeyRef ? { kind: 'secrets' as const, ref: from.secretKeyRef } : undefined;
  if (!src) return {};
  const name = src.ref.name ?? '';
  const data = dataOf(store, src.kind, ns, name);
  const waitsFor = [refKey(src.kind, ns, name)];
  if (!data) return src.ref.optional ? {} : { problem: { message: `${KIND_WORD[src.kind]} "${name}" not found`, waitsFor } };
  const value = data.get(src.ref.key);
  if (value === undefined) return src.ref.optional ? {} : { problem: { message: `couldn't find key ${src.ref.key} in ${KIND_TITLE[src.kind]} ${ns}/${name}`, waitsFor } };
  return { value };
}

/**
 * The environment a container's process sees from its pod spec (not the image's own ENV):
 * what `kubectl exec POD -- env` adds to the image's variables. Unresolvable references are
 * left out (the container would not have started with them).
 */
export function containerEnv(pod: PodObject, container: Container, store: ObjectGetter, node?: NodeObject): ResolvedEnv[] {
  return buildEnv(pod, container, store, node).env;
}

interface VolumeFiles {
  files: { rel: string; content: string; mode: number }[];
  problem?: ConfigProblem;
}

interface KeyItems {
  items?: readonly { key: string; path: string; mode?: number }[];
  optional?: boolean;
}

/** The files one configMap or secret source projects (all keys, or `items`), or why it cannot. */
function sourceFiles(store: ObjectGetter, kind: 'configmaps' | 'secrets', ns: string, name: string, src: KeyItems, mode: number): VolumeFiles {
  const data = dataOf(store, kind, ns, name);
  const waitsFor = [refKey(kind, ns, name)];
  if (!data) return src.optional ? { files: [] } : { files: [], problem: { message: `${KIND_WORD[kind]} "${name}" not found`, waitsFor } };
  if (!src.items?.length) return { files: [...data.keys()].sort().map((k) => ({ rel: k, content: data.get(k) as string, mode })) };
  const files: VolumeFiles['files'] = [];
  for (const it of src.items) {
    const content = data.get(it.key);
    if (content === undefined) {
      if (src.optional) continue;
      const message = kind === 'configmaps' ? `configmap references non-existent config key: ${it.key}` : `references non-existent secret key: ${it.key}`;
      return { files: [], problem: { message, waitsFor } };
    }
    files.push({ rel: it.path, content, mode: it.mode ?? mode });
  }
  return { files };
}

/** Every file a volume holds once mounted, or the reason MountVolume.SetUp fails. */
export function volumeFiles(pod: PodObject, volume: Volume, store: ObjectGetter, node?: NodeObject): VolumeFiles {
  const ns = nsOf(pod);
  if (volume.configMap) return sourceFiles(store, 'configmaps', ns, volume.configMap.name ?? '', volume.configMap, volume.configMap.defaultMode ?? 420);
  if (volume.secret) return sourceFiles(store, 'secrets', ns, volume.secret.secretName ?? '', volume.secret, volume.secret.defaultMode ?? 420);
  const downward = (items: NonNullable<Volume['downwardAPI']>['items'], mode: number) =>
    (items ?? []).map((it) => ({
      rel: it.path,
      content: it.fieldRef ? podField(pod, it.fieldRef) : it.resourceFieldRef ? resourceField(pod, (pod.spec?.containers ?? [])[0] as Container, it.resourceFieldRef, node) : '',
      mode: it.mode ?? mode,
    }));
  if (volume.downwardAPI) return { files: downward(volume.downwardAPI.items, volume.downwardAPI.defaultMode ?? 420) };
  if (volume.projected) {
    const mode = volume.projected.defaultMode ?? 420;
    const files: VolumeFiles['files'] = [];
    const problems: ConfigProblem[] = [];
    for (const s of volume.projected.sources ?? []) {
      const r = s.configMap
        ? sourceFiles(store, 'configmaps', ns, s.configMap.name ?? '', s.configMap, mode)
        : s.secret
          ? sourceFiles(store, 'secrets', ns, s.secret.name ?? '', s.secret, mode)
          : s.downwardAPI
            ? { files: downward(s.downwardAPI.items, mode) }
            : s.serviceAccountToken
              ? { files: [{ rel: s.serviceAccountToken.path, content: '<service account token>', mode }] }
              : { files: [] };
      files.push(...r.files);
      if (r.problem) problems.push(r.problem);
    }
    if (problems.length) {
      const message = problems.length === 1 ? (problems[0] as ConfigProblem).message : `[${problems.map((p) => p.message).join(', ')}]`;
      return { files: [], problem: { message, waitsFor: problems.flatMap((p) => p.waitsFor) } };
    }
    return { files };
  }
  return { files: [] };
}

/** The first volume the kubelet cannot set up, with the FailedMount event text. */
export function mountProblem(pod: PodObject, store: ObjectGetter): (ConfigProblem & { volume: string; event: string }) | undefined {
  for (const v of pod.spec?.volumes ?? []) {
    if (!v.configMap && !v.secret && !v.projected) continue;
    const r = volumeFiles(pod, v, store);
    if (r.problem) return { ...r.problem, volume: v.name, event: `MountVolume.SetUp failed for volume "${v.name}" : ${r.problem.message}` };
  }
  return undefined;
}

const join = (dir: string, rel: string) => `${dir.replace(/\/+$/, '')}/${rel}`;

/**
 * The files of configMap, secret, projected and downwardAPI volumes as one container sees
 * them through its volumeMounts (subPath included): what `cat /etc/config/key` prints.
 */
export function mountedFiles(pod: PodObject, container: Container, store: ObjectGetter, node?: NodeObject): MountedFile[] {
  const out: MountedFile[] = [];
  for (const m of container.volumeMounts ?? []) {
    const v = (pod.spec?.volumes ?? []).find((x) => x.name === m.name);
    if (!v) continue;
    const { files } = volumeFiles(pod, v, store, node);
    for (const f of files) {
      if (m.subPath) {
        if (f.rel === m.subPath) out.push({ path: m.mountPath, content: f.content, mode: f.mode });
        else if (f.rel.startsWith(`${m.subPath}/`)) out.push({ path: join(m.mountPath, f.rel.slice(m.subPath.length + 1)), content: f.content, mode: f.mode });
        continue;
      }
      out.push({ path: join(m.mountPath, f.rel), content: f.content, mode: f.mode });
    }
  }
  return out;
}
