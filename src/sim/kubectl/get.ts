import type { Event } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { ResourceType } from '../api/resources';
import { parseSelector, SelectorParseError } from '../store/labels';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { kindPrefix, resolveType } from './resolve';
import { DEFAULT_TABLE, TABLES, labelsText } from './printers/tables';
import { listOf, toJson, toYaml } from './printers/output';
import { table } from './tabwriter';
import { jsonPath } from './printers/jsonpath';
import type { KubectlResult } from './types';
import { ENDPOINTS_DEPRECATION_WARNING } from './printers/services';
import { checkFieldSelector, matchesFields, parseCustomColumns, parseFieldSelector, renderCustomColumns, sortBy } from './getOptions';

/** What `get all` expands to in a real cluster, limited to the types the sim models. */
const ALL = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'jobs', 'cronjobs'];

interface Request {
  type: ResourceType;
  names: string[];
}

function parseRequests(words: string[]): Request[] {
  if (words.length === 0)
    throw usage(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  const [first, ...rest] = words as [string, ...string[]];
  if (first.includes('/') || rest.some((w) => w.includes('/'))) {
    const out: Request[] = [];
    for (const w of words) {
      const i = w.indexOf('/');
      if (i < 0) throw usage(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const type = resolveType(w.slice(0, i));
      const prev = out.find((r) => r.type === type);
      if (prev) prev.names.push(w.slice(i + 1));
      else out.push({ type, names: [w.slice(i + 1)] });
    }
    return out;
  }
  const typeNames = first.split(',').filter(Boolean);
  const types: ResourceType[] = [];
  for (const n of typeNames) {
    if (n === 'all') {
      for (const a of ALL) {
        try {
          types.push(resolveType(a));
        } catch {
          // `all` covers what exists; types the sim does not model yet are simply absent.
        }
      }
    } else types.push(resolveType(n));
  }
  if (rest.length && types.length > 1) throw usage('arguments in resource/name form must have a single resource and name');
  return types.map((type) => ({ type, names: rest }));
}

function sortObjects(t: ResourceType, objs: KubeObject[]): KubeObject[] {
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  const sorted = [...objs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (t.kind === 'Event') {
    const ts = (e: KubeObject) => (e as Event & KubeObject).lastTimestamp ?? e.metadata.creationTimestamp ?? '';
    return sorted.sort((a, b) => (ts(a) < ts(b) ? -1 : ts(a) > ts(b) ? 1 : 0));
  }
  return sorted;
}

export function runGet(cluster: Cluster, args: Args): KubectlResult {
  if (bool(args, 'watch')) throw usage('--watch is not supported in Kube Orchestra: the cluster only moves when it ticks (use "tick" or the timeline)');
  const output = flag(args, 'output') ?? '';
  const allNs = bool(args, 'all-namespaces');
  const namespace = flag(args, 'namespace') ?? 'default';
  let selector: LabelSelector | undefined;
  const sel = flag(args, 'selector');
  if (sel !== undefined) {
    try {
      selector = parseSelector(sel);
    } catch (e) {
      if (e instanceof SelectorParseError) throw usage(e.message);
      throw e;
    }
  }
  if (!['', 'wide', 'json', 'yaml', 'name'].includes(output) && !output.startsWith('jsonpath=') && !output.startsWith('custom-columns='))
    throw usage(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
    );
  const columns = output.startsWith('custom-columns=') ? parseCustomColumns(output.slice('custom-columns='.length)) : undefined;
  const requests = parseRequests(args.positional);
  if ((sel !== undefined || flag(args, 'field-selector') !== undefined) && requests.some((r) => r.names.length)) throw usage('name cannot be provided when a selector is specified');
  const fieldText = flag(args, 'field-selector') ?? '';
  const fields = parseFieldSelector(fieldText);
  for (const r of requests) checkFieldSelector(r.type, fields, sel ?? '', fieldText);
  const sortPath = flag(args, 'sort-by');
  const errors: string[] = [];
  const groups: { type: ResourceType; objects: KubeObject[] }[] = [];
  let named = false;
  for (const r of requests) {
    const objs: KubeObject[] = [];
    if (r.names.length) {
      named = true;
      for (const n of r.names) {
        const res = cluster.api.get(r.type, allNs ? undefined : namespace, n);
        if (res.ok) objs.push(res.object);
        else errors.push(formatStatus(res.status));
      }
    } else objs.push(...sortObjects(r.type, cluster.api.list(r.type, allNs ? undefined : namespace, selector)).filter((o) => matchesFields(r.type, o, fields)));
    groups.push({ type: r.type, objects: sortPath ? sortBy(objs, sortPath) : objs });
  }
  const all = groups.flatMap((g) => g.objects);
  const now = cluster.clock.nowMillis();
  let stdout = '';
  let stderr = errors.length ? errors.join('\n') + '\n' : '';
  if (requests.some((r) => r.type.kind === 'Endpoints' && !r.type.group)) stderr = ENDPOINTS_DEPRECATION_WARNING + stderr;

  if (output === 'json' || output === 'yaml') {
    const value = named && all.length === 1 && requests.length === 1 && (requests[0] as Request).names.length === 1 ? all[0] : listOf(all);
    if (!(named && all.length === 0)) stdout = output === 'json' ? toJson(value) : toYaml(value);
  } else if (output.startsWith('jsonpath=')) {
    const value = named && all.length === 1 ? all[0] : listOf(all);
    stdout = jsonPath(output.slice('jsonpath='.length), value);
  } else if (columns) {
    if (all.length) stdout = renderCustomColumns(columns, all, bool(args, 'no-headers'));
  } else if (output === 'name') {
    stdout = groups.flatMap((g) => g.objects.map((o) => `${kindPrefix(g.type)}/${o.metadata.name}\n`)).join('');
  } else {
    const showKind = requests.length > 1 || args.positional[0] === 'all' || args.positional[0]?.includes(',') === true;
    const blocks: string[] = [];
    for (const g of groups) {
      if (!g.objects.length) continue;
      blocks.push(renderTable(g.type, g.objects, { wide: output === 'wide', allNs, showKind, showLabels: bool(args, 'show-labels'), labelColumns: labelColumns(args), noHeaders: bool(args, 'no-headers'), now }));
    }
    stdout = blocks.join('\n');
  }
  if (!all.length && !named && output !== 'json' && output !== 'yaml') {
    const scoped = requests.every((r) => r.type.namespaced) && !allNs;
    stderr += scoped ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
  }
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
}

/** `-L app,tier` (repeatable): one column per label key, after the kind's own columns. */
function labelColumns(args: Args): string[] {
  return (args.flags.get('label-columns') ?? []).flatMap((v) => v.split(',')).map((k) => k.trim()).filter(Boolean);
}

/** kubectl heads a label column with the key's last path segment in capitals: `app.kubernetes.io/name` → NAME. */
function labelColumnHeader(key: string): string {
  return (key.split('/').pop() ?? key).toUpperCase();
}

export function renderTable(
  t: ResourceType,
  objects: KubeObject[],
  o: { wide: boolean; allNs: boolean; showKind: boolean; showLabels: boolean; labelColumns?: string[]; noHeaders: boolean; now: number },
): string {
  const labelCols = o.labelColumns ?? [];
  const spec = TABLES[t.group ? `${t.plural}.${t.group}` : t.plural] ?? DEFAULT_TABLE;
  const withNs = o.allNs && t.namespaced;
  const header = [...(withNs ? ['NAMESPACE'] : []), ...spec.headers, ...(o.wide ? spec.wideHeaders : []), ...labelCols.map(labelColumnHeader), ...(o.showLabels ? ['LABELS'] : [])];
  const rows = objects.map((obj) => {
    const row = spec.row(obj, o.now);
    if (o.showKind) row[0] = `${kindPrefix(t)}/${row[0]}`;
    return [...(withNs ? [obj.metadata.namespace ?? ''] : []), ...row, ...(o.wide ? spec.wide(obj, o.now) : []), ...labelCols.map((k) => obj.metadata.labels?.[k] ?? ''), ...(o.showLabels ? [labelsText(obj.metadata.labels)] : [])];
  });
  return table(o.noHeaders ? rows : [header, ...rows]);
}

export { KubectlError };
