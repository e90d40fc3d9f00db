import type { PolicyRule, Subject } from 'kubernetes-types/rbac/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { Args } from './flags';
import { flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { toJson, toYaml } from './printers/output';
import { resolveResourceName } from '../api/resources';
import { RBAC_GROUP } from '../api/kinds/rbac';
import type { KubectlResult } from './types';

/**
 * `kubectl create serviceaccount|role|clusterrole|rolebinding|clusterrolebinding NAME ...`:
 * the object is built on the client from kubectl's flags, then POSTed like any other.
 */

const RESOURCE_VERBS = ['*', 'get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** Repeatable flags that also take comma-separated lists (`--verb=get,list --verb=watch`). */
function many(args: Args, name: string): string[] {
  return (args.flags.get(name) ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function oneName(name: string | undefined, rest: string[]): string {
  if (!name || rest.length) throw usage(`exactly one NAME is required, got ${name ? 1 + rest.length : 0}`);
  return name;
}

function post(cluster: Cluster, args: Args, obj: KubeObject, word: string): KubectlResult {
  const dry = flag(args, 'dry-run');
  const out = flag(args, 'output');
  if (dry !== undefined && dry !== 'false' && dry !== 'none') {
    if (out === 'yaml') return { stdout: toYaml(obj), stderr: '', exitCode: 0 };
    if (out === 'json') return { stdout: toJson(obj), stderr: '', exitCode: 0 };
    return { stdout: `${word}/${obj.metadata.name} created (dry run)\n`, stderr: '', exitCode: 0 };
  }
  const res = cluster.userClient().create(obj, { reason: `kubectl created ${obj.kind} ${obj.metadata.name}`, code: 'record.kubectl.create', params: { kind: obj.kind, name: obj.metadata.name } });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  if (out === 'yaml') return { stdout: toYaml(res.object), stderr: '', exitCode: 0 };
  if (out === 'json') return { stdout: toJson(res.object), stderr: '', exitCode: 0 };
  return { stdout: `${word}/${obj.metadata.name} created\n`, stderr: '', exitCode: 0 };
}

/** `--resource=pods,deployments.apps/scale` → one rule per API group, groups sorted, as kubectl builds them. */
function resourceRules(args: Args, verbs: string[]): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const r of many(args, 'resource')) {
    const slash = r.indexOf('/');
    const [word, sub] = slash >= 0 ? [r.slice(0, slash), r.slice(slash)] : [r, ''];
    let group = '';
    let plural = word;
    if (word !== '*') {
      const t = resolveResourceName(word);
      if (!t) throw usage(`the server doesn't have a resource type "${word}"`);
      group = t.group;
      plural = t.plural;
    } else if (word.includes('.')) group = word.slice(word.indexOf('.') + 1);
    const list = byGroup.get(group) ?? [];
    if (!list.includes(plural + sub)) list.push(plural + sub);
    byGroup.set(group, list);
  }
  const names = many(args, 'resource-name');
  return [...byGroup.keys()].sort().map((g) => {
    const rule: PolicyRule = { verbs, apiGroups: [g], resources: byGroup.get(g) as string[] };
    if (names.length) rule.resourceNames = names;
    return rule;
  });
}

function checkVerbs(verbs: string[], allowed: string[], suffix = ''): void {
  if (!verbs.length) throw usage('at least one verb must be specified');
  for (const v of verbs) if (!allowed.includes(v)) throw usage(`invalid verb: '${v}'${suffix}`);
}

function runCreateRole(cluster: Cluster, args: Args, name: string, cluster_: boolean): KubectlResult {
  const verbs = many(args, 'verb');
  const urls = many(args, 'non-resource-url');
  const agg = flag(args, 'aggregation-rule');
  const hasResources = many(args, 'resource').length > 0;
  const metadata: KubeObject['metadata'] = cluster_ ? { name } : { name, namespace: flag(args, 'namespace') ?? 'default' };
  if (cluster_ && agg) {
    if (verbs.length || hasResources || urls.length) throw usage('exactly one of --aggregation-rule or --verb must be specified');
    const matchLabels: Record<string, string> = {};
    for (const kv of agg.split(',')) {
      const eq = kv.indexOf('=');
      if (eq <= 0) throw usage(`invalid aggregation rule: ${agg}`);
      matchLabels[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    return post(cluster, args, { apiVersion: `${RBAC_GROUP}/v1`, kind: 'ClusterRole', metadata, aggregationRule: { clusterRoleSelectors: [{ matchLabels }] }, rules: [] } as KubeObject, `clusterrole.${RBAC_GROUP}`);
  }
  if (!verbs.length) throw usage('at least one verb must be specified');
  if (!cluster_ && !hasResources) throw usage('at least one resource must be specified');
  if (cluster_ && !hasResources && !urls.length) throw usage('one of resource or nonResourceURL must be specified');
  if (hasResources) checkVerbs(verbs, RESOURCE_VERBS);
  const rules = hasResources ? resourceRules(args, verbs) : [];
  if (urls.length) {
    checkVerbs(verbs, NON_RESOURCE_VERBS, ' for nonResourceURL');
    for (const u of urls) if (!u.startsWith('/')) throw usage(`nonResourceURL should start with /`);
    rules.push({ verbs, nonResourceURLs: urls });
  }
  const kind = cluster_ ? 'ClusterRole' : 'Role';
  return post(cluster, args, { apiVersion: `${RBAC_GROUP}/v1`, kind, metadata, rules } as KubeObject, `${kind.toLowerCase()}.${RBAC_GROUP}`);
}

/** Subjects in kubectl's order: users, groups, then service accounts. */
function subjects(args: Args): Subject[] {
  const out: Subject[] = [];
  for (const u of args.flags.get('user') ?? []) out.push({ kind: 'User', apiGroup: RBAC_GROUP, name: u });
  for (const g of args.flags.get('group') ?? []) out.push({ kind: 'Group', apiGroup: RBAC_GROUP, name: g });
  for (const sa of args.flags.get('serviceaccount') ?? []) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw usage('serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', namespace: parts[0], name: parts[1] });
  }
  return out;
}

function runCreateBinding(cluster: Cluster, args: Args, name: string, cluster_: boolean): KubectlResult {
  const role = flag(args, 'role');
  const clusterRole = flag(args, 'clusterrole');
  if (cluster_) {
    if (role) throw usage('unknown flag: --role');
    if (!clusterRole) throw usage('required flag(s) "clusterrole" not set');
  } else if (!!role === !!clusterRole) throw usage('exactly one of clusterrole or role must be specified');
  const roleRef = { apiGroup: RBAC_GROUP, kind: clusterRole ? 'ClusterRole' : 'Role', name: (clusterRole ?? role) as string };
  const kind = cluster_ ? 'ClusterRoleBinding' : 'RoleBinding';
  const metadata: KubeObject['metadata'] = cluster_ ? { name } : { name, namespace: flag(args, 'namespace') ?? 'default' };
  const subs = subjects(args);
  const obj = { apiVersion: `${RBAC_GROUP}/v1`, kind, metadata, roleRef, ...(subs.length ? { subjects: subs } : {}) } as KubeObject;
  return post(cluster, args, obj, `${kind.toLowerCase()}.${RBAC_GROUP}`);
}

/** Dispatches `kubectl create <what> NAME ...` for the RBAC kinds and ServiceAccount; undefined for other kinds. */
export function runCreateRbac(cluster: Cluster, args: Args, what: string, name: string | undefined, rest: string[]): KubectlResult | undefined {
  switch (what) {
    case 'serviceaccount':
    case 'sa': {
      const n = oneName(name, rest);
      return post(cluster, args, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: n, namespace: flag(args, 'namespace') ?? 'default' } }, 'serviceaccount');
    }
    case 'role':
      return runCreateRole(cluster, args, oneName(name, rest), false);
    case 'clusterrole':
      return runCreateRole(cluster, args, oneName(name, rest), true);
    case 'rolebinding':
      return runCreateBinding(cluster, args, oneName(name, rest), false);
    case 'clusterrolebinding':
      return runCreateBinding(cluster, args, oneName(name, rest), true);
    default:
      return undefined;
  }
}
