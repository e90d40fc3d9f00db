import type { ClusterSettings } from '../settings';
import { DEFAULT_SETTINGS } from '../settings';
import type { KubeObject } from '../objects';
import { clone, jsonEqual } from '../objects';
import type { Store } from '../store/store';
import { StoreError } from '../store/store';
import type { LabelSelectorLike } from '../store/labels';
import { formatRFC3339, type SimClock } from '../clock';
import type { Random } from '../random';
import type { ResourceType } from './resources';
import { findByKind, storageKey, apiVersionOf } from './resources';
import type { Status, GroupKind } from './status';
import { alreadyExists, badRequest, conflict, forbidden, invalid, notFound, status } from './status';
import { STRATEGIES } from './kinds';
import type { StrategyContext } from './kinds/strategy';
import { validateObjectMeta } from './validation/meta';
import { decodeStrict } from './decode';
import { typeMismatch } from './mapping';
import { mutatingAdmission, validatingAdmission } from './admission';
import type { UserInfo } from './authz/types';
import { authorize } from './authz/rbac';
import { ForbiddenError, forbiddenStatus } from './authz/forbidden';

export type Result<T = KubeObject> = { ok: true; object: T; warnings?: string[] } | { ok: false; status: Status };

export interface WriteOptions {
  dryRun?: boolean;
  /** `Strict` (kubectl's default since 1.27) rejects unknown fields; `Ignore` drops them. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /** The sim's own controllers: their objects were decoded on the way in, so skip the schema walk. */
  trusted?: boolean;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  dryRun?: boolean;
}

/**
 * `meta` without those of `keys` that hold undefined, in the same key order. Building a copy
 * rather than deleting keeps the object in V8's fast mode (a deleted key makes it a dictionary).
 */
function withoutUndefined(meta: KubeObject['metadata'], keys: readonly (keyof KubeObject['metadata'])[]): KubeObject['metadata'] {
  if (keys.every((k) => meta[k] !== undefined)) return meta;
  const out = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(meta)) if (v !== undefined || !keys.includes(k as keyof KubeObject['metadata'])) out[k] = v;
  return out as KubeObject['metadata'];
}

function gk(t: ResourceType): GroupKind {
  return { group: t.group, kind: t.kind, plural: t.plural };
}

/**
 * The kube-apiserver of the sim: resolve the type, decode strictly, default, validate,
 * admit, store. Every writer — the editor's Apply, the console, the CLI, controllers —
 * comes through here, so every write is checked the same way.
 */
export class ApiServer {
  constructor(
    readonly store: Store,
    readonly clock: SimClock,
    readonly random: Random,
    /** kube-apiserver flags the strategies read (see StrategyContext). */
    readonly flags: { defaultTolerationSeconds?: number } = {},
    private readonly settings: () => Readonly<ClusterSettings> = () => DEFAULT_SETTINGS,
  ) {}

  /**
   * Who sends the current request when it is not the cluster's own components or the learner's
   * admin.conf (both always allowed): set for the span of one `kubectl --as=...` command.
   */
  requestUser: UserInfo | undefined;

  /** Runs `fn` with every API call in it authorized as `user` (impersonation, `auth can-i`). */
  asUser<T>(user: UserInfo | undefined, fn: () => T): T {
    const prev = this.requestUser;
    this.requestUser = user;
    try {
      return fn();
    } finally {
      this.requestUser = prev;
    }
  }

  /** The RBAC check of a request by `requestUser`: the Forbidden Status, or undefined when allowed. */
  authorizeRequest(verb: string, t: ResourceType, namespace: string | undefined, name?: string, subresource?: string): Status | undefined {
    const user = this.requestUser;
    if (!user) return undefined;
    const a = { user, verb, resourceRequest: true, apiGroup: t.group, resource: t.plural, subresource, namespace: t.namespaced ? namespace : undefined, name };
    const d = authorize(this.store, a);
    return d.allowed ? undefined : forbiddenStatus(a, d.reason);
  }

  private ctx(): StrategyContext {
    return { clock: this.clock, random: this.random, store: this.store, defaultTolerationSeconds: this.flags.defaultTolerationSeconds, settings: this.settings() };
  }

