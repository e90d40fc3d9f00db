import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import type { Cluster } from '../cluster';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { usage } from './errors';
import { table } from './tabwriter';
import { resolveResourceName } from '../api/resources';
import type { RequestAttributes, UserInfo } from '../api/authz/types';
import { authorize, rulesFor } from '../api/authz/rbac';
import { ADMIN_USER, impersonate } from '../api/authz/user';
import type { KubectlResult } from './types';

/**
 * `--as` / `--as-group` / `--as-uid` anywhere before `--`: kubectl sends them as Impersonate-*
 * headers, so they apply to every request of the command. Returns the other words and the user.
 */
export function extractImpersonation(argv: string[]): { argv: string[]; user?: UserInfo } {
  const rest: string[] = [];
  let as: string | undefined;
  const groups: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const m = /^(--as|--as-group|--as-uid)(?:=(.*))?$/.exec(a);
    if (!m) {
      rest.push(a);
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw usage(`flag needs an argument: --${(m[1] as string).slice(2)}`);
    if (m[1] === '--as') as = value;
    else if (m[1] === '--as-group') groups.push(value);
  }
  if (as === undefined) {
    if (groups.length) throw usage('requesting uid, groups or user-extra for  without impersonating a user');
    return { argv: rest };
  }
  if (!as) return { argv: rest };
  return { argv: rest, user: impersonate(as, groups) };
}

function whoIs(cluster: Cluster): UserInfo {
  return cluster.api.requestUser ?? ADMIN_USER;
}

const goList = (xs: readonly string[] | undefined) => `[${(xs ?? []).join(' ')}]`;

/** `kubectl auth whoami`: the SelfSubjectReview's user as an ATTRIBUTE VALUE table. */
function runWhoami(cluster: Cluster, args: Args): KubectlResult {
  const user = whoIs(cluster);
  const out = flag(args, 'output');
  if (out === 'yaml' || out === 'json') {
    const review = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: { creationTimestamp: null }, status: { userInfo: { username: user.name, groups: user.groups } } };
    const text = out === 'json' ? JSON.stringify(review, null, 4) + '\n' : `apiVersion: authentication.k8s.io/v1\nkind: SelfSubjectReview\nmetadata:\n  creationTimestamp: null\nstatus:\n  userInfo:\n    groups:\n${user.groups.map((g) => `    - ${g}\n`).join('')}    username: ${user.name}\n`;
    return { stdout: text, stderr: '', exitCode: 0 };
  }
  const rows = [['ATTRIBUTE', 'VALUE'], ['Username', user.name]];
  if (user.groups.length) rows.push(['Groups', goList(user.groups)]);
  return { stdout: table(rows), stderr: '', exitCode: 0 };
}

/** BreakdownRule: one rule per group × resource × name (verbs kept), one per non-resource URL. */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const g of rule.apiGroups ?? [])
    for (const r of rule.resources ?? []) {
      if (rule.resourceNames?.length) for (const n of rule.resourceNames) out.push({ apiGroups: [g], resources: [r], resourceNames: [n], verbs: rule.verbs });
      else out.push({ apiGroups: [g], resources: [r], verbs: rule.verbs });
    }
  for (const u of rule.nonResourceURLs ?? []) out.push({ nonResourceURLs: [u], verbs: rule.verbs });
  return out;
}

/** CompactRules: rules for the same single group/resource/name merge their verbs. */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const byKey = new Map<string, PolicyRule>();
  const out: PolicyRule[] = [];
  for (const r of rules) {
    const key = JSON.stringify([r.apiGroups ?? [], r.resources ?? [], r.resourceNames ?? [], r.nonResourceURLs ?? []]);
    const prev = byKey.get(key);
    if (prev) {
      for (const v of r.verbs) if (!prev.verbs.includes(v)) prev.verbs.push(v);
    } else {
      const copy = { ...r, verbs: [...r.verbs] };
      byKey.set(key, copy);
      out.push(copy);
    }
  }
  return out;
}

