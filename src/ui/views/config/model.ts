import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Objects } from '../../state/mirror';
import type { KubeObject } from '../../../sim/objects';
import type { Translate } from '../cluster/drawNodes';
import { podDisplayStatus } from '../model/podStatus';
import { naturalCompare } from '../cluster/layout';
import { isSystemNamespace } from '../model/nsColor';
import type { ColumnItem, ColumnLink, ColumnScene } from '../storage/columns';

export const CONFIG_RESOURCES = { configMaps: 'configmaps', secrets: 'secrets', pods: 'pods' } as const;

export type SourceKind = 'ConfigMap' | 'Secret';
/** How a pod consumes a ConfigMap or Secret. */
export type UseKind = 'env' | 'envFrom' | 'volume' | 'pullSecret';

export interface ConfigUse {
  source: SourceKind;
  /** Object name (same namespace as the pod). */
  name: string;
  use: UseKind;
  /** `DB_PASSWORD←password`, a mount path, or '' */
  detail: string;
  optional: boolean;
  /** The key it reads (env valueFrom), checked for existence. */
  key?: string;
}

/** Every ConfigMap/Secret reference in a pod: env valueFrom, envFrom, volumes (incl. projected) and imagePullSecrets. */
export function podConfigUses(pod: Pod): ConfigUse[] {
  const out: ConfigUse[] = [];
  const containers: Container[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  for (const c of containers) {
    for (const e of c.env ?? []) {
      const cm = e.valueFrom?.configMapKeyRef;
      const s = e.valueFrom?.secretKeyRef;
      if (cm?.name) out.push({ source: 'ConfigMap', name: cm.name, use: 'env', detail: `${e.name}←${cm.key}`, optional: cm.optional === true, key: cm.key });
      if (s?.name) out.push({ source: 'Secret', name: s.name, use: 'env', detail: `${e.name}←${s.key}`, optional: s.optional === true, key: s.key });
    }
    for (const f of c.envFrom ?? []) {
      if (f.configMapRef?.name) out.push({ source: 'ConfigMap', name: f.configMapRef.name, use: 'envFrom', detail: f.prefix ?? '', optional: f.configMapRef.optional === true });
      if (f.secretRef?.name) out.push({ source: 'Secret', name: f.secretRef.name, use: 'envFrom', detail: f.prefix ?? '', optional: f.secretRef.optional === true });
    }
  }
  const mountPath = (volume: string) => {
    for (const c of containers) for (const m of c.volumeMounts ?? []) if (m.name === volume) return m.mountPath;
    return '';
  };
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap?.name) out.push({ source: 'ConfigMap', name: v.configMap.name, use: 'volume', detail: mountPath(v.name), optional: v.configMap.optional === true });
    if (v.secret?.secretName) out.push({ source: 'Secret', name: v.secret.secretName, use: 'volume', detail: mountPath(v.name), optional: v.secret.optional === true });
    for (const p of v.projected?.sources ?? []) {
      if (p.configMap?.name) out.push({ source: 'ConfigMap', name: p.configMap.name, use: 'volume', detail: mountPath(v.name), optional: p.configMap.optional === true });
      if (p.secret?.name) out.push({ source: 'Secret', name: p.secret.name, use: 'volume', detail: mountPath(v.name), optional: p.secret.optional === true });
    }
  }
  for (const s of pod.spec?.imagePullSecrets ?? []) if (s.name) out.push({ source: 'Secret', name: s.name, use: 'pullSecret', detail: '', optional: false });
  return out;
}

/** Who may `get` a Secret: subject labels (`User alice`, `ServiceAccount ns/name`, `Group system:masters`). */
export type ReadersOf = (namespace: string, name: string) => string[];

/** The error a pod shows for a missing (non-optional) reference, as the kubelet reports it. */
export function brokenReason(use: UseKind): string {
  return use === 'volume' ? 'FailedMount' : use === 'pullSecret' ? 'ImagePullBackOff' : 'CreateContainerConfigError';
}