  /** Resolves apiVersion/kind to a served, simulated type, or the Status a cluster would answer. */
  resolve(obj: { apiVersion?: unknown; kind?: unknown }): { ok: true; type: ResourceType } | { ok: false; status: Status } {
    if (typeof obj.kind !== 'string' || !obj.kind) return { ok: false, status: badRequest("Object 'Kind' is missing in the request body") };
    if (typeof obj.apiVersion !== 'string' || !obj.apiVersion)
      return { ok: false, status: badRequest("Object 'apiVersion' is missing in the request body") };
    const t = findByKind(obj.apiVersion, obj.kind);
    if (!t) return { ok: false, status: typeMismatch(obj.apiVersion, obj.kind) };
    if (!t.simulated)
      return {
        ok: false,
        status: status(
          501,
          'NotImplemented',
          `${t.kind} (${apiVersionOf(t)}) is served by Kubernetes but not simulated by Kube Orchestra yet`,
          { kind: t.plural, group: t.group || undefined },
        ),
      };
    return { ok: true, type: t };
  }

  get(t: ResourceType, namespace: string | undefined, name: string): Result {
    const denied = this.authorizeRequest('get', t, namespace, name);
    if (denied) return { ok: false, status: denied };
    const o = this.store.get(storageKey(t), t.namespaced ? namespace : undefined, name);
    return o ? { ok: true, object: o } : { ok: false, status: notFound(gk(t), name) };
  }

  /** Throws ForbiddenError when `requestUser` may not list (callers under `asUser` catch it). */
  list(t: ResourceType, namespace?: string, labelSelector?: LabelSelectorLike): KubeObject[] {
    const denied = this.authorizeRequest('list', t, namespace);
    if (denied) throw new ForbiddenError(denied);
    return this.store.list(storageKey(t), { namespace: t.namespaced ? namespace : undefined, labelSelector });
  }

