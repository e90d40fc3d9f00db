import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { Args } from './flags';
import { flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { base64OfText, encodeBase64 } from '../api/base64';
import { sha256, utf8 } from '../network/sha256';
import { resolveType } from './resolve';
import type { KubectlResult } from './types';

/**
 * kubectl's container name for an image: the last path element without tag or digest,
 * `_` turned into `-` (create_deployment.go buildPodSpec).
 */
export function containerNameForImage(image: string): string {
  let name = image.slice(image.lastIndexOf('/') + 1);
  if (name.includes('@')) name = name.slice(0, name.indexOf('@'));
  if (name.includes(':')) name = name.slice(0, name.indexOf(':'));
  return name.replace(/_/g, '-');
}

function created(cluster: Cluster, obj: KubeObject, prefix: string): KubectlResult {
  const { kind, metadata } = obj;
  const res = cluster.userClient().create(obj, { reason: `kubectl created ${kind} ${metadata.name}`, code: 'record.kubectl.createWorkload', params: { kind, name: metadata.name } });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  return { stdout: `${prefix}/${metadata.name} created\n`, stderr: '', exitCode: 0 };
}

/** `kubectl create deployment NAME --image=IMG [--image=IMG2] [--replicas=N] [--port=P] [-- CMD...]`. */
export function runCreateDeployment(cluster: Cluster, args: Args, name: string | undefined, command: string[]): KubectlResult {
  if (!name) throw usage('exactly one NAME is required, got 0');
  const images = args.flags.get('image') ?? [];
  if (!images.length) throw usage('required flag(s) "image" not set');
  if (images.length > 1 && command.length) throw usage('cannot specify multiple --image options and command');
  const replicasText = flag(args, 'replicas') ?? '1';
  if (!/^-?\d+$/.test(replicasText)) throw usage(`invalid argument "${replicasText}" for "-r, --replicas" flag: strconv.ParseInt: parsing "${replicasText}": invalid syntax`);
  const portText = flag(args, 'port');
  if (portText !== undefined && !/^-?\d+$/.test(portText)) throw usage(`invalid argument "${portText}" for "--port" flag: strconv.ParseInt: parsing "${portText}": invalid syntax`);
  const namespace = flag(args, 'namespace') ?? 'default';
  const labels = { app: name };
  const used = new Set<string>();
  const containers = images.map((image) => {
    let cname = containerNameForImage(image);
    // kubectl appends a random suffix to repeated names; the sim's is the index, to stay deterministic.
    if (used.has(cname)) cname = `${cname}-${used.size}`;
    used.add(cname);
    return {
      name: cname,
      image,
      ...(portText !== undefined ? { ports: [{ containerPort: Number(portText) }] } : {}),
      ...(command.length ? { command } : {}),
      resources: {},
    };
  });
  const deploy: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas: Number(replicasText),
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
    },
  };
  return created(cluster, deploy, 'deployment.apps');
}

/** `kubectl create cronjob NAME --image=IMG --schedule='*\/1 * * * *' [--restart=OnFailure|Never] [-- CMD...]`. */
export function runCreateCronJob(cluster: Cluster, args: Args, name: string | undefined, command: string[]): KubectlResult {
  if (!name) throw usage('exactly one NAME is required, got 0');
  const image = flag(args, 'image');
  const schedule = flag(args, 'schedule');
  if (!image) throw usage('--image must be specified');
  if (!schedule) throw usage('--schedule must be specified');
  const restart = flag(args, 'restart') ?? 'OnFailure';
  if (restart !== 'OnFailure' && restart !== 'Never') throw usage(`restart policy must be one of [OnFailure Never]`);
  const namespace = flag(args, 'namespace') ?? 'default';
  const cj: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace },
    spec: {
      schedule,
      jobTemplate: {
        metadata: { name },
        spec: { template: { metadata: {}, spec: { containers: [{ name, image, ...(command.length ? { command } : {}), resources: {} }], restartPolicy: restart } } },
      },
    },
  };
  return created(cluster, cj, 'cronjob.batch');
}

function base64url(text: string | Uint8Array): string {
  const b64 = typeof text === 'string' ? base64OfText(text) : encodeBase64(text);
  return b64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Parses kubectl's --duration (Go durations: 1h, 30m, 600s, 1h30m). */
function durationSeconds(text: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!m || text === '') return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/**
 * `kubectl create token SA [--duration=1h] [--audience=...]`: a TokenRequest for the
 * ServiceAccount. The sim prints a JWT with the claims kube-apiserver signs (iss, sub,
 * kubernetes.io.serviceaccount ...); the signature is a deterministic hash, not RS256.
 */
export function runCreateToken(cluster: Cluster, args: Args, name: string | undefined, rest: string[]): KubectlResult {
  if (!name || rest.length) throw usage(`exactly one NAME is required, got ${name ? 1 + rest.length : 0}`);
  const namespace = flag(args, 'namespace') ?? 'default';
  const got = cluster.api.get(resolveType('serviceaccounts'), namespace, name);
  if (!got.ok) throw new KubectlError(`error: failed to create token: ${got.status.message}`);
  const dText = flag(args, 'duration') ?? '1h';
  const seconds = durationSeconds(dText);
  if (seconds === undefined) throw usage(`invalid argument "${dText}" for "--duration" flag: time: invalid duration "${dText}"`);
  if (seconds !== 0 && seconds < 600) throw usage('--duration must be greater than or equal to 10m');
  const iat = Math.floor(cluster.clock.nowMillis() / 1000);
  const iss = 'https://kubernetes.default.svc.cluster.local';
  const jti = [...sha256(utf8(`${namespace}/${name}/${iat}/${cluster.clock.tick}`))].slice(0, 16).map((b) => b.toString(16).padStart(2, '0')).join('');
  const uuid = `${jti.slice(0, 8)}-${jti.slice(8, 12)}-${jti.slice(12, 16)}-${jti.slice(16, 20)}-${jti.slice(20, 32)}`;
  const header = { alg: 'RS256', kid: base64url(sha256(utf8('kube-orchestra-sa-signing-key'))).slice(0, 43) };
  const payload = {
    aud: [iss],
    exp: iat + (seconds || 3600),
    iat,
    iss,
    jti: uuid,
    'kubernetes.io': { namespace, serviceaccount: { name, uid: got.object.metadata.uid ?? '' } },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  const signing = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  // 256 bytes, the size of an RS256 signature, made from repeated hashes of the signed part.
  const sig = new Uint8Array(256);
  for (let i = 0; i < 8; i++) sig.set(sha256(utf8(`${i}:${signing}`)), i * 32);
  return { stdout: `${signing}.${base64url(sig)}\n`, stderr: '', exitCode: 0 };
}