/** The root CA bundle every namespace gets and every token volume projects: noise in this picture. */
const HIDDEN_CONFIGMAPS = new Set(['kube-root-ca.crt']);

const sid = (kind: string, ns: string, name: string) => `${kind}/${ns}/${name}`;

/**
 * ConfigMap/Secret → how it is used (env var, envFrom, volume file, imagePullSecret) → pods,
 * from the mirror. A reference to an object (or key) that does not exist is drawn missing with a
 * broken link and the pod's error; an optional one stays dashed, not broken.
 */
export function buildConfigScene(objects: Objects, t: Translate, readersOf?: ReadersOf): ColumnScene {
  const r = CONFIG_RESOURCES;
  const items: ColumnItem[] = [];
  const links: ColumnLink[] = [];
  const present = new Map<string, KubeObject>();
  const sources: KubeObject[] = [];
  for (const res of [r.configMaps, r.secrets]) {
    for (const o of objects[res]?.values() ?? []) {
      const ns = o.metadata.namespace ?? 'default';
      present.set(sid(o.kind, ns, o.metadata.name), o);
      if (o.kind === 'ConfigMap' && HIDDEN_CONFIGMAPS.has(o.metadata.name)) continue;
      // kube-system's own (CoreDNS's Corefile, kube-proxy's config) are not the learner's.
      if (isSystemNamespace(ns)) continue;
      sources.push(o);
    }
  }
  sources.sort((a, b) => naturalCompare(`${a.metadata.namespace}/${a.kind}/${a.metadata.name}`, `${b.metadata.namespace}/${b.kind}/${b.metadata.name}`));
  const sourceIds = new Set<string>();
  for (const o of sources) {
    const ns = o.metadata.namespace ?? 'default';
    const data = (o as { data?: Record<string, string> }).data ?? {};
    const bin = (o as { binaryData?: Record<string, string> }).binaryData ?? {};
    const keys = [...Object.keys(data), ...Object.keys(bin)];
    const isSecret = o.kind === 'Secret';
    const type = isSecret ? ((o as { type?: string }).type ?? 'Opaque') : '';
    const lines = [t('config.keys', { count: keys.length, list: keys.join(', ') || '—' })];
    const readers = isSecret && readersOf ? readersOf(ns, o.metadata.name) : undefined;
    if (readers) lines.push(t('config.readers', { list: readers.join(', ') || '—' }));
    const id = sid(o.kind, ns, o.metadata.name);
    sourceIds.add(id);
    items.push({
      id,
      column: 0,
      kind: o.kind,
      name: o.metadata.name,
      namespace: ns,
      phase: '',
      category: 'running',
      heading: `${isSecret ? `Secret · ${type}` : 'ConfigMap'}${ns === 'default' ? '' : ` · ${ns}`}`,
      ...((o as { immutable?: boolean }).immutable ? { badge: t('config.immutable') } : {}),
      lines,
      resource: isSecret ? r.secrets : r.configMaps,
      key: `${ns}/${o.metadata.name}`,
      aria: t('config.aria.source', { kind: o.kind, name: o.metadata.name, namespace: ns, keys: keys.join(', ') || '—', readers: readers ? t('config.readers', { list: readers.join(', ') || '—' }) : '' }),
      data: { keys: keys.join(' '), ...(type ? { type } : {}), ...(readers ? { readers: readers.join(', ') } : {}) },
    });
  }

  const pods = ([...(objects[r.pods]?.values() ?? [])] as (Pod & KubeObject)[]).sort((a, b) => naturalCompare(`${a.metadata.namespace}/${a.metadata.name}`, `${b.metadata.namespace}/${b.metadata.name}`));
  const useItems = new Map<string, ColumnItem & { details: Set<string>; pods: Set<string> }>();
  for (const pod of pods) {
    const ns = pod.metadata.namespace ?? 'default';
    if (isSystemNamespace(ns)) continue;
    const uses = podConfigUses(pod);
    if (!uses.length) continue;
    const podId = sid('Pod', ns, pod.metadata.name);
    const status = podDisplayStatus(pod);
    let linked = false;
    for (const u of uses) {
      const srcId = sid(u.source, ns, u.name);
      const obj = present.get(srcId);
      if (obj && u.source === 'ConfigMap' && HIDDEN_CONFIGMAPS.has(u.name)) continue;
      linked = true;
      const keyMissing = obj !== undefined && u.key !== undefined && !(u.key in ((obj as { data?: object }).data ?? {})) && !(u.key in ((obj as { binaryData?: object }).binaryData ?? {}));
      const broken = !u.optional && (!obj || keyMissing);
      if (!obj && !sourceIds.has(srcId)) {
        sourceIds.add(srcId);
        items.push({
          id: srcId,
          column: 0,
          kind: u.source,
          name: u.name,
          namespace: ns,
          phase: 'Missing',
          category: 'failed',
          heading: ns === 'default' ? u.source : `${u.source} · ${ns}`,
          lines: [t('config.missing')],
          missing: true,
          resource: u.source === 'Secret' ? r.secrets : r.configMaps,
          key: `${ns}/${u.name}`,
          aria: t('config.aria.missing', { kind: u.source, name: u.name, namespace: ns }),
        });
      }
      const useId = `use|${srcId}|${u.use}`;
      let item = useItems.get(useId);
      if (!item) {
        item = {
          id: useId,
          column: 1,
          kind: '',
          name: t(`config.use.${u.use}`),
          namespace: ns,
          phase: '',
          category: 'running',
          heading: `${u.source} ${u.name}`,
          lines: [],
          resource: 'pods',
          key: '',
          aria: '',
          data: { use: u.use, source: srcId },
          details: new Set(),
          pods: new Set(),
        };
        useItems.set(useId, item);
        items.push(item);
        links.push({ id: `${srcId}→${useId}`, from: srcId, to: useId, style: obj ? 'solid' : u.optional ? 'optional' : 'broken', title: `${u.source} ${u.name} → ${t(`config.use.${u.use}`)}` });
      }
      if (u.detail) item.details.add(keyMissing ? `${u.detail} ✕` : u.detail);
      if (broken) item.note = t('config.broken', { reason: brokenReason(u.use) });
      if (!item.pods.has(podId)) {
        item.pods.add(podId);
        links.push({
          id: `${useId}→${podId}`,
          from: useId,
          to: podId,
          style: broken ? 'broken' : u.optional && !obj ? 'optional' : 'solid',
          title: broken ? t('config.link.broken', { pod: pod.metadata.name, reason: brokenReason(u.use) }) : t('config.link.uses', { pod: pod.metadata.name, use: t(`config.use.${u.use}`) }),
        });
      }
    }
    if (!linked) continue;
    items.push({
      id: podId,
      column: 2,
      kind: 'Pod',
      name: pod.metadata.name,
      namespace: ns,
      phase: status.text,
      category: status.category,
      heading: ns === 'default' ? 'Pod' : `Pod · ${ns}`,
      lines: [status.text],
      resource: r.pods,
      key: `${ns}/${pod.metadata.name}`,
      aria: t('config.aria.pod', { name: pod.metadata.name, namespace: ns, status: status.text }),
    });
  }
  for (const item of useItems.values()) {
    item.lines = item.details.size ? [[...item.details].join(', ')] : [];
    item.aria = `${item.heading}: ${item.name}${item.lines.length ? ` (${item.lines[0]})` : ''}${item.note ? ` — ${item.note}` : ''}`;
    item.data = { ...item.data, pods: String(item.pods.size), ...(item.note ? { broken: 'true' } : {}) };
  }

  const banners: ColumnScene['banners'] = sourceIds.size === 0 ? [{ id: 'config-empty', text: t('config.empty') }] : [];
  return { columns: [t('config.col.sources'), t('config.col.uses'), t('config.col.pods')], items, links, banners };
}
