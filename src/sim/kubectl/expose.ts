import type { Container, ServicePort } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { resolveType } from './resolve';
import { parseWith, ownFlag } from './svcflags';
import { toJson, toYaml } from './printers/output';
import type { KubectlResult } from './types';

const EXPOSABLE: Record<string, string> = { Pod: 'pod', Service: 'service', ReplicationController: 'replicationcontroller', Deployment: 'deployment.apps', ReplicaSet: 'replicaset.apps' };

function mapSelector(obj: KubeObject): Record<string, string> {
  const spec = (obj.spec ?? {}) as { selector?: LabelSelector | Record<string, string> };
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      if (!Object.keys(labels).length) throw new KubectlError("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed");
      return { ...labels };
    }
    case 'Service':
    case 'ReplicationController':
      if (!spec.selector || !Object.keys(spec.selector).length)
        throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind === 'Service' ? 'service' : 'replication controller'} has no pod selector set`);
      return { ...(spec.selector as Record<string, string>) };
    default: {
      const sel = spec.selector as LabelSelector | undefined;
      if (sel?.matchExpressions?.length)
        throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - "${sel.matchExpressions.map((e) => e.key).join(',')}" to map-based selector format`);
      return { ...((sel?.matchLabels as Record<string, string> | undefined) ?? {}) };
    }
  }
}

function containersOf(obj: KubeObject): Container[] {
  if (obj.kind === 'Pod') return ((obj.spec as { containers?: Container[] })?.containers ?? []);
  if (obj.kind === 'Service') return [];
  return ((obj.spec as { template?: { spec?: { containers?: Container[] } } })?.template?.spec?.containers ?? []);
}

/** The ports kubectl finds on the object when --port is not given: a Service's, or the containers'. */
function introspectPorts(obj: KubeObject): { port: number; protocol: string }[] {
  if (obj.kind === 'Service') return ((obj.spec as { ports?: ServicePort[] }).ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  return containersOf(obj).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })));
}

/**
 * `kubectl expose (-f FILE | TYPE NAME) [--port=port] [--protocol=TCP] [--target-port=n]
 * [--name=name] [--type=type] [--selector=k=v]`: a Service selecting what the workload selects.
 */
export function runExpose(cluster: Cluster, argv: string[]): KubectlResult {
  const { args, own } = parseWith(argv, ['port', 'target-port', 'name', 'protocol', 'labels', 'external-ip', 'cluster-ip', 'session-affinity', 'load-balancer-ip'], []);
  const words = args.positional;
  if (!words.length) throw usage('You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
  let [typeWord, name] = words as [string, string | undefined];
  if (typeWord.includes('/')) [typeWord, name] = [typeWord.slice(0, typeWord.indexOf('/')), typeWord.slice(typeWord.indexOf('/') + 1)];
  if (!name) throw usage('resource(s) were provided, but no name was specified');
  const t = resolveType(typeWord);
  const namespace = flag(args, 'namespace') ?? 'default';
  const got = cluster.api.get(t, namespace, name);
  if (!got.ok) throw new KubectlError(formatStatus(got.status));
  const obj = got.object;
  if (!EXPOSABLE[obj.kind]) throw new KubectlError(`error: cannot expose a ${t.group ? `${t.kind}.${t.group}` : t.kind}`);
  const selectorText = flag(args, 'selector');
  const selector = selectorText ? Object.fromEntries(selectorText.split(',').map((kv) => kv.split('=') as [string, string])) : mapSelector(obj);
  const protocolFlag = ownFlag(own, 'protocol');
  const portFlag = ownFlag(own, 'port');
  let ports: { port: number; protocol: string }[];
  if (portFlag !== undefined) {
    const n = Number(portFlag);
    if (!Number.isInteger(n)) throw new KubectlError(`error: invalid argument "${portFlag}" for "--port" flag: strconv.ParseInt: parsing "${portFlag}": invalid syntax`);
    ports = [{ port: n, protocol: protocolFlag ?? 'TCP' }];
  } else {
    ports = introspectPorts(obj);
    if (!ports.length) throw new KubectlError("error: couldn't find port via --port flag or introspection");
    if (protocolFlag) ports = ports.map((p) => ({ ...p, protocol: protocolFlag }));
  }
  const targetFlag = ownFlag(own, 'target-port');
  const target = targetFlag === undefined ? undefined : /^\d+$/.test(targetFlag) ? Number(targetFlag) : targetFlag;
  const svcName = ownFlag(own, 'name') ?? name;
  const type = flag(args, 'type');
  const labelsText = ownFlag(own, 'labels');
  const labels = labelsText ? Object.fromEntries(labelsText.split(',').map((kv) => kv.split('=') as [string, string])) : obj.metadata.labels;
  const servicePorts: ServicePort[] = ports.map((p, i) => ({
    ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}),
    port: p.port,
    protocol: p.protocol,
    targetPort: target ?? (obj.kind === 'Service' ? (((obj.spec as { ports?: ServicePort[] }).ports ?? [])[i]?.targetPort ?? p.port) : p.port),
  }));
  const spec: Record<string, unknown> = { ports: servicePorts, selector };
  if (type) spec.type = type;
  const clusterIP = ownFlag(own, 'cluster-ip');
  if (clusterIP) spec.clusterIP = clusterIP;
  const affinity = ownFlag(own, 'session-affinity');
  if (affinity) spec.sessionAffinity = affinity;
  const externalIP = ownFlag(own, 'external-ip');
  if (externalIP) spec.externalIPs = [externalIP];
  const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: svcName, namespace, ...(labels && Object.keys(labels).length ? { labels: { ...labels } } : {}) }, spec };
  const dryRun = flag(args, 'dry-run');
  const output = flag(args, 'output');
  if (dryRun && dryRun !== 'none' && dryRun !== 'false') {
    const res = dryRun === 'server' ? cluster.api.create(svc, { dryRun: true }) : undefined;
    if (res && !res.ok) throw new KubectlError(formatStatus(res.status));
    const shown = res?.ok ? res.object : { ...svc, status: { loadBalancer: {} } };
    if (output === 'yaml') return { stdout: toYaml(shown), stderr: '', exitCode: 0 };
    if (output === 'json') return { stdout: toJson(shown), stderr: '', exitCode: 0 };
    return { stdout: `service/${svcName} exposed (${dryRun === 'server' ? 'server ' : ''}dry run)\n`, stderr: '', exitCode: 0 };
  }
  const res = cluster.userClient().create(svc, {
    reason: `kubectl expose created Service ${svcName} selecting what ${obj.kind} ${name} selects`,
    code: 'record.kubectl.expose',
    params: { name: svcName, source: `${EXPOSABLE[obj.kind]}/${name}` },
  });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  if (output === 'yaml') return { stdout: toYaml(res.object), stderr: '', exitCode: 0 };
  if (output === 'json') return { stdout: toJson(res.object), stderr: '', exitCode: 0 };
  return { stdout: `service/${svcName} exposed\n`, stderr: '', exitCode: 0 };
}