  create(input: KubeObject, opts: WriteOptions = {}): Result {
    const res = this.resolve(input);
    if (!res.ok) return res;
    const t = res.type;
    const deniedCreate = this.authorizeRequest('create', t, input.metadata?.namespace || 'default', undefined);
    if (deniedCreate) return { ok: false, status: deniedCreate };
    const decoded = decodeStrict(t, input, opts.fieldValidation ?? 'Strict', { trusted: opts.trusted });
    if (!decoded.ok) return decoded;
    const obj = clone(decoded.object);
    const meta = obj.metadata ?? ({} as KubeObject['metadata']);
    obj.metadata = meta;
    if (t.namespaced) meta.namespace = meta.namespace || 'default';
    else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.random.nameSuffix();
    if (!meta.name)
      return {
        ok: false,
        status: invalid(gk(t), '', [{ type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' }]),
      };
    const nsCheck = this.checkNamespace(t, meta.namespace, meta.name);
    if (nsCheck) return { ok: false, status: nsCheck };

    meta.uid = this.random.uid();
    meta.creationTimestamp = this.clock.nowRFC3339();
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    if (t.subresources?.includes('status') || obj.spec !== undefined) meta.generation = 1;
    const strategy = STRATEGIES[storageKey(t)];
    strategy?.prepareForCreate?.(obj, this.ctx());
    strategy?.defaults?.(obj, this.ctx());
    mutatingAdmission(t, obj, undefined, this.store);
    const errs = [...validateObjectMeta(obj, t), ...(strategy?.validate?.(obj, this.ctx()) ?? [])];
    if (errs.length) return { ok: false, status: invalid(gk(t), meta.name, errs) };
    const denied = strategy?.admit?.(obj, undefined, this.ctx());
    if (denied) return { ok: false, status: denied };
    const policyDenied = validatingAdmission(t, obj, undefined, this.store);
    if (policyDenied) return { ok: false, status: policyDenied };
    if (opts.dryRun) return { ok: true, object: obj, warnings: decoded.warnings };
    try {
      return { ok: true, object: this.store.create(storageKey(t), obj), warnings: decoded.warnings };
    } catch (e) {
      if (e instanceof StoreError && e.reason === 'AlreadyExists') return { ok: false, status: alreadyExists(gk(t), meta.name) };
      throw e;
    }
  }

  /**
   * PUT. With `subresource: 'status'` only status changes; otherwise status is kept from the
   * stored object for kinds that have a status subresource, as kube-apiserver does.
   */
  update(input: KubeObject, opts: WriteOptions & { subresource?: 'status' } = {}): Result {
    const res = this.resolve(input);
    if (!res.ok) return res;
    const t = res.type;
    const deniedUpdate = this.authorizeRequest('update', t, input.metadata?.namespace || 'default', input.metadata?.name, opts.subresource);
    if (deniedUpdate) return { ok: false, status: deniedUpdate };
    const decoded = decodeStrict(t, input, opts.fieldValidation ?? 'Strict', { trusted: opts.trusted });
    if (!decoded.ok) return decoded;
    const ns = t.namespaced ? decoded.object.metadata?.namespace || 'default' : undefined;
    const name = decoded.object.metadata?.name;
    if (!name) return { ok: false, status: badRequest('name is required') };
    const old = this.store.get(storageKey(t), ns, name);
    if (!old) return { ok: false, status: notFound(gk(t), name) };
    const rv = decoded.object.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) return { ok: false, status: conflict(gk(t), name) };
    if (opts.subresource === 'status') {
      // A controller's status write builds a fresh object and only its status is kept: no copy needed.
      const next = { ...old, status: opts.trusted ? decoded.object.status : clone(decoded.object.status) };
      // Only status can differ here, so comparing it alone is enough (and far cheaper at scale).
      return this.commitUpdate(t, next, old, opts, undefined, jsonEqual(next.status, old.status));
    }
    const obj = clone(decoded.object);
    // Fields the server owns cannot be changed by a client.
    obj.metadata = withoutUndefined(
      {
        ...obj.metadata,
        namespace: ns,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        deletionTimestamp: old.metadata.deletionTimestamp,
        deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
      },
      ['namespace', 'deletionTimestamp', 'deletionGracePeriodSeconds'],
    );
    const strategy = STRATEGIES[storageKey(t)];
    if (strategy?.hasStatusSubresource) obj.status = old.status;
    strategy?.defaults?.(obj, this.ctx());
    const specChanged = !jsonEqual(obj.spec, old.spec);
    obj.metadata.generation = (old.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    if (old.metadata.generation === undefined && !specChanged) delete obj.metadata.generation;
    const errs = [...validateObjectMeta(obj, t), ...(strategy?.validateUpdate?.(obj, old, this.ctx()) ?? strategy?.validate?.(obj, this.ctx()) ?? [])];
    if (errs.length) return { ok: false, status: invalid(gk(t), name, errs) };
    const denied = strategy?.admit?.(obj, old, this.ctx());
    if (denied) return { ok: false, status: denied };
    const policyDenied = validatingAdmission(t, obj, old, this.store);
    if (policyDenied) return { ok: false, status: policyDenied };
    // Finalizers emptied on an object being deleted: the deletion completes now.
    // A Namespace also waits on spec.finalizers (the namespace controller's `kubernetes`).
    const allFinalizers = (o: KubeObject) => [
      ...(o.metadata.finalizers ?? []),
      ...(t.kind === 'Namespace' ? ((o.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []) : []),
    ];
    if (old.metadata.deletionTimestamp && !allFinalizers(obj).length && allFinalizers(old).length) {
      if (opts.dryRun) return { ok: true, object: obj };
      return { ok: true, object: this.store.delete(storageKey(t), ns, name) };
    }
    return this.commitUpdate(t, obj, old, opts, decoded.warnings);
  }

  private commitUpdate(t: ResourceType, obj: KubeObject, old: KubeObject, opts: WriteOptions, warnings?: string[], knownSame?: boolean): Result {
    // A no-op write does not bump resourceVersion or wake anyone, like etcd's guaranteed update.
    const same =
      knownSame ??
      jsonEqual({ ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }, { ...old, metadata: { ...old.metadata, resourceVersion: undefined } });
    if (same || opts.dryRun) return { ok: true, object: same ? old : obj, warnings };
    try {
      // `update` checked that obj's resourceVersion is old's or empty, and the store answers
      // synchronously, so the store's own check cannot fail on it.
      return { ok: true, object: this.store.update(storageKey(t), obj), warnings };
    } catch (e) {
      if (e instanceof StoreError && e.reason === 'Conflict') return { ok: false, status: conflict(gk(t), obj.metadata.name) };
      throw e;
    }
  }

  /**
   * DELETE. Objects with finalizers, and pods already on a node (the kubelet must stop them
   * first, within terminationGracePeriodSeconds), get a deletionTimestamp instead of vanishing.
   */
  delete(t: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Result {
    const ns = t.namespaced ? namespace || 'default' : undefined;
    const deniedDelete = this.authorizeRequest('delete', t, ns, name);
    if (deniedDelete) return { ok: false, status: deniedDelete };
    const key = storageKey(t);
    const old = this.store.get(key, ns, name);
    if (!old) return { ok: false, status: notFound(gk(t), name) };
    if (opts.dryRun) return { ok: true, object: old };
    const finalizers = [...(old.metadata.finalizers ?? [])];
    if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    const spec = old.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
    const graceful = t.kind === 'Pod' && !!spec?.nodeName && opts.gracePeriodSeconds !== 0 && !this.podFinished(old);
    if (t.kind === 'Namespace' && !finalizers.includes('kubernetes')) finalizers.push('kubernetes');
    if (!finalizers.length && !graceful) return { ok: true, object: this.store.delete(key, ns, name) };
    if (old.metadata.deletionTimestamp) return { ok: true, object: old };
    const grace = t.kind === 'Pod' ? (opts.gracePeriodSeconds ?? spec?.terminationGracePeriodSeconds ?? 30) : 0;
    const next: KubeObject = {
      ...old,
      metadata: {
        ...old.metadata,
        finalizers: finalizers.length ? finalizers : undefined,
        deletionTimestamp: formatRFC3339(this.clock.nowMillis() + grace * 1000),
        deletionGracePeriodSeconds: grace,
      },
    };
    if (!next.metadata.finalizers) delete next.metadata.finalizers;
    if (t.kind === 'Namespace') {
      next.metadata.finalizers = old.metadata.finalizers;
      if (!next.metadata.finalizers) delete next.metadata.finalizers;
      next.status = { ...(old.status as object), phase: 'Terminating' };
      (next.spec as { finalizers?: string[] }) = { finalizers: ['kubernetes'] };
    }
    return { ok: true, object: this.store.update(key, next) };
  }

  /** The pods/binding subresource: what the scheduler posts to place a pod. */
  bind(namespace: string, name: string, nodeName: string): Result {
    const t = findByKind('v1', 'Pod') as ResourceType;
    const deniedBind = this.authorizeRequest('create', t, namespace, name, 'binding');
    if (deniedBind) return { ok: false, status: deniedBind };
    const pod = this.store.get('pods', namespace, name);
    if (!pod) return { ok: false, status: notFound(gk(t), name) };
    const spec = pod.spec as { nodeName?: string };
    if (spec.nodeName)
      return { ok: false, status: conflict(gk(t), name) };
    if (!this.store.get('nodes', undefined, nodeName)) return { ok: false, status: notFound({ group: '', kind: 'Node', plural: 'nodes' }, nodeName) };
    const next = { ...pod, spec: { ...(pod.spec as object), nodeName } };
    return { ok: true, object: this.store.update('pods', next) };
  }

  private podFinished(pod: KubeObject): boolean {
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    return phase === 'Succeeded' || phase === 'Failed';
  }

  private checkNamespace(t: ResourceType, namespace: string | undefined, name: string): Status | undefined {
    if (!t.namespaced || !namespace) return undefined;
    const ns = this.store.get('namespaces', undefined, namespace);
    if (!ns) return notFound({ group: '', kind: 'Namespace', plural: 'namespaces' }, namespace);
    if (ns.metadata.deletionTimestamp)
      return forbidden(gk(t), name, `unable to create new content in namespace ${namespace} because it is being terminated`);
    return undefined;
  }
}
