import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import { findByKind } from '../api/resources';
import type { ResourceType } from '../api/resources';
import { execInContainer } from '../exec/index';
import { trafficEnvOf } from '../network/traffic';
import { sha256Hex } from '../network/sha256';
import type { LabelSelectorLike } from '../store/labels';
import { pickAttachablePod, podsSelectedBy } from '../network/portforward';
import { KubectlError, formatStatus, usage } from './errors';
import { resolveType } from './resolve';
import type { KubectlResult } from './types';
import { execWithConfig } from '../kubelet/execConfig';
import { containerSignals } from './execFiles';

const PODS = findByKind('v1', 'Pod') as ResourceType;

/** `pod/NAME`, `NAME`, or `deployment/NAME` (and other selector owners): one pod, as kubectl attaches to. */
export function podForRef(cluster: Cluster, ns: string, ref: string): Pod {
  const slash = ref.indexOf('/');
  if (slash < 0 || ['pod', 'pods', 'po'].includes(ref.slice(0, slash))) {
    const name = slash < 0 ? ref : ref.slice(slash + 1);
    const r = cluster.api.get(PODS, ns, name);
    if (!r.ok) throw new KubectlError(formatStatus(r.status));
    return r.object as unknown as Pod;
  }
  const t = resolveType(ref.slice(0, slash));
  const r = cluster.api.get(t, ns, ref.slice(slash + 1));
  if (!r.ok) throw new KubectlError(formatStatus(r.status));
  const spec = r.object.spec as { selector?: LabelSelectorLike | Record<string, string> } | undefined;
  const sel = spec?.selector;
  if (!sel || Object.keys(sel).length === 0) {
    if (t.kind === 'Service') throw usage(`cannot attach to *v1.Service: invalid service '${r.object.metadata.name}': Service is defined without a selector`);
    throw usage(`cannot attach to ${t.kind.toLowerCase()}: selector for ${ref} is not supported`);
  }
  const pod = pickAttachablePod(podsSelectedBy(cluster.store.list('pods') as unknown as Pod[], ns, sel));
  if (!pod) throw usage('timed out waiting for the condition');
  return pod;
}

interface ExecArgs {
  namespace: string;
  container?: string;
  stdin: boolean;
  tty: boolean;
  target?: string;
  command: string[];
  sawDashDash: boolean;
}

function parseExecArgs(argv: string[]): ExecArgs {
  const o: ExecArgs = { namespace: 'default', stdin: false, tty: false, command: [], sawDashDash: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      o.command = argv.slice(i + 1);
      o.sawDashDash = true;
      break;
    }
    const eq = a.indexOf('=');
    const [name, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (name === '-n' || name === '--namespace') o.namespace = value();
    else if (name === '-c' || name === '--container') o.container = value();
    else if (name === '-i' || name === '--stdin') o.stdin = true;
    else if (name === '-t' || name === '--tty') o.tty = true;
    else if (/^-[it]+$/.test(name)) {
      if (name.includes('i')) o.stdin = true;
      if (name.includes('t')) o.tty = true;
    } else if (name === '-q' || name === '--quiet') continue;
    else if (name.startsWith('-')) throw usage(`unknown flag: ${name}\nSee 'kubectl exec --help' for usage.`);
    else if (!o.target) o.target = a;
    else {
      o.command = argv.slice(i);
      break;
    }
  }
  return o;
}

/** `kubectl exec [-it] POD [-c CONTAINER] -- COMMAND [args...]`, with the API server's and kubelet's errors. */
export function runExec(cluster: Cluster, argv: string[]): KubectlResult {
  const o = parseExecArgs(argv);
  if (!o.target) throw usage('pod, type/name or --filename must be specified\nSee \'kubectl exec -h\' for help and examples');
  if (!o.sawDashDash && o.command.length) throw usage('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples');
  if (!o.command.length) throw usage('you must specify at least one command for the container');
  const pod = podForRef(cluster, o.namespace, o.target);
  const name = pod.metadata?.name ?? '';
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw usage(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  let stderr = '';
  const containers = pod.spec?.containers ?? [];
  let containerName = o.container;
  if (!containerName) {
    const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
    const chosen = containers.find((c) => c.name === annotated) ?? containers[0];
    containerName = chosen?.name ?? '';
    if (containers.length > 1 && !annotated) stderr += `Defaulted container "${containerName}" out of: ${containers.map((c) => c.name).join(', ')}\n`;
  }
  const container = containers.find((c) => c.name === containerName) ?? (pod.spec?.initContainers ?? []).find((c) => c.name === containerName);
  if (!container) throw new KubectlError(`Error from server (BadRequest): container ${containerName} is not valid for pod ${name}`);
  const nodeName = pod.spec?.nodeName;
  if (!nodeName) throw new KubectlError(`Error from server (BadRequest): pod ${name} does not have a host assigned`);
  const node = cluster.store.get('nodes', undefined, nodeName) as { status?: { conditions?: { type: string; status: string }[]; addresses?: { type: string; address: string }[] } } | undefined;
  const ready = node?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  if (!ready) {
    const ip = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? nodeName;
    throw new KubectlError(`Error from server: error dialing backend: dial tcp ${ip}:10250: connect: connection refused`);
  }
  const status = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === containerName);
  if (!status?.state?.running) throw usage(`unable to upgrade connection: container not found ("${containerName}")`);
  if (o.tty && o.stdin) stderr += 'Unable to use a TTY - input is not a terminal or the right kind of file\n';
  const env = trafficEnvOf(cluster);
  // ConfigMap/Secret env and volume files as the kubelet set them up (kubelet/execConfig.ts).
  const res = execInContainer({ env, ...execWithConfig(pod, container, cluster.store), ...containerSignals(cluster, pod, container), argv: o.command });
  if ('notFound' in res) {
    const id = sha256Hex(`${pod.metadata?.uid ?? name}/${containerName}/${cluster.tick}/${o.command.join(' ')}`);
    throw new KubectlError(
      `${stderr}error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${res.notFound}": executable file not found in $PATH: unknown`,
    );
  }
  stderr += res.stderr;
  if (res.exitCode !== 0) stderr += `command terminated with exit code ${res.exitCode}\n`;
  const out: KubectlResult = { stdout: res.stdout, stderr, exitCode: res.exitCode === 0 ? 0 : 1 };
  if (res.traffic) out.traffic = res.traffic;
  return out;
}
