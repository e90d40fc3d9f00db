import type { KubeObject } from '../objects';
import type { ApiServer, Result } from './server';
import type { ResourceType } from './resources';
import { RESOURCE_TYPES, apiVersionOf, findByPath, groupVersions } from './resources';
import type { Status } from './status';
import { badRequest, methodNotAllowed, notFound, status } from './status';
import { parseSelector, SelectorParseError } from '../store/labels';
import type { JsonPatchOp } from './rest-patch';
import { PatchError, jsonPatch, mergePatch, strategicMergePatch } from './rest-patch';
import { jsonKind } from './decode';
import type { UserInfo } from './authz/types';
import { ForbiddenError } from './authz/forbidden';

export type Verb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestRequest {
  verb: Verb;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  contentType?: string;
  /** Who sends it (impersonation); absent means the cluster's admin, who may do anything. */
  user?: UserInfo;
}

export interface RestResponse {
  status: number;
  body: unknown;
  /** `Warning: 299 -` headers' texts (fieldValidation=Warn, ...). */
  warnings?: string[];
}

interface Target {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

const fail = (s: Status): RestResponse => ({ status: s.code, body: s });
const pageNotFound = (): RestResponse => fail(status(404, 'NotFound', 'the server could not find the requested resource'));

function discoveryResources(group: string, version: string): unknown {
  const resources: unknown[] = [];
  for (const t of RESOURCE_TYPES.filter((r) => r.group === group && r.version === version)) {
    const r: Record<string, unknown> = { name: t.plural, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs ?? [] };
    if (t.shortNames) r['shortNames'] = t.shortNames;
    resources.push(r);
    for (const sub of t.subresources ?? [])
      resources.push({ name: `${t.plural}/${sub}`, singularName: '', namespaced: t.namespaced, kind: sub === 'binding' ? 'Binding' : t.kind, verbs: sub === 'binding' ? ['create'] : ['get', 'patch', 'update'] });
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}

function discovery(path: string): RestResponse | undefined {
  if (path === '/api') return { status: 200, body: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }] } };
  if (path === '/apis') {
    const groups = groupVersions()
      .filter((g) => g.group !== '')
      .map((g) => {
        const versions = g.versions.map((v) => ({ groupVersion: `${g.group}/${v}`, version: v }));
        return { name: g.group, versions, preferredVersion: versions[0] };
      });
    return { status: 200, body: { kind: 'APIGroupList', apiVersion: 'v1', groups } };
  }
  if (path === '/api/v1') return { status: 200, body: discoveryResources('', 'v1') };
  const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (m) {
    const [, group, version] = m as unknown as [string, string, string];
    if (!RESOURCE_TYPES.some((t) => t.group === group && t.version === version)) return pageNotFound();
    return { status: 200, body: discoveryResources(group, version) };
  }
  if (/^\/apis\/[^/]+$/.exec(path)) {
    const g = groupVersions().find((x) => `/apis/${x.group}` === path);
    if (!g) return pageNotFound();
    const versions = g.versions.map((v) => ({ groupVersion: `${g.group}/${v}`, version: v }));
    return { status: 200, body: { kind: 'APIGroup', apiVersion: 'v1', name: g.group, versions, preferredVersion: versions[0] } };
  }
  return undefined;
}

/** `/api/v1/namespaces/ns/pods/x/status` → pods in ns, name x, subresource status. */
function parsePath(path: string): Target | undefined {
  const segs = path.split('/').filter(Boolean);
  let group = '';
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 3) {
    version = segs[1] as string;
    rest = segs.slice(2);
  } else if (segs[0] === 'apis' && segs.length >= 4) {
    group = segs[1] as string;
    version = segs[2] as string;
    rest = segs.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  // `namespaces/x/<plural>`, unless it is the namespace's own subresource (`namespaces/x/status`).
  if (rest[0] === 'namespaces' && rest.length >= 3 && findByPath(group, version, rest[2] as string)) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  if (!plural || extra.length) return undefined;
  const type = findByPath(group, version, plural);
  if (!type) return undefined;
  if (subresource && !(type.subresources ?? []).includes(subresource)) return undefined;
  return { type, namespace, name, subresource };
}

function fromResult(res: Result, created = false): RestResponse {
  if (!res.ok) return fail(res.status);
  const out: RestResponse = { status: created ? 201 : 200, body: res.object };
  if (res.warnings?.length) out.warnings = res.warnings;
  return out;
}

