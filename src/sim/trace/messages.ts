import type { KubeObject, ObjectRef } from '../objects';
import { refOf } from '../objects';
import type { ReconcileRecord } from '../controllers/types';
import type { WatchEvent } from '../store/store';
import type { ArchMessage, ArchMessageKind, Component } from './types';
import { COREDNS_WATCHES, PROXY_WATCHES, managerWatchersOf, watchedBy } from './watchers';
import { etcdKey, restPath } from './paths';

/** What one delta carried: the shape of `Delta` without importing the cluster. */
export interface TickInput {
  tick: number;
  changes: readonly WatchEvent[];
  records: readonly ReconcileRecord[];
}

export interface TraceOptions {
  /** Include Events (written beside almost every change; off by default, they double the list). */
  events?: boolean;
  /** Prefixed to every id, so traces of several deltas can sit in one list. */
  idPrefix?: string;
}

/** A write's sender: the learner's kubectl, the scheduler, a node's kubelet, or kube-controller-manager. */
export function writerOf(controller: string): { component: Component; node?: string } {
  if (controller === 'kubectl' || controller === 'kubeadm') return { component: 'kubectl' };
  if (controller === 'default-scheduler') return { component: 'kube-scheduler' };
  if (controller.startsWith('kubelet/')) return { component: 'kubelet', node: controller.slice('kubelet/'.length) };
  return { component: 'kube-controller-manager' };
}

function isEvent(ch: WatchEvent): boolean {
  return ch.resource === 'events' || ch.resource === 'events.events.k8s.io';
}

function sameObject(ch: WatchEvent, ref: ObjectRef): boolean {
  const m = ch.object.metadata;
  return ch.object.kind === ref.kind && m.name === ref.name && (m.namespace ?? undefined) === (ref.namespace ?? undefined);
}

