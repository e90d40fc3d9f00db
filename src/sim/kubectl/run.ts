import { runEdit } from './edit';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { splitArgs } from './shell';
import { describeWrite } from './tabwriter';
import { flag } from './flags';
import type { Args } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { runGet } from './get';
import { runDelete } from './delete';
import { runLabel } from './label';
import { runRollout } from './rollout';
import { runScale } from './scale';
import { runNodeAdmin } from './nodeadmin';
import { runComponentCommand } from '../components/command';
import { runLogs } from './logs';
import { runCordon, runDrain, runNodeCommand } from './nodes';
import { runApiResources, runClusterInfo, runSettle, runTick, runVersion } from './misc';
import { applyManifest } from './apply';
import { readFile } from './files';
import { resolveType } from './resolve';
import { runCreateJob } from './createjob';
import { runCreateConfigMap, runCreateSecret } from './createconfig';
import { runCreateRbac } from './createrbac';
import { runCreateQuota } from './createquota';
import { extractImpersonation, runAuth } from './auth';
import { ForbiddenError } from '../api/authz/forbidden';
import { runBase64, runEtcdctl } from './etcdctl';
import { DESCRIBERS } from './describe/index';
import { describeTargets } from './describeTargets';
import { runClusterCommand } from './cluster/index';
import { runExec } from './exec';
import { runPortForward, runPortForwardAdmin } from './portforward';
import { runLocalHttp, runNodeIptables } from './curl';
import type { FileReader, KubectlResult } from './types';
import { runExpose } from './expose';
import { runCreateService } from './createservice';
import { runRunPod } from './run-pod';
import { runMachine, runSsh } from './machine';
import { runCleanup } from './cleanup';
import { runCreateCronJob, runCreateDeployment, runCreateToken } from './createworkload';
import { runAnnotate } from './annotate';
import { runPatch } from './patch';
import { runReplace } from './replace';
import { runSet } from './setenv';
import { runTaint } from './taint';
import { runApiVersions, runEvents } from './events';
import { runConfig, withContextNamespace } from './kubeconfig';
import { runExplain } from './explain';
import { runWait } from './wait';
import { runTop } from './top';
import { parseCommandArgs } from './flaghint';
import { runDiff } from './diffcmd';

const HELP = `kubectl controls the Kubernetes cluster manager (simulated by Kube Orchestra).

Basic Commands:
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  get             Display one or many resources
  delete          Delete resources by file names, resource names, or by label selector
  describe        Show details of a specific resource or group of resources
  apply           Apply a configuration to a resource by file name or stdin
  edit            Edit a resource (opens it in the editor; Apply saves it)
  label           Update the labels on a resource
  annotate        Update the annotations on a resource
  patch           Update fields of a resource (--type strategic|merge|json)
  replace         Replace a resource by file name
  taint           Update the taints on one or more nodes
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set or replication controller
  set image       Update the image of a pod template
  set env         Update environment variables on a pod template
  set resources   Update resource requests/limits on objects with pod templates
  logs            Print the logs for a container in a pod
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  api-resources   Print the supported API resources on the server
  api-versions    Print the supported API versions on the server, in the form of "group/version"
  events          List events (--for TYPE/NAME, --types=Warning)
  config          current-context, get-contexts, set-context --current --namespace=NS, view
  explain         Get documentation for a resource (TYPE[.field.path], --recursive)
  top             Display CPU and memory of nodes or pods (simulated metrics-server; --containers, --sort-by)
  wait            Wait for a condition (--for=condition=Ready|delete|jsonpath=...), advancing the sim clock 1 s per tick until --timeout
  cluster-info    Display cluster information
  auth            Inspect authorization (can-i, whoami); --as=USER / --as=system:serviceaccount:NS:NAME impersonate
  version         Print the client and server version information

Kube Orchestra (not kubectl):
  tick [N]        Advance the simulated cluster N ticks (default 1)
  settle          Advance until nothing is left to reconcile
  node stop|start NODE  Stop or start the kubelet of a node (it goes NotReady, then its pods are evicted)
  node add|remove NAME  A machine joins the cluster, or leaves it (its pods are garbage-collected)
  node iptables NODE    The nat/filter rules kube-proxy programmed on NODE (iptables-save)
  node stop-component|start-component NODE COMPONENT  Move a static pod's manifest (kube-scheduler, kube-controller-manager) out of /etc/kubernetes/manifests, or back
  curl|wget URL   A request from your own machine: localhost:PORT (port-forward), NODE-IP:NODEPORT, LB IP
  port-forward list|stop PORT  The open port-forwards; stop one
  cluster show    Print the cluster settings (CNI plugin, load balancer, ingress controller ...)
  cluster cni flannel|calico|weave|none  Switch the CNI plugin (Flannel ignores NetworkPolicy; none leaves nodes NotReady)
  cluster weave-encryption on|off   Encrypt Weave Net traffic between nodes
  cluster load-balancer on|off      A load-balancer provider gives LoadBalancer Services an external IP
  cluster ingress-controller on|off Install ingress-nginx (IngressClass nginx) so Ingresses route
  cluster encryption-at-rest on|off Encrypt Secrets written from now on in etcd (aescbc)
  etcdctl get /registry/secrets/NS/NAME [--prefix]  What etcd stores for a Secret or ConfigMap
  base64 [-d] TEXT  Encode TEXT (like echo -n TEXT | base64) or decode it (base64 -d)
  machine create NAME | machine list  A fresh Ubuntu 24.04 machine to prepare for kubeadm join (swap, br_netfilter ...)
  ssh NAME -- COMMAND  Run one shell line as root on a machine or node (swapoff -a, modprobe, sysctl, systemctl,
                  journalctl -u kubelet, kubeadm join ...); join command: ssh control-plane -- kubeadm token create --print-join-command
  cleanup plan [-n NS | -A]  The safe deletion order and what deleting each object would do now
`;