function writeOptions(q: Record<string, string>) {
  const fv = q['fieldValidation'];
  return {
    dryRun: q['dryRun'] === 'All',
    fieldValidation: fv === 'Ignore' || fv === 'Warn' || fv === 'Strict' ? fv : undefined,
  } as const;
}

function asObject(body: unknown): KubeObject | undefined {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as KubeObject) : undefined;
}

/**
 * Checks a write body against the URL the way kube-apiserver does, and fills what the URL
 * says that the body left out (apiVersion, kind, namespace).
 */
function bodyFor(t: Target, body: unknown): KubeObject | Status {
  const obj = asObject(body);
  if (!obj) return badRequest('the object provided is unrecognized (must be of type ' + t.type.kind + ')');
  const out = { ...obj, metadata: { ...(obj.metadata ?? {}) } } as KubeObject;
  out.apiVersion ||= apiVersionOf(t.type);
  out.kind ||= t.type.kind;
  if (out.apiVersion !== apiVersionOf(t.type) || out.kind !== t.type.kind)
    return badRequest(`the API version in the data (${out.apiVersion}) does not match the expected API version (${apiVersionOf(t.type)})`);
  if (t.type.namespaced && t.namespace) {
    if (out.metadata.namespace && out.metadata.namespace !== t.namespace)
      return badRequest('the namespace of the provided object does not match the namespace sent on the request');
    out.metadata.namespace = t.namespace;
  }
  if (t.name && out.metadata.name && out.metadata.name !== t.name)
    return badRequest(`the name of the object (${out.metadata.name}) does not match the name on the URL (${t.name})`);
  if (t.name) out.metadata.name = t.name;
  return out;
}

function isStatus(x: KubeObject | Status): x is Status {
  return x.kind === 'Status' && 'code' in x;
}

function list(api: ApiServer, t: Target, q: Record<string, string>): RestResponse {
  let selector;
  try {
    selector = q['labelSelector'] ? parseSelector(q['labelSelector']) : undefined;
  } catch (e) {
    if (e instanceof SelectorParseError) return fail(badRequest(`unable to parse requirement: ${e.message}`));
    throw e;
  }
  // Kinds served but not simulated list as empty: nothing of them can exist in the sim.
  let items: KubeObject[];
  try {
    items = t.type.simulated ? api.list(t.type, t.namespace, selector) : [];
  } catch (e) {
    if (e instanceof ForbiddenError) return fail(e.status);
    throw e;
  }
  return {
    status: 200,
    body: { kind: `${t.type.kind}List`, apiVersion: apiVersionOf(t.type), metadata: { resourceVersion: String(api.store.resourceVersion) }, items },
  };
}

