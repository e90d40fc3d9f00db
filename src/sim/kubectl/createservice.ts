import type { ServicePort } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { parseWith, ownFlag } from './svcflags';
import { toJson, toYaml } from './printers/output';
import type { KubectlResult } from './types';

const TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };

/** `--tcp=80:8080` → a port named `80-8080`, as kubectl create service names them. */
function parseTcp(spec: string): ServicePort {
  const [portText = '', targetText] = spec.split(':');
  const port = Number(portText);
  if (!/^\d+$/.test(portText)) throw new KubectlError(`error: strconv.Atoi: parsing "${portText}": invalid syntax`);
  const target = targetText === undefined ? port : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  return { name: `${portText}-${targetText ?? portText}`, port, protocol: 'TCP', targetPort: target };
}

/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp=port[:target]
 * [--node-port=N] [--clusterip=None] [--external-name=host]`: labels and selector `app=NAME`.
 */
export function runCreateService(cluster: Cluster, argv: string[]): KubectlResult {
  const { args, own } = parseWith(argv, ['tcp', 'node-port', 'clusterip', 'external-name'], []);
  const [kindWord, name, ...extra] = args.positional;
  const type = TYPES[(kindWord ?? '').toLowerCase()];
  if (!type) throw usage(`unknown service type "${kindWord ?? ''}": use one of clusterip, externalname, loadbalancer, nodeport`);
  if (!name) throw usage('exactly one NAME is required, got 0');
  if (extra.length) throw usage(`exactly one NAME is required, got ${1 + extra.length}`);
  const namespace = flag(args, 'namespace') ?? 'default';
  const tcp = own.get('tcp') ?? [];
  const spec: Record<string, unknown> = { type };
  const labels = { app: name };
  if (type === 'ExternalName') {
    const ext = ownFlag(own, 'external-name');
    if (!ext) throw usage('external name must be specified');
    spec.externalName = ext;
    if (tcp.length) spec.ports = tcp.flatMap((t) => t.split(',')).map(parseTcp);
  } else {
    const clusterIP = ownFlag(own, 'clusterip');
    if (!tcp.length && clusterIP !== 'None') throw usage('at least one tcp port specifier must be provided');
    const ports = tcp.flatMap((t) => t.split(',')).map(parseTcp);
    const nodePort = ownFlag(own, 'node-port');
    if (nodePort !== undefined) {
      if (type !== 'NodePort') throw usage(`unknown flag: --node-port`);
      for (const p of ports) p.nodePort = Number(nodePort);
    }
    spec.ports = ports;
    spec.selector = labels;
    if (clusterIP !== undefined) spec.clusterIP = clusterIP;
  }
  const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, labels }, spec };
  const dryRun = flag(args, 'dry-run');
  const output = flag(args, 'output');
  if (dryRun && dryRun !== 'none' && dryRun !== 'false') {
    const shown = { ...svc, status: { loadBalancer: {} } };
    if (output === 'yaml') return { stdout: toYaml(shown), stderr: '', exitCode: 0 };
    if (output === 'json') return { stdout: toJson(shown), stderr: '', exitCode: 0 };
    return { stdout: `service/${name} created (dry run)\n`, stderr: '', exitCode: 0 };
  }
  const res = cluster.userClient().create(svc, { reason: `kubectl create service made ${type} Service ${name}`, code: 'record.kubectl.createService', params: { name, type } });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  if (output === 'yaml') return { stdout: toYaml(res.object), stderr: '', exitCode: 0 };
  return { stdout: `service/${name} created\n`, stderr: '', exitCode: 0 };
}