function applyFiles(cluster: Cluster, args: Args, files: FileReader, mode: 'apply' | 'create'): KubectlResult {
  const names = args.flags.get('filename') ?? [];
  if (!names.length) throw usage('must specify one of -f and -k');
  const namespace = flag(args, 'namespace');
  const parts = names.map((n) => applyManifest(cluster, readFile(files, n), n, { mode, ...(namespace ? { namespace } : {}) }));
  const res: KubectlResult = {
    stdout: parts.map((p) => p.stdout).join(''),
    stderr: parts.map((p) => p.stderr).join(''),
    exitCode: parts.some((p) => p.exitCode) ? 1 : 0,
  };
  const diags = parts.flatMap((p) => p.diagnostics ?? []);
  if (diags.length) res.diagnostics = diags;
  return res;
}

function runCreate(cluster: Cluster, args: Args, files: FileReader): KubectlResult {
  if (args.flags.has('filename')) return applyFiles(cluster, args, files, 'create');
  const [what, name, ...rest] = args.positional;
  if (what === 'namespace' || what === 'ns') {
    if (!name || rest.length) throw usage('exactly one NAME is required, got ' + (name ? 1 + rest.length : 0));
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
    const res = cluster.userClient().create(ns, { reason: `kubectl created Namespace ${name}`, code: 'record.kubectl.create', params: { kind: 'Namespace', name } });
    if (!res.ok) throw new KubectlError(formatStatus(res.status));
    return { stdout: `namespace/${name} created\n`, stderr: '', exitCode: 0 };
  }
  if (what === 'job') return runCreateJob(cluster, args, name, rest);
  if (what === 'deployment' || what === 'deploy') return runCreateDeployment(cluster, args, name, rest);
  if (what === 'cronjob' || what === 'cj') return runCreateCronJob(cluster, args, name, rest);
  if (what === 'token') return runCreateToken(cluster, args, name, rest);
  if (what === 'configmap' || what === 'cm') return runCreateConfigMap(cluster, args, files, name, rest);
  if (what === 'secret') return runCreateSecret(cluster, args, files, args.positional.slice(1));
  if (what === 'quota' || what === 'resourcequota') return runCreateQuota(cluster, args, name, rest);
  const rbac = what ? runCreateRbac(cluster, args, what, name, rest) : undefined;
  if (rbac) return rbac;
  if (!what) throw usage('must specify one of -f and -k');
  throw usage(`Kube Orchestra's kubectl can create a namespace (kubectl create namespace NAME) or objects from a file (kubectl create -f FILE); "create ${what}" is not supported yet`);
}