function label(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

interface ContainerStatusLike {
  name: string;
  restartCount?: number;
  image?: string;
  state?: { running?: unknown; waiting?: { reason?: string }; terminated?: unknown };
}

function statuses(pod: KubeObject | undefined): ContainerStatusLike[] {
  const st = (pod as { status?: { initContainerStatuses?: ContainerStatusLike[]; containerStatuses?: ContainerStatusLike[] } } | undefined)?.status;
  return [...(st?.initContainerStatuses ?? []), ...(st?.containerStatuses ?? [])];
}

function podIP(pod: KubeObject | undefined): string | undefined {
  return (pod as { status?: { podIP?: string } } | undefined)?.status?.podIP;
}

function nodeNameOf(pod: KubeObject | undefined): string | undefined {
  return (pod as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName;
}

function imageNames(node: KubeObject | undefined): Set<string> {
  const images = (node as { status?: { images?: { names?: string[] }[] } } | undefined)?.status?.images ?? [];
  const out = new Set<string>();
  for (const i of images) {
    // names hold the digest and the tag; the tag is what the pod asked for.
    const name = i.names?.find((n) => !n.includes('@')) ?? i.names?.[0];
    if (name) out.add(name);
  }
  return out;
}

const REQUEST_VERB: Record<ReconcileRecord['action'], string> = { create: 'POST', update: 'PUT', status: 'PUT', bind: 'POST', delete: 'DELETE', event: 'POST' };

/**
 * The messages one delta really carried, in the order they happened: for every write its
 * request to kube-apiserver (by kubectl, kube-controller-manager, the scheduler or a kubelet,
 * with the kubelet's CRI calls to containerd before it), kube-apiserver storing it in etcd at
 * the change's revision, and the watches that told informers about it (kube-proxy on every
 * node and CoreDNS for Services and EndpointSlices). A record with no change is a write
 * kube-apiserver answered without storing anything (nothing differed).
 *
 * Records and changes are paired in order: each successful write makes exactly one change right
 * away, Events (written straight to the store) may sit between them. O(records + changes).
 */
export function messagesOfTick(delta: TickInput, opts: TraceOptions = {}): ArchMessage[] {
  const out: ArchMessage[] = [];
  const { changes, records } = delta;
  const prefix = opts.idPrefix ?? '';
  let tick = records[0]?.tick ?? delta.tick;
  let seq = 0;

  const push = (m: Omit<ArchMessage, 'id' | 'tick' | 'seq'>) => {
    seq++;
    out.push({ id: `${prefix}${tick}.${seq}`, tick, seq, ...m });
  };

  const storeAndWatch = (ch: WatchEvent, record?: number) => {
    const ref = refOf(ch.object);
    const revision = ch.resourceVersion;
    const key = etcdKey(ch.resource, ch.object);
    const op = ch.type === 'DELETED' ? 'delete' : 'put';
    push({ from: 'kube-apiserver', to: 'etcd', kind: 'etcd', text: `${op} ${key} (revision ${revision})`, code: op === 'put' ? 'architecture.msg.etcdPut' : 'architecture.msg.etcdDelete', params: { key, revision }, ref, record });
    const base = { type: ch.type, obj: label(ref), revision };
    const kcm = managerWatchersOf(ch.resource);
    if (kcm.length) {
      const controllers = kcm.join(', ');
      push({ from: 'kube-apiserver', to: 'kube-controller-manager', kind: 'watch', text: `watch ${ch.type} ${base.obj} → ${controllers}`, code: 'architecture.msg.watch', params: { ...base, controllers }, ref, record });
    }
    if (watchedBy('default-scheduler', ch.resource)) push({ from: 'kube-apiserver', to: 'kube-scheduler', kind: 'watch', text: `watch ${ch.type} ${base.obj} → default-scheduler`, code: 'architecture.msg.watch', params: { ...base, controllers: 'default-scheduler' }, ref, record });
    // A kubelet watches only the pods bound to its node, and its own Node.
    const kubeletNode = ch.resource === 'pods' ? (nodeNameOf(ch.object) ?? nodeNameOf(ch.oldObject)) : ch.resource === 'nodes' ? ch.object.metadata.name : undefined;
    if (kubeletNode) push({ from: 'kube-apiserver', to: 'kubelet', node: kubeletNode, kind: 'watch', text: `watch ${ch.type} ${base.obj} → kubelet on ${kubeletNode}`, code: 'architecture.msg.watch', params: { ...base, controllers: `kubelet/${kubeletNode}` }, ref, record });
    if (PROXY_WATCHES.has(ch.resource)) push({ from: 'kube-apiserver', to: 'kube-proxy', kind: 'proxy-rules', text: `watch ${ch.type} ${base.obj} → kube-proxy on every node resyncs its Service rules`, code: 'architecture.msg.proxyRules', params: base, ref, record });
    if (COREDNS_WATCHES.has(ch.resource)) push({ from: 'kube-apiserver', to: 'coredns', kind: 'watch', text: `watch ${ch.type} ${base.obj} → CoreDNS`, code: 'architecture.msg.watch', params: { ...base, controllers: 'coredns' }, ref, record });
  };

  const cri = (node: string, call: string, ref: ObjectRef, record: number, extra: Record<string, string> = {}) => {
    const what = extra.image ?? extra.container ?? `${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
    push({ from: 'kubelet', to: 'containerd', node, kind: 'cri', text: `CRI ${call} ${what}`, code: 'architecture.msg.cri', params: { call, what, ...extra }, ref, record });
  };

  /** The runtime calls a kubelet made before reporting this change (inferred from the states it reports). */
  const criCalls = (node: string, ch: WatchEvent, record: number) => {
    const ref = refOf(ch.object);
    if (ch.resource === 'nodes') {
      const before = imageNames(ch.oldObject);
      for (const image of imageNames(ch.object)) if (!before.has(image)) cri(node, 'PullImage', ref, record, { image });
      return;
    }
    if (ch.resource !== 'pods') return;
    if (ch.type === 'DELETED') {
      for (const s of statuses(ch.oldObject ?? ch.object)) if (s.state?.running) cri(node, 'StopContainer', ref, record, { container: s.name });
      cri(node, 'StopPodSandbox', ref, record);
      cri(node, 'RemovePodSandbox', ref, record);
      return;
    }
    if (!podIP(ch.oldObject) && podIP(ch.object)) cri(node, 'RunPodSandbox', ref, record);
    const old = new Map(statuses(ch.oldObject).map((s) => [s.name, s]));
    for (const s of statuses(ch.object)) {
      const o = old.get(s.name);
      const reason = s.state?.waiting?.reason;
      if (reason === 'ErrImagePull' && o?.state?.waiting?.reason !== 'ErrImagePull') cri(node, 'PullImage', ref, record, { image: s.image ?? s.name, failed: 'true' });
      const restarted = (s.restartCount ?? 0) > (o?.restartCount ?? 0);
      if (s.state?.running && (!o?.state?.running || restarted)) {
        cri(node, 'CreateContainer', ref, record, { container: s.name });
        cri(node, 'StartContainer', ref, record, { container: s.name });
      }
    }
  };

  const write = (r: ReconcileRecord, index: number, ch: WatchEvent | undefined) => {
    tick = r.tick;
    const who = writerOf(r.controller);
    if (ch && who.component === 'kubelet' && who.node) criCalls(who.node, ch, index);
    const obj = ch?.object;
    const verb = r.controller === 'kubectl' && r.action === 'update' ? 'PATCH' : REQUEST_VERB[r.action];
    const suffix = r.action === 'status' ? '/status' : r.action === 'bind' ? '/binding' : '';
    const path = obj ? restPath(ch.resource, obj, r.action !== 'create') + suffix : '';
    const kind: ArchMessageKind = r.action === 'bind' ? 'binding' : 'write';
    const params: Record<string, string | number> = { verb, path, obj: label(r.target), who: r.controller };
    if (r.action === 'bind' && typeof r.params?.node === 'string') params.node = r.params.node;
    push({
      from: who.component,
      to: 'kube-apiserver',
      node: who.node,
      kind,
      text: ch ? `${r.controller}: ${verb} ${path}` : `${r.controller}: ${verb} ${label(r.target)}${suffix} (unchanged: nothing stored)`,
      code: ch ? 'architecture.msg.write' : 'architecture.msg.writeNoop',
      params,
      ref: r.target,
      record: index,
    });
    if (ch) storeAndWatch(ch, index);
  };

  const unattributed = (ch: WatchEvent) => {
    if (isEvent(ch) && !opts.events) return;
    storeAndWatch(ch);
  };

  let p = 0;
  const LOOKAHEAD = 8;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as ReconcileRecord;
    if (r.target.kind === 'Cluster') continue; // cluster settings: no object, no etcd write
    for (;;) {
      while (p < changes.length && isEvent(changes[p] as WatchEvent)) unattributed(changes[p++] as WatchEvent);
      const ch = changes[p];
      if (!ch || sameObject(ch, r.target)) break;
      // A change no nearby record explains was written around the API (not by a recorded client).
      let explained = false;
      for (let k = i + 1; k < records.length && k <= i + LOOKAHEAD; k++) if (sameObject(ch, (records[k] as ReconcileRecord).target)) explained = true;
      if (explained) break;
      unattributed(ch);
      p++;
    }
    const ch = changes[p];
    if (ch && sameObject(ch, r.target)) {
      p++;
      write(r, i, ch);
    } else write(r, i, undefined);
  }
  while (p < changes.length) unattributed(changes[p++] as WatchEvent);
  return out;
}
