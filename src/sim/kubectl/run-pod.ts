import type { Container, EnvVar } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { parseWith, ownFlag } from './svcflags';
import { toJson, toYaml } from './printers/output';
import type { KubectlResult } from './types';

const INTERACTIVE = new Set(['-i', '-t', '-it', '-ti', '--stdin', '--tty', '--rm', '--attach']);

function keyValues(text: string, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of text.split(',')) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new KubectlError(`error: invalid ${what} spec: ${kv}`);
    out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}

/**
 * `kubectl run NAME --image=IMAGE [--labels=k=v] [--port=N] [--restart=Always|OnFailure|Never]
 * [--env=K=V] [--command] [-- ARGS...]`: one Pod labelled run=NAME, as kubectl run creates.
 */
export function runRunPod(cluster: Cluster, argv: string[]): KubectlResult {
  const before = argv.indexOf('--') >= 0 ? argv.slice(0, argv.indexOf('--')) : argv;
  const interactive = before.find((a) => INTERACTIVE.has(a.replace(/=.*$/, '')));
  if (interactive)
    throw new KubectlError(
      `error: ${interactive}: interactive sessions are not supported by Kube Orchestra's kubectl run; create the pod without -i/-t/--rm, then use "kubectl exec POD -- COMMAND" or "kubectl logs POD"`,
    );
  const { args, own } = parseWith(argv, ['labels', 'port', 'restart', 'env', 'image-pull-policy', 'annotations', 'overrides'], ['command', 'expose']);
  if (own.has('overrides')) throw usage('--overrides is not supported by Kube Orchestra yet; use --dry-run=client -o yaml, edit, then kubectl apply -f');
  if (own.has('expose')) throw usage('--expose is not supported by Kube Orchestra yet; run "kubectl expose pod NAME --port=N" after kubectl run');
  const sep = args.positional.indexOf('--');
  const words = sep >= 0 ? args.positional.slice(0, sep) : args.positional;
  const trailing = sep >= 0 ? args.positional.slice(sep + 1) : [];
  const [name, ...rest] = words;
  if (!name) throw usage('NAME is required for run');
  const image = flag(args, 'image');
  if (!image) throw new KubectlError('error: required flag(s) "image" not set');
  const namespace = flag(args, 'namespace') ?? 'default';
  const restart = ownFlag(own, 'restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`);
  const argsAfter = [...rest, ...trailing];
  const container: Container & { resources: object } = { name, image, resources: {} };
  if (argsAfter.length) {
    if (own.has('command')) (container as { command?: string[] }).command = argsAfter;
    else (container as { args?: string[] }).args = argsAfter;
  }
  const env: EnvVar[] = (own.get('env') ?? []).map((kv) => {
    const i = kv.indexOf('=');
    return i > 0 ? { name: kv.slice(0, i), value: kv.slice(i + 1) } : { name: kv };
  });
  if (env.length) (container as { env?: EnvVar[] }).env = env;
  const port = ownFlag(own, 'port');
  if (port !== undefined) {
    if (!/^\d+$/.test(port)) throw new KubectlError(`error: invalid argument "${port}" for "--port" flag: strconv.ParseInt: parsing "${port}": invalid syntax`);
    (container as { ports?: { containerPort: number }[] }).ports = [{ containerPort: Number(port) }];
  }
  const pullPolicy = ownFlag(own, 'image-pull-policy');
  if (pullPolicy) (container as { imagePullPolicy?: string }).imagePullPolicy = pullPolicy;
  const labelsText = ownFlag(own, 'labels');
  const labels = labelsText ? keyValues(labelsText, 'label') : { run: name };
  const annotationsText = ownFlag(own, 'annotations');
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels, ...(annotationsText ? { annotations: keyValues(annotationsText, 'annotation') } : {}) },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
  };
  const dryRun = flag(args, 'dry-run');
  const output = flag(args, 'output');
  if (dryRun && dryRun !== 'none' && dryRun !== 'false') {
    const shown = { ...pod, metadata: { ...pod.metadata, namespace: undefined }, status: {} };
    delete shown.metadata.namespace;
    if (output === 'yaml') return { stdout: toYaml(shown), stderr: '', exitCode: 0 };
    if (output === 'json') return { stdout: toJson(shown), stderr: '', exitCode: 0 };
    return { stdout: `pod/${name} created (dry run)\n`, stderr: '', exitCode: 0 };
  }
  const res = cluster.userClient().create(pod, { reason: `kubectl run created pod ${name} from image ${image}`, code: 'record.kubectl.runPod', params: { name, image } });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  if (output === 'yaml') return { stdout: toYaml(res.object), stderr: '', exitCode: 0 };
  return { stdout: `pod/${name} created\n`, stderr: '', exitCode: 0 };
}