function runDescribe(cluster: Cluster, args: Args): KubectlResult {
  const [typeWord, ...names] = args.positional;
  if (!typeWord) throw usage('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  let type = typeWord;
  if (typeWord.includes('/')) {
    type = typeWord.slice(0, typeWord.indexOf('/'));
    names.unshift(typeWord.slice(typeWord.indexOf('/') + 1));
  }
  const t = resolveType(type);
  const { objects, errors, empty } = describeTargets(cluster, t, names, args);
  const render = (o: KubeObject): string => {
    const describe = DESCRIBERS[t.kind];
    if (!describe) throw usage(`describe is not supported for ${t.plural} in Kube Orchestra yet; try "kubectl get ${t.plural} ${o.metadata.name} -o yaml"`);
    return describe(cluster, o);
  };
  const stdout = objects.map((o) => describeWrite(render(o))).join('\n\n');
  let stderr = errors.map((e) => e + '\n').join('');
  if (!names.length && !objects.length) stderr += empty;
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
}

function dispatch(cluster: Cluster, argv: string[], files: FileReader): KubectlResult {
  const [cmd, ...rest] = withContextNamespace(cluster, argv);
  if (!cmd || cmd === 'help' || cmd === '-h' || cmd === '--help') return { stdout: HELP, stderr: '', exitCode: 0 };
  if (cmd === 'tick') return runTick(cluster, rest);
  if (cmd === 'settle') return runSettle(cluster);
  if (cmd === 'node' && (rest[0] === 'add' || rest[0] === 'remove')) return runNodeAdmin(cluster, rest);
  if (cmd === 'node' && rest[0] === 'iptables') return runNodeIptables(cluster, rest.slice(1));
  if (cmd === 'node' && (rest[0] === 'stop-component' || rest[0] === 'start-component')) return runComponentCommand(cluster, rest);
  if (cmd === 'exec') return runExec(cluster, rest);
  if (cmd === 'port-forward' && (rest[0] === 'list' || rest[0] === 'stop')) return runPortForwardAdmin(cluster, rest);
  if (cmd === 'port-forward') return runPortForward(cluster, rest);
  if (cmd === 'curl' || cmd === 'wget') return runLocalHttp(cluster, argv);
  if (cmd === 'node') return runNodeCommand(cluster, rest);
  if (cmd === 'cluster') return runClusterCommand(cluster, rest);
  if (cmd === 'etcdctl') return runEtcdctl(cluster, rest);
  if (cmd === 'machine') return runMachine(cluster, rest);
  if (cmd === 'base64') return runBase64(rest);
  if (cmd === 'cleanup') return runCleanup(cluster, rest);
  if (cmd === 'diff') return runDiff(cluster, rest, files);
  if (cmd === 'expose') return runExpose(cluster, rest);
  if (cmd === 'run') return runRunPod(cluster, rest);
  if (cmd === 'patch') return runPatch(cluster, rest, files);
  if (cmd === 'create' && (rest[0] === 'service' || rest[0] === 'svc')) return runCreateService(cluster, rest.slice(1));
  const args = parseCommandArgs(cmd, rest);
  switch (cmd) {
    case 'get':
      return runGet(cluster, args);
    case 'describe':
      return runDescribe(cluster, args);
    case 'apply':
      if (args.flags.has('server-side')) throw usage('--server-side is not supported by Kube Orchestra yet; client-side apply is used by default');
      return applyFiles(cluster, args, files, 'apply');
    case 'create':
      return runCreate(cluster, args, files);
    case 'delete':
      return runDelete(cluster, args, files);
    case 'edit':
      return runEdit(cluster, args);
    case 'label':
      return runLabel(cluster, args);
    case 'rollout':
      return runRollout(cluster, args);
    case 'scale':
      return runScale(cluster, args);
    case 'set':
      return runSet(cluster, args);
    case 'annotate':
      return runAnnotate(cluster, args);
    case 'replace':
      return runReplace(cluster, args, files);
    case 'taint':
      return runTaint(cluster, args);
    case 'logs':
      return runLogs(cluster, args);
    case 'cordon':
      return runCordon(cluster, args, true);
    case 'uncordon':
      return runCordon(cluster, args, false);
    case 'drain':
      return runDrain(cluster, args);
    case 'api-resources':
      return runApiResources(args);
    case 'version':
      return runVersion(args);
    case 'cluster-info':
      return runClusterInfo();
    case 'events':
      return runEvents(cluster, args);
    case 'api-versions':
      return runApiVersions();
    case 'config':
      return runConfig(cluster, args);
    case 'explain':
      return runExplain(args);
    case 'wait':
      return runWait(cluster, args);
    case 'top':
      return runTop(cluster, args);
    case 'auth':
      return runAuth(cluster, args);
    default:
      throw usage(`unknown command "${cmd}" for "kubectl"`);
  }
}

/**
 * Runs one kubectl command line against the simulated cluster. Never throws: every failure
 * comes back as kubectl's stderr text and exit code 1.
 */
export function runKubectl(cluster: Cluster, line: string, files: FileReader): KubectlResult {
  try {
    // The node shell gets the raw line: its pipes, quotes and redirections are the machine's shell's business.
    if (/^ssh(\s|$)/.test(line.trim())) return runSsh(cluster, line);
    let argv = splitArgs(line.trim());
    if (argv[0] === 'kubectl') argv = argv.slice(1);
    const imp = extractImpersonation(argv);
    return cluster.api.asUser(imp.user, () => dispatch(cluster, imp.argv, files));
  } catch (e) {
    if (e instanceof ForbiddenError) return { stdout: '', stderr: formatStatus(e.status) + '\n', exitCode: 1 };
    if (e instanceof KubectlError) return { stdout: '', stderr: e.text + '\n', exitCode: 1 };
    const msg = e instanceof Error ? e.message : String(e);
    return { stdout: '', stderr: `error: ${msg}\n`, exitCode: 1 };
  }
}