function patch(api: ApiServer, t: Target & { name: string }, req: RestRequest, q: Record<string, string>): RestResponse {
  const current = api.get(t.type, t.namespace, t.name);
  if (!current.ok) return fail(current.status);
  const ct = (req.contentType ?? 'application/strategic-merge-patch+json').split(';')[0]?.trim();
  let next: unknown;
  try {
    if (ct === 'application/merge-patch+json') next = mergePatch(current.object, req.body);
    else if (ct === 'application/json-patch+json') {
      if (!Array.isArray(req.body)) return fail(badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch'));
      next = jsonPatch(current.object, req.body as JsonPatchOp[]);
    } else if (ct === 'application/strategic-merge-patch+json') next = strategicMergePatch(current.object, req.body);
    else return fail(status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`));
  } catch (e) {
    if (e instanceof PatchError) return fail(status(422, 'Invalid', e.message));
    throw e;
  }
  const obj = bodyFor(t, next);
  if (isStatus(obj)) return fail(obj);
  if (!asObject(req.body)?.['metadata'] || !(asObject(req.body)?.['metadata'] as { resourceVersion?: string }).resourceVersion)
    obj.metadata.resourceVersion = current.object.metadata.resourceVersion;
  return fromResult(api.update(obj, { ...writeOptions(q), subresource: t.subresource === 'status' ? 'status' : undefined }));
}

function remove(api: ApiServer, t: Target & { name: string }, req: RestRequest, q: Record<string, string>): RestResponse {
  const body = (asObject(req.body) ?? {}) as { gracePeriodSeconds?: unknown; propagationPolicy?: 'Background' | 'Foreground' | 'Orphan' };
  // A grace period that is not an integer would reach the clock as NaN and throw: answer 400 as kube-apiserver does.
  const queryGrace = q['gracePeriodSeconds'];
  if (queryGrace !== undefined && !/^-?\d+$/.test(queryGrace)) return fail(badRequest(`strconv.ParseInt: parsing ${JSON.stringify(queryGrace)}: invalid syntax`));
  const bodyGrace = body.gracePeriodSeconds;
  if (bodyGrace !== undefined && bodyGrace !== null && !Number.isInteger(bodyGrace))
    return fail(badRequest(`json: cannot unmarshal ${jsonKind(bodyGrace)} into Go struct field DeleteOptions.gracePeriodSeconds of type int64`));
  const grace = queryGrace !== undefined ? Number(queryGrace) : ((bodyGrace ?? undefined) as number | undefined);
  const policy = (q['propagationPolicy'] as typeof body.propagationPolicy) ?? body.propagationPolicy;
  const res = api.delete(t.type, t.namespace, t.name, { gracePeriodSeconds: grace, propagationPolicy: policy, dryRun: q['dryRun'] === 'All' });
  if (!res.ok) return fail(res.status);
  // Pods, and objects that wait on finalizers, answer with the object; the rest with a Success Status.
  if (t.type.kind === 'Pod' || api.get(t.type, t.namespace, t.name).ok) return { status: 200, body: res.object };
  return {
    status: 200,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: t.name, group: t.type.group || undefined, kind: t.type.plural, uid: res.object.metadata.uid } },
  };
}

/**
 * The HTTP face of the sim's API server, with Kubernetes paths: discovery (`/api`, `/apis`,
 * `/api/v1`, `/apis/apps/v1`), collections and objects (`/api/v1/namespaces/default/pods`,
 * `/api/v1/nodes/x`), subresources (`pods/x/status`, `pods/x/binding`), `?labelSelector=`,
 * `?dryRun=All`, `?fieldValidation=`, and PATCH as merge, JSON or strategic merge patch.
 *
 * Kinds that Kubernetes serves but the sim does not simulate list as empty and refuse writes
 * with 501 NotImplemented (from ApiServer.resolve); a single GET of one is 404 NotFound.
 */
export function handle(api: ApiServer, req: RestRequest): RestResponse {
  if (req.user) return api.asUser(req.user, () => handle(api, { ...req, user: undefined }));
  const q = req.query ?? {};
  const path = req.path.replace(/\/+$/, '') || '/';
  if (req.verb === 'GET') {
    const d = discovery(path);
    if (d) return d;
  }
  const t = parsePath(path);
  if (!t) return pageNotFound();
  if (!t.name) {
    if (req.verb === 'GET') return list(api, t, q);
    if (req.verb !== 'POST') return fail(methodNotAllowed(`the server does not allow this method on the requested resource`));
    const obj = bodyFor(t, req.body);
    if (isStatus(obj)) return fail(obj);
    if (t.type.namespaced && !t.namespace && !obj.metadata.namespace) return pageNotFound();
    return fromResult(api.create(obj, writeOptions(q)), true);
  }
  const named = t as Target & { name: string };
  if (!t.type.simulated && req.verb === 'GET') return fail(notFound(t.type, t.name));
  if (!t.type.simulated) {
    const r = api.resolve({ apiVersion: apiVersionOf(t.type), kind: t.type.kind });
    if (!r.ok) return fail(r.status);
  }
  if (t.subresource === 'binding') {
    if (req.verb !== 'POST') return fail(methodNotAllowed('the server does not allow this method on the requested resource'));
    const target = (asObject(req.body)?.['target'] ?? {}) as { name?: string };
    if (!target.name) return fail(badRequest('Binding target is required'));
    const res = api.bind(t.namespace ?? 'default', t.name, target.name);
    if (!res.ok) return fail(res.status);
    return { status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
  }
  switch (req.verb) {
    case 'GET':
      return fromResult(api.get(t.type, t.namespace, t.name));
    case 'PUT': {
      const obj = bodyFor(t, req.body);
      if (isStatus(obj)) return fail(obj);
      return fromResult(api.update(obj, { ...writeOptions(q), subresource: t.subresource === 'status' ? 'status' : undefined }));
    }
    case 'PATCH':
      return patch(api, named, req, q);
    case 'DELETE':
      return remove(api, named, req, q);
    default:
      return fail(methodNotAllowed('the server does not allow this method on the requested resource'));
  }
}