/** The Go String() of a PolicyRule, which kubectl sorts the list by (verbs come first). */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `deployments.apps`, `pods/log`, `*.*`. */
function resourceGroup(r: PolicyRule): string {
  const res = r.resources?.[0];
  if (!res) return '';
  const slash = res.indexOf('/');
  const [base, sub] = slash >= 0 ? [res.slice(0, slash), res.slice(slash + 1)] : [res, undefined];
  const g = r.apiGroups?.[0];
  return `${base}${g ? `.${g}` : ''}${sub !== undefined ? `/${sub}` : ''}`;
}

/** The rows kubectl prints for a set of rules (can-i --list, describe role): broken down, compacted, sorted. */
export function ruleRows(rules: PolicyRule[]): string[][] {
  const sorted = compact(rules.flatMap(breakdown)).sort((a, b) => (ruleString(a) < ruleString(b) ? -1 : ruleString(a) > ruleString(b) ? 1 : 0));
  return sorted.map((r) => [resourceGroup(r), goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs)]);
}

function runList(cluster: Cluster, args: Args): KubectlResult {
  const ns = bool(args, 'all-namespaces') ? '' : (flag(args, 'namespace') ?? 'default');
  const review = rulesFor(cluster.store, whoIs(cluster), ns);
  const rows = ruleRows(review.rules);
  if (!bool(args, 'no-headers')) rows.unshift(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']);
  const stderr = review.evaluationError ? `warning: the list may be incomplete: ${review.evaluationError}\n` : '';
  return { stdout: rows.length ? table(rows) : '', stderr, exitCode: 0 };
}

/** `kubectl auth can-i VERB TYPE[/NAME] | VERB /URL`: a SelfSubjectAccessReview, answered yes or no. */
function runCanI(cluster: Cluster, args: Args): KubectlResult {
  if (bool(args, 'list')) return runList(cluster, args);
  const [verb, what, maybeName, ...extra] = args.positional;
  if (!verb || !what || extra.length) throw usage('you must specify two or three arguments: verb, resource, and optional resourceName');
  const user = whoIs(cluster);
  let attrs: RequestAttributes;
  let stderr = '';
  if (what.startsWith('/')) {
    attrs = { user, verb, resourceRequest: false, path: what };
  } else {
    const slash = what.indexOf('/');
    const word = slash >= 0 ? what.slice(0, slash) : what;
    const name = slash >= 0 ? what.slice(slash + 1) : maybeName;
    let group = '';
    let resource = word;
    let namespaced = true;
    if (word !== '*') {
      const t = resolveResourceName(word);
      if (t) {
        group = t.group;
        resource = t.plural;
        namespaced = t.namespaced;
      } else {
        // kubectl asks anyway, with the word split at its first dot as resource.group.
        const dot = word.indexOf('.');
        if (dot > 0) [resource, group] = [word.slice(0, dot), word.slice(dot + 1)];
        stderr += `Warning: the server doesn't have a resource type '${word}'\n`;
      }
    }
    const ns = bool(args, 'all-namespaces') || !namespaced ? '' : (flag(args, 'namespace') ?? 'default');
    attrs = { user, verb, resourceRequest: true, apiGroup: group, resource, subresource: flag(args, 'subresource'), namespace: ns, name };
  }
  const d = authorize(cluster.store, attrs);
  if (d.allowed) return { stdout: bool(args, 'quiet') ? '' : 'yes\n', stderr, exitCode: 0 };
  return { stdout: bool(args, 'quiet') ? '' : `no${d.reason ? ` - ${d.reason}` : ''}\n`, stderr, exitCode: 1 };
}

/** `kubectl auth can-i|whoami` (`reconcile` is not simulated). */
export function runAuth(cluster: Cluster, args: Args): KubectlResult {
  const [sub, ...rest] = args.positional;
  const inner: Args = { positional: rest, flags: args.flags };
  if (sub === 'can-i') return runCanI(cluster, inner);
  if (sub === 'whoami') return runWhoami(cluster, inner);
  if (!sub) throw usage('You must specify a subcommand: can-i or whoami (kubectl auth --help)');
  throw usage(`unknown command "${sub}" for "kubectl auth"`);
}
